import CorpusModel

/// Writes CWB vertical text (VRT) that `cwb-encode` indexes and that matches ParlaMint's
/// `.vert` layout for ParlaMint input.
///
/// Layout, one item a line, UTF-8, `&`, `<`, `>` (and `"` in attributes) escaped:
/// - `<text id="DOC" title=… author=… date=… lang=…>` per document (the named metadata
///   fields, plus free metadata pairs whose keys are plain names);
/// - `<speech id=… speaker_id=… ana=…>` around the blocks of one utterance (block
///   attributes `utterance`, `speaker`, `ana`, as the TEI reader sets them from `u`);
/// - `<p id=… lang=…>` per paragraph (quote and list item too), then `<s id=…>`;
/// - `<name type=…>` around entity tokens (`ner` labels `B-TYPE`/`I-TYPE`);
/// - one token per line, the positional attributes of `p-attrs` separated by TABs
///   (default ParlaMint's: word, norm, lemma, upos, feats, id, deprel, head_lemma,
///   head_upos, head_feats, head_id); a multiword token is one line whose columns join
///   its parts' values with `|`;
/// - `<g/>` between two tokens with no space between them;
/// - headings and notes as `<note type="head|NOTE-TYPE" content="TEXT"/>` lines (as
///   ParlaMint conflates them), not as tokens.
public struct VRTWriter: CorpusWriter {
    /// A writer with no state; options come with each ``makeSink(writingTo:options:)``.
    public init() {}

    /// `vrt` (aliases `vert`, `cwb`), extensions `vrt`/`vert`.
    public var format: FormatDescription { VRTFormat.description }

    /// Tokens: every token is a line.
    public var requires: Capabilities { [.sentences, .tokens] }

    /// A sink writing VRT to `output`; options: `p-attrs` (comma-separated, see ``PositionalAttribute``).
    public func makeSink(writingTo output: ByteOutput, options: FormatOptions) throws -> any CorpusEventSink {
        VRTWriterSink(output: output, attributes: try VRTFormat.positionalAttributes(options))
    }
}

import CorpusModel

/// Writes CoNLL-U that UD tools (udapi, Python `conllu`, UDPipe, Stanza) read: one word per
/// line in 10 columns, a blank line after each sentence, streaming.
///
/// Needs tokens: from plain text the planner inserts segmentation and tokenization, and the
/// columns nothing fills are `_`. Comments: `# newdoc id` at a document's first sentence,
/// `# newpar id` at a block's first sentence (neither for what the reader marked as having
/// none), `# sent_id`, `# text` (the surface the words spell, ranges honoured), then the
/// sentence's other comments in order. Range lines come right before their first word, empty
/// nodes right after the word they follow. `SpaceAfter=No`: see ``MiscColumn``. A token's
/// `ner` attribute becomes `NER=…` first in MISC when MISC has no `NER=` item (ParlaMint's
/// layout). Blocks without sentences and sentences without tokens write nothing; a field with
/// a TAB or a line break cannot be written and is an error naming the sentence.
public struct CoNLLUWriter: CorpusWriter {
    public init() {}

    public var format: FormatDescription { CoNLLUFormat.description }
    public var requires: Capabilities { [.sentences, .tokens] }

    public func makeSink(writingTo output: ByteOutput, options: FormatOptions) throws -> any CorpusEventSink {
        CoNLLUSink(output: output)
    }
}

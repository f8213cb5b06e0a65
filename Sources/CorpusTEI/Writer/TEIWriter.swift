import CorpusModel

/// Writes the model as TEI P5 XML that validates against `tei_all`: a `TEI`
/// per document (a `teiCorpus` for several), `teiHeader` from the metadata,
/// nested `div`s rebuilt from heading levels, `p`/`s`/`w`/`pc` with `xml:id`.
///
/// Options:
/// - `indent`: `true` (default) or `false` — one element per line, two spaces a level.
/// - `tokens`: `true` (default) writes `<w>`/`<pc>` for tokenized sentences; `false` writes sentence text only.
/// - `corpus`: `auto` (default: `teiCorpus` when the stream has several documents;
///   the first document is held in memory, up to 4 MiB of text, until the second
///   starts or the stream ends), `yes` (always `teiCorpus`) or `no` (exactly one `TEI`).
///   `yes`/`no` stream with memory bounded by one block.
/// - `corpus-title`: the title of the `teiCorpus` header (default `Corpus`).
///
/// Mapping (read back by ``TEIReader``): title and authors → `titleStmt`; licence →
/// `publicationStmt/availability/licence`; `extra` → `notesStmt/note[@n=KEY]`;
/// source → `sourceDesc/p`; date → `profileDesc/creation/date`; language →
/// `langUsage/language/@ident` and `text/@xml:lang`. Blocks: heading → `div/head`,
/// paragraph → `p`, quote → `quote`, list item → `list/item`, note → `note`.
/// Tokens: words `w`, punctuation `pc`, other kinds `w`/`pc` with `@type`; a token
/// without a following space gets `join="right"` and no space is written after it.
/// Annotation (lemma, UPOS/FEATS as `@msd`, XPOS as `@pos`, multiword tokens, `ner`
/// labels as `<name>`, dependencies as `linkGrp type="UD-SYN"`) follows ParlaMint; see
/// `TEITokenWriter`. Blocks with a `speaker` or `utterance` attribute go into `<u>`, notes
/// keep `note-type` as `@type`; other block attributes are not written (TEI has no place
/// for arbitrary ones), sentence attributes of tokenized sentences go to `spanGrp type="CoNLL-U"`.
public struct TEIWriter: CorpusWriter {
    /// A writer with no state; options come with each ``makeSink(writingTo:options:)``.
    public init() {}

    /// `tei` (alias `xml`), extensions `xml`/`tei`, `application/tei+xml`.
    public var format: FormatDescription { TEIFormat.description }

    /// Nothing: unsegmented blocks are written as text in `<p>`, sentences as `<s>`.
    public var requires: Capabilities { [] }

    /// A sink that writes TEI to `output`; its `finish()` closes the document or corpus.
    public func makeSink(writingTo output: ByteOutput, options: FormatOptions) throws -> any CorpusEventSink {
        let settings = try TEIWriterSettings(options)
        return TEIWriterSink(output: output, settings: settings)
    }
}

/// The TEI format's description, shared by the reader and the writer.
enum TEIFormat {
    static let description = FormatDescription(
        name: "tei", aliases: ["xml"], extensions: ["xml", "tei"], mediaType: "application/tei+xml",
        summary: "TEI P5 XML (TEI or teiCorpus; div/head/p/s/w/pc with xml:id)")
}

/// The writer's options, parsed once.
struct TEIWriterSettings {
    enum CorpusMode: String { case auto, yes, no }

    var indent: Bool
    var tokens: Bool
    var corpus: CorpusMode
    var corpusTitle: String
    /// How much block text `corpus=auto` holds before committing to a single `TEI`.
    var autoBufferLimit = 4 << 20

    init(_ options: FormatOptions) throws {
        indent = try options.choice("indent", ["true", "false", "yes", "no", "1", "0"], default: "true")
            .isTrueish
        tokens = try options.choice("tokens", ["true", "false", "yes", "no", "1", "0"], default: "true").isTrueish
        corpus = CorpusMode(rawValue: try options.choice("corpus", ["auto", "yes", "no"], default: "auto")) ?? .auto
        corpusTitle = options["corpus-title"] ?? "Corpus"
    }
}

extension String {
    fileprivate var isTrueish: Bool { self == "true" || self == "yes" || self == "1" }
}

import CorpusModel

/// Reads TEI P5 written by other projects (namespaced or not, TEI P4 `TEI.2`,
/// `teiCorpus`) into the model without losing text, streaming through libxml2's
/// SAX2 push parser so memory stays bounded by one block.
///
/// What it does with the markup:
/// - `teiHeader` → metadata (see the mapping in the writer's docs); every header
///   text or attribute without a field goes to `extra` as `path` / `path@attr`.
/// - `div` depth → heading level of its `head`; `p`, `ab`, `l`, `u`/`seg`, `sp`/`speaker`/`stage`,
///   `item`, `quote`, `note` and the other block elements → blocks (non-`p` blocks
///   carry `tei=ELEMENT` in their attributes); text directly in a `div`/`u`/… → an
///   implicit paragraph; a `p` nested in a `p` splits the outer one (nothing is lost).
/// - `s` → sentences (ids from `xml:id` when it is an NCName, else `BLOCK.sN`);
///   `w`/`pc` → tokens, spacing from `join="right"` and the whitespace between tokens.
/// - `note` inside a block becomes its own note block right after that block, so its
///   text never runs into a sentence (notes are kept, never dropped).
/// - `lb`/`pb`/`cb`/`milestone`/`space` separate words unless `break="no"`.
/// - `choice`: the regularised/corrected/expanded reading by default; `app`: the `lem`
///   (else the first reading with text).
/// - `gap` content (a description of missing text) and `fw` (running heads, page
///   numbers, catchwords: forme work, not text) are dropped; so is everything
///   outside `teiHeader` and `text` (`facsimile`, `standOff`); the `teiCorpus`
///   header is used only when the corpus holds no `TEI` (its skipped `xi:include`
///   hrefs then go to `extra`).
/// - `front`/`body`/`back` directly under `TEI`, with no `text` around them (some
///   ELTeC files), are read as the text, with a warning.
/// - Layout whitespace is collapsed to single spaces and trimmed; soft hyphens,
///   no-break spaces and combining marks are kept.
///
/// Options:
/// - `choice`: `reg` (default: `reg`/`corr`/`expan`) or `orig` (`orig`/`sic`/`abbr`).
/// - `xinclude`: `true` (default) reads the `xi:include` members of a `teiCorpus`
///   (ParlaMint corpus roots), within fixed limits: relative paths
///   inside the root file's folder tree, no network, no cycles, at most 8 levels.
///   A missing target without `xi:fallback` is an error naming it. `false` skips
///   them and warns how many were skipped.
/// - `entities`: `keep` (default) or `error` — an entity declared only in an external
///   DTD (never loaded) is kept as the literal text `&name;` (with a warning pair), or an error.
///
/// Safety: no network, no DTD loading, no entity substitution beyond the
/// document's own internal subset (with libxml2's amplification limits), default
/// size limits; external entities are an `.unsafe` error.
public struct TEIReader: ParsingBoundReader {
    /// A reader with no state; options come with each ``read(_:options:into:)``.
    public init() {}

    /// `tei` (alias `xml`), extensions `xml`/`tei`, `application/tei+xml`.
    public var format: FormatDescription { TEIFormat.description }

    /// TEI may or may not carry sentences; the stream promises only blocks.
    public var provides: Capabilities { [] }

    /// `certain` when the TEI namespace appears in the first bytes, `likely` for a
    /// `<TEI`/`<teiCorpus` tag, `possible` for other XML.
    public func sniff(_ prefix: [UInt8]) -> SniffResult {
        let text = String(decoding: prefix.prefix(4096), as: UTF8.self)
        if text.contains("http://www.tei-c.org/ns/1.0") { return .certain }
        if text.contains("<TEI") || text.contains("<teiCorpus") { return .likely }
        if text.hasPrefix("<?xml") || text.hasPrefix("\u{FEFF}<?xml") { return .possible }
        return .no
    }

    /// Streams the TEI in `input` into `sink` (one `startDocument … endDocument` per
    /// `TEI`); throws a ``CorpusError`` naming the file, line and column on bad input.
    public func read(_ input: InputSource, options: FormatOptions, into sink: any CorpusEventSink) throws {
        try read(input, options: options, into: sink, chunkSize: 1 << 20)
    }

    /// ``read(_:options:into:)`` feeding libxml2 `chunkSize` bytes at a time (tests use tiny chunks).
    func read(_ input: InputSource, options: FormatOptions, into sink: any CorpusEventSink, chunkSize: Int) throws {
        let settings = try TEIReaderSettings(options)
        let skipped = try read(input, settings: settings, scope: XIncludeScope(root: input), into: sink, chunkSize: chunkSize)
        if skipped > 0 {
            try options.warn(Diagnostic(
                severity: .warning,
                message: "\(skipped) xi:include reference\(skipped == 1 ? "" : "s") skipped (xinclude=false): their documents are not read",
                file: input.name))
        }
    }

    /// Reads one file of an include tree; returns how many `xi:include`s it skipped.
    func read(
        _ input: InputSource, settings: TEIReaderSettings, scope: XIncludeScope, into sink: any CorpusEventSink,
        chunkSize: Int = 1 << 20
    ) throws -> Int {
        let handler = TEIStreamHandler(sink: sink, settings: settings, input: input, scope: scope)
        let parser = SAXPushParser(handler: handler, fileName: input.name)
        handler.locate = { [unowned parser] in parser.location }
        try parser.parse(input, chunkSize: chunkSize)
        return handler.skippedIncludes
    }
}

/// The reader's options, parsed once.
struct TEIReaderSettings {
    enum ChoiceMode: String { case reg, orig }
    enum EntityMode: String { case error, keep }

    var choice: ChoiceMode
    /// Whether `xi:include` members of a `teiCorpus` are read (the default).
    var xinclude: Bool
    var entities: EntityMode
    /// The caller's options, for warnings.
    var options: FormatOptions

    init(_ options: FormatOptions) throws {
        choice = ChoiceMode(rawValue: try options.choice("choice", ["reg", "orig"], default: "reg")) ?? .reg
        xinclude = try options.boolean("xinclude", default: true)
        entities = EntityMode(rawValue: try options.choice("entities", ["error", "keep"], default: "keep")) ?? .keep
        self.options = options
    }

    /// Element names preferred inside `choice` (and `app`, where the lemma wins).
    var preferredAlternatives: Set<String> {
        choice == .reg ? ["reg", "corr", "expan", "lem"] : ["orig", "sic", "abbr", "lem"]
    }

    /// Sends a warning about `file` at `location` through the caller's handler.
    func warn(_ message: String, file: String, location: SourceLocation?) throws {
        try options.warn(Diagnostic(severity: .warning, message: message, file: file, location: location))
    }
}

/// Reads bytes of one format into events.
public protocol CorpusReader: Sendable, OptionDeclaring {
    var format: FormatDescription { get }
    /// What every stream from this reader is guaranteed to carry.
    var provides: Capabilities { get }
    /// Looks at the first bytes of an input (up to 4 KiB) to guess its format.
    func sniff(_ prefix: [UInt8]) -> SniffResult
    /// Streams `input` into `sink` as events. Throws ``CorpusError`` naming the
    /// input and the place on bad input. Does not call `sink.finish()`.
    func read(_ input: InputSource, options: FormatOptions, into sink: any CorpusEventSink) throws
}

/// A reader whose parsing costs more than all that follows it (libxml2 parsing TEI):
/// the driver keeps it on its own thread even when transforms already run on other
/// threads, so parsing overlaps writing. Other readers then share the writer's thread.
public protocol ParsingBoundReader: CorpusReader {}

/// Writes events as bytes of one format.
public protocol CorpusWriter: Sendable, OptionDeclaring {
    var format: FormatDescription { get }
    /// What the stream must carry (CSV needs sentences); the planner inserts transforms.
    var requires: Capabilities { get }
    /// What the stream must carry with these options (text in `sentences` style
    /// needs sentences, in `paragraphs` style it does not). Defaults to ``requires``.
    func requires(options: FormatOptions) -> Capabilities
    /// A sink that writes the events it receives to `output`; its `finish()`
    /// completes the format (closing tags, a final newline) but does not close `output`.
    func makeSink(writingTo output: ByteOutput, options: FormatOptions) throws -> any CorpusEventSink
}

/// Rewrites events: segmentation, tokenization, normalization, filters.
public protocol CorpusTransform: Sendable, OptionDeclaring {
    /// The name used with `--transform` and in `--explain`.
    var name: String { get }
    var summary: String { get }
    /// What the stream carries after this transform.
    var provides: Capabilities { get }
    /// What the stream must carry before it.
    var requires: Capabilities { get }
    func makeSink(sendingTo downstream: any CorpusEventSink, options: FormatOptions) throws -> any CorpusEventSink
}

/// Checks one input of a format and reports every problem found.
public protocol CorpusValidator: Sendable, OptionDeclaring {
    /// The format this validator checks (`tei`).
    var formatName: String { get }
    /// Returns diagnostics (empty when valid); throws only when the check itself
    /// cannot run (unreadable file, unusable schema).
    func validate(_ input: InputSource, options: FormatOptions) throws -> [Diagnostic]
}

extension CorpusReader {
    /// Reads a whole input into documents; for small inputs and tests.
    public func readDocuments(_ input: InputSource, options: FormatOptions = FormatOptions()) throws -> [Document] {
        let collector = DocumentCollector()
        try read(input, options: options, into: collector)
        try collector.finish()
        return collector.documents
    }
}

extension OptionDeclaring {
    /// No options, unless the plugin lists its own.
    public var optionSpecs: [OptionSpec] { [] }
}

extension CorpusWriter {
    public func requires(options: FormatOptions) -> Capabilities { requires }

    /// Writes documents to memory and returns the bytes; for small outputs and tests.
    public func write(_ documents: [Document], options: FormatOptions = FormatOptions()) throws -> [UInt8] {
        let output = ByteOutput.memory()
        let sink = try makeSink(writingTo: output, options: options)
        for d in documents { try sink.receive(document: d) }
        try sink.finish()
        try output.flush()
        return output.bytes
    }

    /// ``write(_:options:)`` decoded as UTF-8.
    public func string(_ documents: [Document], options: FormatOptions = FormatOptions()) throws -> String {
        String(decoding: try write(documents, options: options), as: UTF8.self)
    }
}

/// A reader that can say what it decided about an input (a text layout, an
/// encoding) and why, for `corpuskit convert --explain`.
public protocol ExplainingReader: CorpusReader {
    func explain(_ input: InputSource, options: FormatOptions) throws -> String
}

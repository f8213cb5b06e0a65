import CorpusModel

/// Writes a sentence table as TSV: one line per sentence, never quoted, with
/// tab, LF, CR and backslash in values written as `\t`, `\n`, `\r`, `\\`.
///
/// Same options and columns as ``CSVWriter`` (`columns`, `crlf`, `bom`).
public struct TSVWriter: CorpusWriter {
    public init() {}

    public var format: FormatDescription { TSVReader.description }
    public var requires: Capabilities { .sentences }
    /// A token table (`table=tokens`) needs tokens as well.
    public func requires(options: FormatOptions) -> Capabilities { SentenceTableWriterOptions.requires(options) }

    public func makeSink(writingTo output: ByteOutput, options: FormatOptions) throws -> any CorpusEventSink {
        try TableDialect.tsv.makeWriterSink(writingTo: output, options: options)
    }
}

import CorpusModel

/// Reads a TSV sentence table back into documents: one line per row, fields
/// split at tabs, `\t`, `\n`, `\r`, `\\` undone (any other backslash is kept).
///
/// Columns, options and errors as for ``CSVReader``.
public struct TSVReader: CorpusReader {
    public init() {}

    static let description = FormatDescription(
        name: "tsv", extensions: ["tsv", "tab"], mediaType: "text/tab-separated-values",
        summary: "sentence table, one row per sentence (tab-separated, backslash escapes)")

    public var format: FormatDescription { Self.description }
    public var provides: Capabilities { .sentences }

    public func sniff(_ prefix: [UInt8]) -> SniffResult { TableDialect.tsv.sniff(prefix) }

    public func read(_ input: InputSource, options: FormatOptions, into sink: any CorpusEventSink) throws {
        try TableDialect.tsv.read(input, options: options, into: sink)
    }
}

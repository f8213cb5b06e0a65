import CorpusModel

/// Writes a sentence table as RFC 4180 CSV, one row per sentence, for pandas,
/// R and spreadsheets, with enough columns to rebuild the documents.
///
/// Options:
/// - `table`: `sentences` (default) or `tokens`: one row per token with its
///   annotation (see ``TokenColumn``); tokens are made first when the input has none.
/// - `columns`: comma-separated column names choosing and ordering the
///   columns (see ``SentenceColumn``, or ``TokenColumn`` for a token table); default
///   `doc_id,block_id,block_kind,level,sentence_id,sentence_n,text,doc_meta`.
/// - `crlf`: end rows with CR LF instead of LF.
/// - `bom`: start with a UTF-8 byte-order mark (for spreadsheet programs).
///
/// A header row comes first. Quoting, empty blocks and documents: see
/// ``TableDialect`` and ``SentenceColumn``. Streams: memory stays flat.
public struct CSVWriter: CorpusWriter {
    public init() {}

    public var format: FormatDescription { CSVReader.description }
    public var requires: Capabilities { .sentences }
    /// A token table (`table=tokens`) needs tokens as well.
    public func requires(options: FormatOptions) -> Capabilities { SentenceTableWriterOptions.requires(options) }

    public func makeSink(writingTo output: ByteOutput, options: FormatOptions) throws -> any CorpusEventSink {
        try TableDialect.csv.makeWriterSink(writingTo: output, options: options)
    }
}

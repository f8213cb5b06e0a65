import CorpusModel

/// Reads a CSV sentence table (RFC 4180, from CorpusKit, pandas, R or a
/// spreadsheet) back into documents, blocks and sentences, streaming.
///
/// Columns are found by header name in any order (case and surrounding
/// spaces ignored; see ``SentenceColumn``); only `text` is required.
/// - `doc_id`: a new document starts when it changes; absent: one document
///   named after the file. A document's rows must be together.
/// - `block_id`: a new block starts when it changes; empty: a row for a
///   document without blocks. Absent: a new block at each `sentence_n` of 1
///   (or 0), or, without `sentence_n`, one block per row (ids `DOC.pN`).
/// - `block_kind` (default paragraph), `level`, `block_lang` or `language`.
/// - `sentence_id` (generated `BLOCK.sN` when empty), `sentence_n` (`0` marks
///   a block without sentences; otherwise only checked to be a number), `text`.
/// - `doc_meta` (JSON, see ``MetadataCell``) on a document's first row;
///   `title`, `authors`, `date`, `source`, `licence`, `language` and
///   `meta:NAME` fill what it leaves unset.
/// - `tokens`: rebuilt as tokens when the forms spell the text, else kept as
///   an attribute; `token_count`, `char_start`, `char_end` are derived and ignored.
/// - Any other column becomes a sentence attribute (non-empty values, header order).
///
/// Options: `column-names` (comma-separated names for a table without a
/// header; a first row equal to them is skipped; named apart from the
/// writer's `columns` so one option bag can serve a CSV → CSV conversion),
/// `max-row-bytes` (longest row accepted, default 64 MiB).
/// A UTF-8 BOM is skipped; LF, CR LF and CR line ends are accepted. Errors
/// (ragged rows, an unterminated quote, invalid UTF-8, a missing `text`
/// column) name the row and column, with the line and column in the file.
public struct CSVReader: CorpusReader {
    public init() {}

    static let description = FormatDescription(
        name: "csv", extensions: ["csv"], mediaType: "text/csv",
        summary: "sentence table, one row per sentence (RFC 4180 CSV)")

    public var format: FormatDescription { Self.description }
    public var provides: Capabilities { .sentences }

    public func sniff(_ prefix: [UInt8]) -> SniffResult { TableDialect.csv.sniff(prefix) }

    public func read(_ input: InputSource, options: FormatOptions, into sink: any CorpusEventSink) throws {
        try TableDialect.csv.read(input, options: options, into: sink)
    }
}

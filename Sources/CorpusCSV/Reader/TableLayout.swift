import CorpusModel

/// Which field of a row holds which column, worked out once from the header.
struct TableLayout {
    var names: [String]
    var documentID: Int?
    var blockID: Int?
    var blockKind: Int?
    var level: Int?
    var sentenceID: Int?
    var sentenceNumber: Int?
    var text = 0
    var documentMetadata: Int?
    var tokens: Int?
    var language: Int?
    var blockLanguage: Int?
    var title: Int?
    var authors: Int?
    var date: Int?
    var source: Int?
    var licence: Int?
    var speaker: Int?
    /// `meta:NAME` columns: free document metadata pairs.
    var metadataPairs: [(index: Int, key: String)] = []
    /// Every other column: kept as sentence attributes, in header order.
    var attributes: [(index: Int, key: String)] = []

    /// The layout for header `names`; a `.structure` error (row 1) names a
    /// missing `text` column or a column given twice.
    init(names: [String], record: TableRecord?) throws {
        self.names = names
        var seen: [SentenceColumn: Int] = [:]
        var textIndex: Int?
        for (i, raw) in names.enumerated() {
            let column = SentenceColumn(headerName: raw)
            if let earlier = seen[column] {
                throw Self.error(
                    "row 1, column \(raw): column '\(column.name)' appears twice (columns \(earlier + 1) and \(i + 1))",
                    record, field: i)
            }
            seen[column] = i
            switch column {
            case .documentID: documentID = i
            case .blockID: blockID = i
            case .blockKind: blockKind = i
            case .level: level = i
            case .sentenceID: sentenceID = i
            case .sentenceNumber: sentenceNumber = i
            case .text: textIndex = i
            case .documentMetadata: documentMetadata = i
            case .tokens: tokens = i
            case .language: language = i
            case .blockLanguage: blockLanguage = i
            case .title: title = i
            case .authors: authors = i
            case .date: date = i
            case .source: source = i
            case .licence: licence = i
            case .speaker: speaker = i
            case .tokenCount, .charStart, .charEnd: break  // derived from the text; recomputed on writing
            case .metadata(let key): metadataPairs.append((i, key))
            case .attribute(let key): attributes.append((i, key))
            }
        }
        guard let textIndex else {
            if names.contains("form") && names.contains("n") {
                throw Self.error("row 1: this is a token table (one row per token); reading token tables back is not supported, "
                                 + "convert the source to CSV without --table tokens for a table that reads back", record, field: nil)
            }
            throw Self.error(
                "row 1: missing required column 'text' (the header has: \(names.joined(separator: ", ")))",
                record, field: nil)
        }
        text = textIndex
    }

    private static func error(_ message: String, _ record: TableRecord?, field: Int?) -> CorpusError {
        guard let record else { return CorpusError(.structure, message) }
        return record.error(.structure, message, at: field.map(record.fieldOffset) ?? record.start)
    }
}

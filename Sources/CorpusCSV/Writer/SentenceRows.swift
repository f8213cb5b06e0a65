import CorpusModel

/// Writes the rows of a sentence table for one block: what ``SentenceTableSink``
/// writes, and what ``SentenceTableRenderer`` renders ahead on the thread that
/// segmented the block (the same code, so the same bytes). Holds the table's
/// settings only; the document's state (whether its first row, which carries
/// the metadata cell, is written) is passed in.
struct SentenceRows: Sendable {
    let dialect: TableDialect
    let columns: [SentenceColumn]
    private let fields: FieldWriter
    private let lineEnd: [UInt8]
    /// Whether a column needs character offsets (counting costs a pass over each text).
    private let needsOffsets: Bool
    /// `columns` as plain codes for the sentence rows' loop (see ``RowField``).
    private let rowFields: [RowField]

    init(dialect: TableDialect, columns: [SentenceColumn], lineEnd: [UInt8]) {
        self.dialect = dialect
        self.columns = columns
        self.fields = FieldWriter(dialect: dialect)
        self.lineEnd = lineEnd
        self.needsOffsets = columns.contains(.charStart) || columns.contains(.charEnd)
        self.rowFields = columns.map(RowField.init)
    }

    /// The rows of `block` (one per sentence, or one for a block without
    /// sentences). Only the first row of a document carries `metadataCell`;
    /// `documentHasRows` tells whether that row is written already, and is set.
    func write(
        _ block: Block, of doc: DocumentStart, metadataCell: String, documentHasRows: inout Bool, to out: ByteOutput
    ) throws {
        guard case .sentences(let sentences) = block.content else {
            throw CorpusError(
                .structure,
                "block '\(block.id)' of document '\(doc.id)' is not split into sentences; "
                    + "a \(dialect.name) sentence table needs sentences (segment the text first)")
        }
        if sentences.isEmpty {
            return try writeRow(
                Row(document: doc, block: block, sentence: nil), metadataCell: metadataCell,
                documentHasRows: &documentHasRows, to: out)
        }
        var offset = 0
        for i in sentences.indices {
            let length = needsOffsets ? Self.scalarCount(sentences[i].text) : 0
            try writeSentenceRow(
                doc, block, sentences, i, start: offset, end: offset + length, metadataCell: metadataCell,
                documentHasRows: &documentHasRows, to: out)
            offset += length + 1
        }
    }

    /// The columns the sentence rows write without building a ``Row``; `other`
    /// takes ``value(_:_:)``.
    private enum RowField {
        case documentID, blockID, blockKind, level, sentenceID, sentenceNumber, text, documentMetadata
        case charStart, charEnd, other(SentenceColumn)

        init(_ column: SentenceColumn) {
            switch column {
            case .documentID: self = .documentID
            case .blockID: self = .blockID
            case .blockKind: self = .blockKind
            case .level: self = .level
            case .sentenceID: self = .sentenceID
            case .sentenceNumber: self = .sentenceNumber
            case .text: self = .text
            case .documentMetadata: self = .documentMetadata
            case .charStart: self = .charStart
            case .charEnd: self = .charEnd
            default: self = .other(column)
            }
        }
    }

    /// The row of sentence `index` of `block`: the same bytes as ``writeRow(_:)``
    /// with a ``Row``, without copying the document, block and sentence into one
    /// (that copy and a `String` per cell were most of the writer's work).
    private func writeSentenceRow(
        _ document: DocumentStart, _ block: Block, _ sentences: [Sentence], _ index: Int, start: Int, end: Int,
        metadataCell: String, documentHasRows: inout Bool, to out: ByteOutput
    ) throws {
        let onlyField = rowFields.count == 1
        for i in rowFields.indices {
            if i > 0 { try out.write(byte: dialect.delimiter) }
            switch rowFields[i] {
            case .documentID: try fields.write(document.id, to: out, onlyField: onlyField)
            case .blockID: try fields.write(block.id, to: out, onlyField: onlyField)
            case .blockKind: try fields.write(block.kind.name, to: out, onlyField: onlyField)
            case .level:
                if let level = block.kind.headingLevel {
                    try fields.write(number: level, to: out)
                } else {
                    try fields.write("", to: out, onlyField: onlyField)
                }
            case .sentenceID: try fields.write(sentences[index].id, to: out, onlyField: onlyField)
            case .sentenceNumber: try fields.write(number: index + 1, to: out)
            case .text: try fields.write(sentences[index].text, to: out, onlyField: onlyField)
            case .documentMetadata: try fields.write(documentHasRows ? "" : metadataCell, to: out, onlyField: onlyField)
            case .charStart: try fields.write(number: start, to: out)
            case .charEnd: try fields.write(number: end, to: out)
            case .other(let column):
                let row = Row(document: document, block: block, sentence: sentences[index], number: index + 1, start: start, end: end)
                try fields.write(
                    value(column, row, metadataCell: metadataCell, documentHasRows: documentHasRows), to: out,
                    onlyField: onlyField)
            }
        }
        try out.write(lineEnd)
        documentHasRows = true
    }

    /// The speaker of a row: the block attribute `speaker`, else the sentence attribute.
    static func speaker(_ block: Block?, _ sentence: Sentence?) -> String {
        block?.attributes.first { $0.key == "speaker" }?.value
            ?? sentence?.attributes.first { $0.key == "speaker" }?.value ?? ""
    }

    /// Unicode scalars in `text`: its UTF-8 bytes that start a scalar.
    private static func scalarCount(_ text: String) -> Int {
        var count = 0
        for b in text.utf8 where b & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// What one row is about: a sentence, a block without sentences, or a document without blocks.
    struct Row {
        var document: DocumentStart
        var block: Block?
        var sentence: Sentence?
        var number = 0
        var start = 0
        var end = 0
    }

    /// One row for `row` (a block without sentences, a document without blocks).
    func writeRow(_ row: Row, metadataCell: String, documentHasRows: inout Bool, to out: ByteOutput) throws {
        for (i, column) in columns.enumerated() {
            if i > 0 { try out.write(byte: dialect.delimiter) }
            try fields.write(
                value(column, row, metadataCell: metadataCell, documentHasRows: documentHasRows), to: out,
                onlyField: columns.count == 1)
        }
        try out.write(lineEnd)
        documentHasRows = true
    }

    private func value(_ column: SentenceColumn, _ row: Row, metadataCell: String, documentHasRows: Bool) -> String {
        let meta = row.document.metadata
        switch column {
        case .documentID: return row.document.id
        case .blockID: return row.block?.id ?? ""
        case .blockKind: return row.block?.kind.name ?? ""
        case .level: return row.block?.kind.headingLevel.map(String.init) ?? ""
        case .sentenceID: return row.sentence?.id ?? ""
        case .sentenceNumber: return row.block == nil ? "" : String(row.number)
        case .text: return row.sentence?.text ?? ""
        case .documentMetadata: return documentHasRows ? "" : metadataCell
        case .tokenCount: return row.sentence?.tokens.map { String($0.count) } ?? ""
        case .tokens: return row.sentence?.tokens.map { $0.map(\.form).joined(separator: " ") } ?? ""
        case .charStart: return row.sentence == nil ? "" : String(row.start)
        case .charEnd: return row.sentence == nil ? "" : String(row.end)
        case .language: return row.block?.language ?? meta.language ?? ""
        case .blockLanguage: return row.block?.language ?? ""
        case .title: return meta.title ?? ""
        case .authors: return meta.authors.joined(separator: "; ")
        case .date: return meta.date ?? ""
        case .source: return meta.source ?? ""
        case .licence: return meta.licence ?? ""
        case .speaker: return Self.speaker(row.block, row.sentence)
        case .attribute(let key):
            if let v = row.sentence?.attributes.first(where: { $0.key == key }) { return v.value }
            return row.block?.attributes.first { $0.key == key }?.value ?? ""
        case .metadata(let key): return meta.extraValue(key) ?? ""
        }
    }
}

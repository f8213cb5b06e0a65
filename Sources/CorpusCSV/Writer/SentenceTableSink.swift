import CorpusModel

/// Turns the event stream into table rows as events arrive; holds nothing but
/// the current document's start, so memory does not grow with the corpus.
///
/// One row per sentence. A block without sentences gets one row with an
/// empty `sentence_id`, `sentence_n` `0` and empty `text`; a document without
/// blocks gets one row with an empty `block_id`, so neither vanishes. An
/// unsegmented block (``BlockContent/text(_:)``) is an error: segment first.
final class SentenceTableSink: CorpusEventSink {
    private let out: ByteOutput
    private let columns: [SentenceColumn]
    private let fields: FieldWriter
    private let lineEnd: [UInt8]
    private let bom: Bool
    private let dialect: TableDialect
    /// Whether a column needs character offsets (counting costs a pass over each text).
    private let needsOffsets: Bool
    /// `columns` as plain codes for the sentence rows' loop (see ``RowField``).
    private let rowFields: [RowField]

    private var started = false
    private var document: DocumentStart?
    private var documentHasRows = false
    private var metadataCell = ""

    init(out: ByteOutput, dialect: TableDialect, columns: [SentenceColumn], crlf: Bool, bom: Bool) {
        self.out = out
        self.dialect = dialect
        self.columns = columns
        self.fields = FieldWriter(dialect: dialect)
        self.lineEnd = crlf ? [0x0D, 0x0A] : [0x0A]
        self.bom = bom
        self.needsOffsets = columns.contains(.charStart) || columns.contains(.charEnd)
        self.rowFields = columns.map(RowField.init)
    }

    func receive(_ event: CorpusEvent) throws {
        try startIfNeeded()
        switch event {
        case .startDocument(let start):
            try closeDocument()
            open(start)
        case .block(let block):
            if document == nil { open(DocumentStart(id: "doc")) }
            try write(block)
        case .endDocument:
            try closeDocument()
        }
    }

    func finish() throws {
        try startIfNeeded()
        try closeDocument()
        try out.flush()
    }

    private func startIfNeeded() throws {
        guard !started else { return }
        started = true
        try fields.writeHeader(columns.map(\.header), bom: bom, lineEnd: lineEnd, to: out)
    }

    private func open(_ start: DocumentStart) {
        document = start
        documentHasRows = false
        metadataCell = MetadataCell.encode(start.metadata)
    }

    private func closeDocument() throws {
        guard let doc = document else { return }
        if !documentHasRows { try writeRow(Row(document: doc, block: nil, sentence: nil)) }
        document = nil
    }

    private func write(_ block: Block) throws {
        guard let doc = document else { return }
        guard case .sentences(let sentences) = block.content else {
            throw CorpusError(
                .structure,
                "block '\(block.id)' of document '\(doc.id)' is not split into sentences; "
                    + "a \(dialect.name) sentence table needs sentences (segment the text first)")
        }
        if sentences.isEmpty {
            return try writeRow(Row(document: doc, block: block, sentence: nil))
        }
        var offset = 0
        for i in sentences.indices {
            let length = needsOffsets ? Self.scalarCount(sentences[i].text) : 0
            try writeSentenceRow(doc, block, sentences, i, start: offset, end: offset + length)
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
        _ document: DocumentStart, _ block: Block, _ sentences: [Sentence], _ index: Int, start: Int, end: Int
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
                try fields.write(value(column, row), to: out, onlyField: onlyField)
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
    private struct Row {
        var document: DocumentStart
        var block: Block?
        var sentence: Sentence?
        var number = 0
        var start = 0
        var end = 0
    }

    private func writeRow(_ row: Row) throws {
        for (i, column) in columns.enumerated() {
            if i > 0 { try out.write(byte: dialect.delimiter) }
            try fields.write(value(column, row), to: out, onlyField: columns.count == 1)
        }
        try out.write(lineEnd)
        documentHasRows = true
    }

    private func value(_ column: SentenceColumn, _ row: Row) -> String {
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

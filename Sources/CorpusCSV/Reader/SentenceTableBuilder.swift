import CorpusModel

/// Rebuilds documents and blocks from table rows as they stream by.
///
/// A block is sent when the block id changes and a document ends when the
/// document id changes, so memory holds one block. Rows of one document must
/// be together (a document id seen before is an error); rows of one block
/// likewise. See ``CSVReader`` for how each column is read.
final class SentenceTableBuilder {
    private let sink: any CorpusEventSink
    private let scanner: TableScanner
    private let defaultDocumentID: String
    private let givenColumns: [String]?

    private var layout: TableLayout?
    private var values: [String] = []

    private var documentID: String?
    private var seenDocuments: Set<String> = []
    private var documentLanguage: String?
    private var blockCount = 0
    private var block: Block?
    private var sentences: [Sentence] = []

    init(sink: any CorpusEventSink, scanner: TableScanner, defaultDocumentID: String, columns: [String]?) throws {
        self.sink = sink
        self.scanner = scanner
        self.defaultDocumentID = defaultDocumentID
        self.givenColumns = columns
        if let columns {
            layout = try TableLayout(names: columns, record: nil)
            scanner.columnNames = columns
        }
    }

    /// Whether a header (or the `columns` option) told the columns.
    var hasLayout: Bool { layout != nil }

    func consume(_ record: TableRecord) throws {
        guard let layout else { return try readHeader(record) }
        if record.isBlank && layout.names.count > 1 { return }
        if record.number == 1, let given = givenColumns, try isHeader(record, equalTo: given) { return }
        guard record.count == layout.names.count else { throw raggedRow(record, layout) }
        // Work on a local array (swapped out and back) to spare per-field exclusivity checks.
        var row = values
        values = []
        row.removeAll(keepingCapacity: true)
        for i in 0..<record.count { row.append(try record.string(i, column: layout.names[i])) }
        values = row
        try consumeRow(record, layout)
    }

    /// Ends the last block and document.
    func finish() throws {
        try flushBlock()
        if documentID != nil { try sink.receive(.endDocument) }
        documentID = nil
    }

    // MARK: header

    private func readHeader(_ record: TableRecord) throws {
        if record.isBlank { return }
        var names: [String] = []
        for i in 0..<record.count { names.append(try record.string(i, column: "\(i + 1)")) }
        guard names.contains(where: SentenceColumn.isFixedName) else {
            throw record.error(
                .structure,
                "row \(record.number): no header row; the first row names none of the known columns "
                    + "(\(SentenceColumn.defaults.map(\.name).joined(separator: ", ")), …); "
                    + "give the column names with option 'column-names' for a table without a header",
                at: record.start)
        }
        layout = try TableLayout(names: names, record: record)
        scanner.columnNames = names
    }

    private func isHeader(_ record: TableRecord, equalTo names: [String]) throws -> Bool {
        guard record.count == names.count else { return false }
        for i in 0..<record.count where try record.string(i, column: names[i]).trimmingSpaces() != names[i] {
            return false
        }
        return true
    }

    private func raggedRow(_ record: TableRecord, _ layout: TableLayout) -> CorpusError {
        let n = layout.names.count
        if record.count < n {
            let end = record.fields.last.map { $0.end + ($0.quoted ? 1 : 0) } ?? record.start
            return record.error(
                .syntax,
                "row \(record.number), column \(layout.names[record.count]): the row has \(record.count) "
                    + "field\(record.count == 1 ? "" : "s") but the header has \(n) (ragged row)",
                at: end)
        }
        return record.error(
            .syntax,
            "row \(record.number), column \(n + 1): the row has \(record.count) fields but the header has \(n) "
                + "(ragged row; a field with a \(record.dialect == .csv ? "comma must be quoted" : "tab must be written \\t"))",
            at: record.fieldOffset(n))
    }

    // MARK: rows

    private func cell(_ index: Int?) -> String? { index.map { values[$0] } }

    private func consumeRow(_ record: TableRecord, _ layout: TableLayout) throws {
        let docID = cell(layout.documentID)?.trimmingSpaces() ?? defaultDocumentID
        if docID.isEmpty { throw fieldError(record, layout.documentID, "empty document id") }
        if docID != documentID { try startDocument(docID, record, layout) }

        let text = values[layout.text]
        let sentenceID = cell(layout.sentenceID) ?? ""
        let number = try integer(record, layout.sentenceNumber)

        let blockID: String
        if let index = layout.blockID {
            blockID = values[index].trimmingSpaces()
            if blockID.isEmpty {
                // A document without blocks: the row only opens the document.
                guard text.isEmpty, sentenceID.isEmpty else {
                    throw fieldError(record, index, "empty block id on a row with a sentence")
                }
                return
            }
        } else if let current = block, let number, number > 1 {
            blockID = current.id
        } else {
            blockID = CorpusID.block(docID, blockCount + 1)
        }
        if blockID != block?.id { try startBlock(blockID, record, layout) }

        if number == 0 {
            // The row of a block without sentences; it must not hide one.
            guard text.isEmpty, sentenceID.isEmpty else {
                throw fieldError(
                    record, layout.sentenceNumber,
                    "sentence number 0 marks a block without sentences, but the row has a sentence")
            }
            return
        }
        if number == nil && layout.sentenceID != nil && sentenceID.isEmpty && text.isEmpty { return }
        guard let current = block else { return }
        let id = sentenceID.isEmpty ? CorpusID.sentence(current.id, sentences.count + 1) : sentenceID
        var sentence = Sentence(id: id, text: text)
        if let tokenCell = cell(layout.tokens), !tokenCell.isEmpty {
            if let tokens = TokenAlignment.tokens(forms: tokenCell, text: text) {
                sentence.tokens = tokens
            } else {
                sentence.attributes.append(MetadataPair("tokens", tokenCell))
            }
        }
        for (index, key) in layout.attributes where !values[index].isEmpty {
            sentence.attributes.append(MetadataPair(key, values[index]))
        }
        sentences.append(sentence)
    }

    private func startDocument(_ id: String, _ record: TableRecord, _ layout: TableLayout) throws {
        try flushBlock()
        if documentID != nil { try sink.receive(.endDocument) }
        guard seenDocuments.insert(id).inserted else {
            throw fieldError(
                record, layout.documentID,
                "document '\(id)' appeared earlier in the table; the rows of one document must be together")
        }
        documentID = id
        blockCount = 0
        let metadata = try readMetadata(record, layout)
        documentLanguage = metadata.language
        try sink.receive(.startDocument(DocumentStart(id: id, metadata: metadata)))
    }

    /// The `doc_meta` cell first; `title`…`licence` and `meta:NAME` columns fill what it leaves unset.
    private func readMetadata(_ record: TableRecord, _ layout: TableLayout) throws -> Metadata {
        var m = Metadata()
        if let index = layout.documentMetadata, !values[index].trimmingSpaces().isEmpty {
            switch MetadataCell.decode(values[index]) {
            case .success(let decoded): m = decoded
            case .failure(let e): throw fieldError(record, index, "document metadata is \(e.message)")
            }
        }
        func fill(_ field: inout String?, _ index: Int?) {
            if field == nil, let v = cell(index), !v.isEmpty { field = v }
        }
        fill(&m.title, layout.title)
        fill(&m.date, layout.date)
        fill(&m.source, layout.source)
        fill(&m.licence, layout.licence)
        if layout.documentMetadata == nil { fill(&m.language, layout.language) }
        if m.authors.isEmpty, let v = cell(layout.authors), !v.isEmpty {
            m.authors = v.split(separator: ";").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        }
        for (index, key) in layout.metadataPairs where !values[index].isEmpty && m.extraValue(key) == nil {
            m.extra.append(MetadataPair(key, values[index]))
        }
        return m
    }

    private func startBlock(_ id: String, _ record: TableRecord, _ layout: TableLayout) throws {
        try flushBlock()
        let kindName = cell(layout.blockKind)?.trimmingSpaces().lowercased() ?? ""
        let level = try integer(record, layout.level) ?? 1
        guard let kind = kindName.isEmpty ? .paragraph : BlockKind(name: kindName, level: level) else {
            throw fieldError(
                record, layout.blockKind,
                "unknown block kind '\(kindName)' (expected one of \(BlockKind.allNames.joined(separator: ", ")))")
        }
        var language: String?
        if let v = cell(layout.blockLanguage), !v.isEmpty {
            language = v
        } else if layout.blockLanguage == nil, let v = cell(layout.language), !v.isEmpty, v != documentLanguage {
            language = v
        }
        blockCount += 1
        block = Block(id: id, kind: kind, content: .sentences([]), language: language)
        if let v = cell(layout.speaker), !v.isEmpty { block?.attributes.append(MetadataPair("speaker", v)) }
    }

    private func flushBlock() throws {
        guard var finished = block else { return }
        finished.content = .sentences(sentences)
        block = nil
        sentences.removeAll(keepingCapacity: true)
        try sink.receive(.block(finished))
    }

    private func integer(_ record: TableRecord, _ index: Int?) throws -> Int? {
        guard let index else { return nil }
        let v = values[index].trimmingSpaces()
        if v.isEmpty { return nil }
        guard let n = Int(v), n >= 0 else {
            throw fieldError(record, index, "'\(v)' is not a whole number")
        }
        return n
    }

    private func fieldError(_ record: TableRecord, _ index: Int?, _ message: String) -> CorpusError {
        guard let index else { return record.error(.structure, "row \(record.number): \(message)", at: record.start) }
        return record.error(
            .structure, "row \(record.number), column \(scanner.columnName(index)): \(message)",
            at: record.fieldOffset(index))
    }
}

import CorpusModel

/// Turns VRT lines into events: documents from `<text>`, blocks from `<p>` (and notes),
/// sentences from `<s>`, tokens from token lines.
final class VRTAssembler {
    private let sink: any CorpusEventSink
    private let columns: [PositionalAttribute]
    private let fileName: String
    private let fileStem: String
    private let idColumn: Int?
    private let normColumn: Int?

    private var lineNumber = 0
    /// Open structures, innermost last, with the line that opened them.
    private var open: [(name: String, line: Int)] = []

    private var documentStarted = false
    private var documentCount = 0
    private var documentID = "doc"
    private var documentLanguage: String?
    private var blockCount = 0
    private var speech: [MetadataPair] = []
    private var block: PendingBlock?
    private var sentence: PendingSentence?

    init(sink: any CorpusEventSink, columns: [PositionalAttribute], fileName: String, fileStem: String) {
        self.sink = sink
        self.columns = columns
        self.fileName = fileName
        self.fileStem = fileStem
        idColumn = columns.firstIndex(of: .id)
        normColumn = columns.firstIndex(of: .norm)
    }

    private func fail(_ message: String, column: Int) -> CorpusError {
        CorpusError(.syntax, message, file: fileName, location: SourceLocation(line: lineNumber, column: column))
    }

    /// A 1-based byte column of `line` as a 1-based column in Unicode scalars.
    static func scalarColumn(_ line: ArraySlice<UInt8>, byteColumn: Int) -> Int {
        let end = min(line.endIndex, line.startIndex + max(0, byteColumn - 1))
        return String(decoding: line[line.startIndex..<end], as: UTF8.self).unicodeScalars.count + 1
    }

    func line(_ line: ArraySlice<UInt8>, number: Int) throws {
        lineNumber = number
        guard let first = line.first else { return }  // blank lines carry nothing
        if first == 0x3C {
            try structure(try VRTTag(line, fail: { self.fail($0, column: Self.scalarColumn(line, byteColumn: $1)) }))
        } else {
            try token(line)
        }
    }

    func finish() throws {
        try endSentence()
        try endBlock()
        if documentStarted {
            try sink.receive(.endDocument)
            documentStarted = false
        }
    }

    // MARK: structures

    private func structure(_ tag: VRTTag) throws {
        switch tag.shape {
        case .empty:
            switch tag.name {
            case "g": sentence?.glue()
            case "note": try note(tag)
            default: break  // other empty elements carry nothing the model holds
            }
        case .open:
            try opening(tag)
            open.append((tag.name, lineNumber))
        case .close:
            guard let top = open.last else {
                throw fail("</\(tag.name)> closes nothing (no <\(tag.name)> is open)", column: 1)
            }
            guard top.name == tag.name else {
                throw fail("</\(tag.name)> does not match <\(top.name)> opened on line \(top.line)", column: 1)
            }
            open.removeLast()
            try closing(tag.name)
        }
    }

    private func opening(_ tag: VRTTag) throws {
        switch tag.name {
        case "text":
            try finish()
            try startDocument(tag)
        case "speech":
            try endSentence()
            try endBlock()
            speech = Self.speechAttributes(tag)
        case "p":
            try endSentence()
            try endBlock()
            var attributes = speech
            for a in tag.attributes where a.name != "id" && a.name != "lang" { attributes.append(MetadataPair(a.name, a.value)) }
            var language = tag.value("lang")
            if let lang = language, !Self.isLanguageTag(lang) {
                attributes.append(MetadataPair("lang", lang))  // ParlaMint writes language names (`French`)
                language = nil
            }
            block = PendingBlock(xmlID: tag.value("id"), language: language, attributes: attributes)
        case "s":
            try endSentence()
            if block == nil { block = PendingBlock(xmlID: nil, language: nil, attributes: speech) }
            sentence = PendingSentence(id: tag.value("id"))
        case "name":
            if sentence == nil { try startImplicitSentence() }
            sentence?.entity(tag.value("type") ?? "MISC")
        default:
            break
        }
    }

    private func closing(_ name: String) throws {
        switch name {
        case "text": try finish()
        case "speech":
            try endSentence()
            try endBlock()
            speech = []
        case "p":
            try endSentence()
            try endBlock()
        case "s": try endSentence()
        case "name": sentence?.endEntity()
        default: break
        }
    }

    private func startDocument(_ tag: VRTTag) throws {
        documentCount += 1
        var metadata = Metadata()
        var id: String?
        for a in tag.attributes {
            switch a.name {
            case "id": id = a.value
            case "title": metadata.title = a.value
            case "author": metadata.authors = a.value.split(separator: ";").map { $0.trimmingSpaces() }
            case "date": metadata.date = a.value
            case "lang": metadata.language = a.value
            case "source": metadata.source = a.value
            case "licence": metadata.licence = a.value
            default: metadata.extra.append(MetadataPair(a.name, a.value))
            }
        }
        documentID = id.flatMap { CorpusID.isNCName($0) ? $0 : nil } ?? (documentCount > 1 ? "\(fileStem)_\(documentCount)" : fileStem)
        if let id, id != documentID { metadata.extra.append(MetadataPair("id", id)) }
        documentLanguage = metadata.language
        blockCount = 0
        try sink.receive(.startDocument(DocumentStart(id: documentID, metadata: metadata)))
        documentStarted = true
    }

    private func ensureDocument() throws {
        guard !documentStarted else { return }
        documentCount += 1
        documentID = documentCount > 1 ? "\(fileStem)_\(documentCount)" : fileStem
        blockCount = 0
        try sink.receive(.startDocument(DocumentStart(id: documentID)))
        documentStarted = true
    }

    /// Whether `s` looks like a BCP 47 tag (`kk`, `en-GB`), not a language name.
    static func isLanguageTag(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// `<speech>` attributes as block attributes, in source order: `id` → `utterance`,
    /// `speaker_id` → `speaker`, `ana`, and the rest as `speech@NAME`.
    static func speechAttributes(_ tag: VRTTag) -> [MetadataPair] {
        tag.attributes.map { a in
            switch a.name {
            case "id": MetadataPair("utterance", a.value)
            case "speaker_id": MetadataPair("speaker", a.value)
            case "ana": MetadataPair("ana", a.value)
            default: MetadataPair("speech@\(a.name)", a.value)
            }
        }
    }

    private func note(_ tag: VRTTag) throws {
        try endSentence()
        try endBlock()
        let type = tag.value("type")
        var attributes = speech
        let kind: BlockKind = type == "head" ? .heading(level: 1) : .note
        if kind == .note, let type, type != "-" { attributes.append(MetadataPair("note-type", type)) }
        try emit(Block(id: "", kind: kind, content: .text(tag.value("content") ?? ""), attributes: attributes), xmlID: nil)
    }

    // MARK: tokens

    private func startImplicitSentence() throws {
        if block == nil { block = PendingBlock(xmlID: nil, language: nil, attributes: speech) }
        sentence = PendingSentence(id: nil)
    }

    private func token(_ line: ArraySlice<UInt8>) throws {
        if sentence == nil { try startImplicitSentence() }
        var fields: [ArraySlice<UInt8>] = []
        fields.reserveCapacity(columns.count)
        var start = line.startIndex
        for i in line.indices where line[i] == 0x09 {
            fields.append(line[start..<i])
            start = i + 1
        }
        fields.append(line[start...])
        guard fields.count == columns.count else {
            let column = fields.count > columns.count
                ? String(decoding: line[..<fields[columns.count].startIndex], as: UTF8.self).unicodeScalars.count + 1
                : String(decoding: line, as: UTF8.self).unicodeScalars.count + 1
            throw fail(
                "token line has \(fields.count) column(s), but the positional attributes (--p-attrs) are \(columns.count): \(columns.map(\.name).joined(separator: ","))",
                column: column)
        }
        var values: [String] = []
        values.reserveCapacity(fields.count)
        for field in fields {
            // The column (in scalars) is worked out only for an error.
            values.append(try VRTTag.decode(field, column: field.startIndex - line.startIndex + 1, fail: {
                self.fail($0, column: Self.scalarColumn(line, byteColumn: $1))
            }))
        }
        guard !values[0].isEmpty else { throw fail("a token line needs a word in its first column", column: 1) }
        try sentence?.add(values, columns: columns, idColumn: idColumn, normColumn: normColumn) {
            self.fail($0, column: 1)
        }
    }

    // MARK: ending

    private func endSentence() throws {
        guard let s = sentence else { return }
        sentence = nil
        guard let done = s.finish() else { return }
        if block == nil { block = PendingBlock(xmlID: nil, language: nil, attributes: speech) }
        block?.sentences.append(done)
    }

    private func endBlock() throws {
        guard let b = block else { return }
        block = nil
        let language = b.language.flatMap { $0 == documentLanguage ? nil : $0 }
        try emit(Block(id: "", kind: .paragraph, content: .sentences(b.sentences), language: language, attributes: b.attributes), xmlID: b.xmlID)
    }

    private func emit(_ block: Block, xmlID: String?) throws {
        try ensureDocument()
        blockCount += 1
        var block = block
        block.id = xmlID.flatMap { CorpusID.isNCName($0) ? $0 : nil } ?? CorpusID.block(documentID, blockCount)
        if case .sentences(var sentences) = block.content {
            for i in sentences.indices where sentences[i].id.isEmpty {
                sentences[i].id = CorpusID.sentence(block.id, i + 1)
            }
            block.content = .sentences(sentences)
        }
        try sink.receive(.block(block))
    }
}

/// A `<p>` being read.
struct PendingBlock {
    var xmlID: String?
    var language: String?
    var attributes: [MetadataPair]
    var sentences: [Sentence] = []
}

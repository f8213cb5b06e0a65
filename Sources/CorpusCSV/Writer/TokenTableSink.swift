import CorpusModel

/// Writes a token table as events arrive: one row per token, holding nothing but the
/// current document's start. Needs tokens (the planner tokenizes plain text first).
final class TokenTableSink: CorpusEventSink {
    private let out: ByteOutput
    private let columns: [TokenColumn]
    private let fields: FieldWriter
    private let lineEnd: [UInt8]
    private let bom: Bool
    private let dialect: TableDialect
    private var started = false
    private var document: DocumentStart?
    private var metadataCell = ""
    private var documentHasRows = false

    init(out: ByteOutput, dialect: TableDialect, columns: [TokenColumn], crlf: Bool, bom: Bool) {
        self.out = out
        self.dialect = dialect
        self.columns = columns
        self.fields = FieldWriter(dialect: dialect)
        self.lineEnd = crlf ? [0x0D, 0x0A] : [0x0A]
        self.bom = bom
    }

    func receive(_ event: CorpusEvent) throws {
        try startIfNeeded()
        switch event {
        case .startDocument(let start):
            document = start
            metadataCell = MetadataCell.encode(start.metadata)
            documentHasRows = false
        case .block(let block):
            if document == nil { document = DocumentStart(id: "doc") }
            try write(block)
        case .endDocument:
            document = nil
        }
    }

    func finish() throws {
        try startIfNeeded()
        try out.flush()
    }

    private func startIfNeeded() throws {
        guard !started else { return }
        started = true
        try fields.writeHeader(columns.map(\.header), bom: bom, lineEnd: lineEnd, to: out)
    }

    private func write(_ block: Block) throws {
        guard let doc = document else { return }
        guard case .sentences(let sentences) = block.content else {
            throw CorpusError(.structure, "block '\(block.id)' of document '\(doc.id)' is not split into sentences; "
                              + "a token table needs sentences and tokens")
        }
        let speaker = SentenceTableSink.speaker(block, nil)
        for (k, sentence) in sentences.enumerated() {
            guard let tokens = sentence.tokens else {
                throw CorpusError(.structure, "sentence '\(sentence.id)' has no tokens; a token table needs tokens (tokenize first)")
            }
            for (i, token) in tokens.enumerated() {
                for (c, column) in columns.enumerated() {
                    if c > 0 { try out.write(byte: dialect.delimiter) }
                    let cell = value(column, token, i + 1, sentence, k + 1, block, doc, speaker)
                    try fields.write(cell, to: out, onlyField: columns.count == 1)
                }
                try out.write(lineEnd)
                documentHasRows = true
            }
        }
    }

    private func value(
        _ column: TokenColumn, _ t: Token, _ n: Int, _ s: Sentence, _ sentenceNumber: Int, _ b: Block,
        _ doc: DocumentStart, _ speaker: String
    ) -> String {
        switch column {
        case .tokenID: return CorpusID.token(s.id, n)
        case .number: return String(n)
        case .form: return t.form
        case .lemma: return t.lemma ?? ""
        case .upos: return t.upos ?? ""
        case .xpos: return t.xpos ?? ""
        case .feats: return t.feats ?? ""
        case .head: return t.head.map(String.init) ?? ""
        case .deprel: return t.deprel ?? ""
        case .deps: return t.deps ?? ""
        case .misc: return t.misc ?? ""
        case .spaceAfter: return t.spaceAfter ? "true" : "false"
        case .kind: return t.kind.rawValue
        case .speaker: return speaker.isEmpty ? SentenceTableSink.speaker(nil, s) : speaker
        case .attribute(let key):
            return t.attribute(key) ?? s.attributes.first { $0.key == key }?.value
                ?? b.attributes.first { $0.key == key }?.value ?? ""
        case .sentence(let c):
            let meta = doc.metadata
            switch c {
            case .documentID: return doc.id
            case .blockID: return b.id
            case .blockKind: return b.kind.name
            case .level: return b.kind.headingLevel.map(String.init) ?? ""
            case .sentenceID: return s.id
            case .sentenceNumber: return String(sentenceNumber)
            case .text: return s.text
            case .documentMetadata: return documentHasRows ? "" : metadataCell
            case .tokenCount: return String(s.tokens?.count ?? 0)
            case .tokens: return (s.tokens ?? []).map(\.form).joined(separator: " ")
            case .charStart, .charEnd: return ""
            case .language: return b.language ?? meta.language ?? ""
            case .blockLanguage: return b.language ?? ""
            case .title: return meta.title ?? ""
            case .authors: return meta.authors.joined(separator: "; ")
            case .date: return meta.date ?? ""
            case .source: return meta.source ?? ""
            case .licence: return meta.licence ?? ""
            case .speaker: return speaker.isEmpty ? SentenceTableSink.speaker(nil, s) : speaker
            case .attribute(let key): return value(.attribute(key), t, n, s, sentenceNumber, b, doc, speaker)
            case .metadata(let key): return meta.extraValue(key) ?? ""
            }
        }
    }
}

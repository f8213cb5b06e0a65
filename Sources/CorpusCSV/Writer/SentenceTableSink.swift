import CorpusModel

/// Turns the event stream into table rows as events arrive; holds nothing but
/// the current document's start, so memory does not grow with the corpus.
///
/// One row per sentence. A block without sentences gets one row with an
/// empty `sentence_id`, `sentence_n` `0` and empty `text`; a document without
/// blocks gets one row with an empty `block_id`, so neither vanishes. An
/// unsegmented block (``BlockContent/text(_:)``) is an error: segment first.
final class SentenceTableSink: RenderingAheadSink {
    private let out: ByteOutput
    private let columns: [SentenceColumn]
    private let fields: FieldWriter
    private let lineEnd: [UInt8]
    private let bom: Bool
    private let rows: SentenceRows

    private var started = false
    private var document: DocumentStart?
    private var documentHasRows = false
    private var metadataCell = ""

    init(out: ByteOutput, dialect: TableDialect, columns: [SentenceColumn], crlf: Bool, bom: Bool) {
        self.out = out
        self.columns = columns
        self.fields = FieldWriter(dialect: dialect)
        let lineEnd: [UInt8] = crlf ? [0x0D, 0x0A] : [0x0A]
        self.lineEnd = lineEnd
        self.bom = bom
        self.rows = SentenceRows(dialect: dialect, columns: columns, lineEnd: lineEnd)
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

    /// Rows rendered ahead (``SentenceTableRenderer``) for every block after a document's first.
    func blockRenderer() -> (any BlockRenderer)? { SentenceTableRenderer(rows: rows) }

    /// The rows of a block after the first of its document, as rendered ahead.
    func receive(rendered block: Block, _ parts: RenderedParts) throws {
        try startIfNeeded()
        if document == nil { open(DocumentStart(id: "doc")) }
        try out.write(parts.all)
        documentHasRows = true
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
        if !documentHasRows {
            try rows.writeRow(
                SentenceRows.Row(document: doc, block: nil, sentence: nil), metadataCell: metadataCell,
                documentHasRows: &documentHasRows, to: out)
        }
        document = nil
    }

    private func write(_ block: Block) throws {
        guard let doc = document else { return }
        try rows.write(block, of: doc, metadataCell: metadataCell, documentHasRows: &documentHasRows, to: out)
    }

    /// The speaker of a row: the block attribute `speaker`, else the sentence attribute.
    static func speaker(_ block: Block?, _ sentence: Sentence?) -> String { SentenceRows.speaker(block, sentence) }
}

import CorpusModel

/// The event sink behind ``TEIWriter``: decides between `TEI` and `teiCorpus`,
/// then streams each document through a ``TEIDocumentWriter``. Once decided,
/// it takes blocks whose sentences were rendered ahead (``TEIBlockRenderer``).
final class TEIWriterSink: RenderingAheadSink {
    private let output: ByteOutput
    private let settings: TEIWriterSettings
    private let xml: XMLMarkupWriter

    private enum Layout { case undecided, single, corpus }
    private var layout: Layout = .undecided
    /// `corpus=auto`: the first document, held until we know whether a second follows.
    private var heldStart: DocumentStart?
    private var heldBlocks: [Block] = []
    private var heldBytes = 0
    private var heldEnded = false

    private var current: TEIDocumentWriter?
    private var documentsWritten = 0

    init(output: ByteOutput, settings: TEIWriterSettings) {
        self.output = output
        self.settings = settings
        self.xml = XMLMarkupWriter(output: output, indent: settings.indent)
        switch settings.corpus {
        case .auto: layout = .undecided
        case .yes: layout = .corpus
        case .no: layout = .single
        }
    }

    func receive(_ event: CorpusEvent) throws {
        if layout == .undecided {
            try hold(event)
            return
        }
        try write(event)
    }

    /// Sentences rendered ahead once the layout is decided (it never goes back to undecided;
    /// until then blocks are held whole).
    func blockRenderer() -> (any BlockRenderer)? {
        layout == .undecided ? nil : TEIBlockRenderer(indent: settings.indent, tokens: settings.tokens)
    }

    func receive(rendered block: Block, _ parts: RenderedParts) throws {
        precondition(layout != .undecided, "a block rendered ahead before the layout was decided")
        if current == nil { try startDocument(DocumentStart(id: "doc")) }
        try current?.write(block, rendered: parts)
    }

    func finish() throws {
        if layout == .undecided {
            layout = .single
            try replayHeld()
        }
        if let open = current {
            try open.finish()
            current = nil
        }
        if documentsWritten == 0 {
            throw CorpusError(.empty, "no documents to write as TEI", file: output.name)
        }
        if layout == .corpus {
            try xml.newline(0)
            try xml.end("teiCorpus")
        }
        try xml.raw("\n")
        try output.flush()
    }

    // MARK: corpus=auto

    private func hold(_ event: CorpusEvent) throws {
        switch event {
        case .startDocument(let start):
            if heldStart == nil {
                heldStart = start
                return
            }
            layout = .corpus
            try replayHeld()
            try write(event)
        case .block(let block):
            if heldStart == nil { heldStart = DocumentStart(id: "doc") }
            if heldEnded {  // a block after endDocument starts an implicit second document
                layout = .corpus
                try replayHeld()
                try write(event)
                return
            }
            heldBlocks.append(block)
            heldBytes += block.approximateTextBytes  // tokens weigh more than their text
            if heldBytes > settings.autoBufferLimit {
                layout = .single
                try replayHeld()
            }
        case .endDocument:
            heldEnded = true
        }
    }

    private func replayHeld() throws {
        guard let start = heldStart else { return }
        try write(.startDocument(start))
        for block in heldBlocks { try write(.block(block)) }
        if heldEnded { try write(.endDocument) }
        heldStart = nil
        heldBlocks = []
        heldBytes = 0
    }

    // MARK: writing

    private func write(_ event: CorpusEvent) throws {
        switch event {
        case .startDocument(let start):
            try startDocument(start)
        case .block(let block):
            if current == nil { try startDocument(DocumentStart(id: "doc")) }
            try current?.write(block)
        case .endDocument:
            try current?.finish()
            current = nil
        }
    }

    private func startDocument(_ start: DocumentStart) throws {
        if let open = current {
            try open.finish()
            current = nil
        }
        if documentsWritten == 0 {
            try xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            if layout == .corpus { try writeCorpusHeader() }
        } else if layout == .single {
            throw CorpusError(
                .usage,
                "several documents cannot go into one TEI with corpus=no (or after a first document larger than 4 MiB with corpus=auto): use corpus=yes",
                file: output.name)
        }
        let depth = layout == .corpus ? 1 : 0
        let writer = TEIDocumentWriter(xml: xml, settings: settings, depth: depth, fileName: output.name)
        try writer.start(start, rootNamespace: layout != .corpus)
        current = writer
        documentsWritten += 1
    }

    private func writeCorpusHeader() throws {
        try xml.start("teiCorpus", [("xmlns", LibXMLNames.tei)])
        try xml.newline(1)
        try xml.start("teiHeader")
        try xml.newline(2)
        try xml.start("fileDesc")
        try xml.newline(3)
        try xml.start("titleStmt")
        try xml.newline(4)
        try xml.element("title", text: settings.corpusTitle)
        try xml.newline(3)
        try xml.end("titleStmt")
        try xml.newline(3)
        try xml.start("publicationStmt")
        try xml.newline(4)
        try xml.start("p", empty: true)
        try xml.newline(3)
        try xml.end("publicationStmt")
        try xml.newline(3)
        try xml.start("sourceDesc")
        try xml.newline(4)
        try xml.start("p", empty: true)
        try xml.newline(3)
        try xml.end("sourceDesc")
        try xml.newline(2)
        try xml.end("fileDesc")
        try xml.newline(1)
        try xml.end("teiHeader")
    }
}

/// Namespace URIs as plain strings (the writer does not touch libxml2).
enum LibXMLNames {
    static let tei = "http://www.tei-c.org/ns/1.0"
}

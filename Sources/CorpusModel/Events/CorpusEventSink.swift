/// Something that receives a stream of events: a writer, a transform, a collector.
///
/// Sinks are used from one thread at a time. `finish()` is called once after
/// the last event (flush buffers, close open elements); it is not called when
/// the conversion fails.
public protocol CorpusEventSink: AnyObject {
    func receive(_ event: CorpusEvent) throws
    func finish() throws
}

extension CorpusEventSink {
    /// Sends a whole document as `startDocument`, its blocks, `endDocument`.
    public func receive(document: Document) throws {
        try receive(.startDocument(document.start))
        for block in document.blocks { try receive(.block(block)) }
        try receive(.endDocument)
    }
}

/// Collects a stream into ``Document`` values, for callers who want the whole thing.
public final class DocumentCollector: CorpusEventSink {
    public private(set) var documents: [Document] = []
    private var current: Document?

    public init() {}

    public func receive(_ event: CorpusEvent) throws {
        switch event {
        case .startDocument(let start):
            if let open = current { documents.append(open) }
            current = Document(id: start.id, metadata: start.metadata)
        case .block(let block):
            if current == nil { current = Document(id: "doc") }
            current!.blocks.append(block)
        case .endDocument:
            if let open = current { documents.append(open) }
            current = nil
        }
    }

    public func finish() throws {
        if let open = current { documents.append(open) }
        current = nil
    }
}

/// A sink that calls a closure for each event; handy in tests and small tools.
public final class ClosureSink: CorpusEventSink {
    private let body: (CorpusEvent) throws -> Void
    public init(_ body: @escaping (CorpusEvent) throws -> Void) { self.body = body }
    public func receive(_ event: CorpusEvent) throws { try body(event) }
    public func finish() throws {}
}

/// A transform stage that rewrites blocks one at a time and passes the rest on.
///
/// Most transforms (segmentation, tokenization, normalization) only need to
/// see a block and the document it belongs to; conform to ``BlockTransformer``
/// and wrap it in this sink.
public final class BlockTransformSink<T: BlockTransformer>: CorpusEventSink {
    private let transformer: T
    private let downstream: any CorpusEventSink
    private var document: DocumentStart?

    public init(_ transformer: T, downstream: any CorpusEventSink) {
        self.transformer = transformer
        self.downstream = downstream
    }

    public func receive(_ event: CorpusEvent) throws {
        switch event {
        case .startDocument(let start):
            document = start
            try downstream.receive(event)
        case .block(let block):
            let start = document ?? DocumentStart(id: "doc")
            try downstream.receive(.block(try transformer.transform(block, in: start)))
        case .endDocument:
            document = nil
            try downstream.receive(event)
        }
    }

    public func finish() throws { try downstream.finish() }
}

/// Rewrites one block given its document's start; pure, so it may run in parallel.
public protocol BlockTransformer: Sendable {
    func transform(_ block: Block, in document: DocumentStart) throws -> Block
}

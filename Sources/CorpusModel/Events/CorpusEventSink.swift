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

/// A transform stage that rewrites blocks and passes the rest on.
///
/// Most transforms (segmentation, tokenization, normalization) only need to
/// see a block and the document it belongs to; conform to ``BlockTransformer``
/// and wrap it in this sink. Blocks are gathered in batches (at most
/// `batchBlocks` blocks or about `batchBytes` of text) and transformed on all
/// cores, then sent on in their original order; a batch is flushed at the end
/// of each document, so memory stays bounded by one batch.
public final class BlockTransformSink<T: BlockTransformer>: CorpusEventSink {
    private let transformer: T
    private let downstream: any CorpusEventSink
    private var document: DocumentStart?
    private var pending: [Block] = []
    private var pendingBytes = 0
    private let batchBlocks: Int
    private let batchBytes: Int

    public init(_ transformer: T, downstream: any CorpusEventSink, batchBlocks: Int = 1024, batchBytes: Int = 4 << 20) {
        self.transformer = transformer
        self.downstream = downstream
        self.batchBlocks = max(1, batchBlocks)
        self.batchBytes = batchBytes
    }

    public func receive(_ event: CorpusEvent) throws {
        switch event {
        case .startDocument(let start):
            try flush()
            document = start
            try downstream.receive(event)
        case .block(let block):
            pending.append(block)
            if case .text(let t) = block.content { pendingBytes += t.utf8.count }
            if pending.count >= batchBlocks || pendingBytes >= batchBytes { try flush() }
        case .endDocument:
            try flush()
            document = nil
            try downstream.receive(event)
        }
    }

    public func finish() throws {
        try flush()
        try downstream.finish()
    }

    /// Transforms the pending blocks (in parallel when there are several) and sends them on in order.
    private func flush() throws {
        guard !pending.isEmpty else { return }
        let start = document ?? DocumentStart(id: "doc")
        let blocks = pending
        pending.removeAll(keepingCapacity: true)
        pendingBytes = 0
        let results: [Result<Block, any Error>]
        if blocks.count == 1 {
            results = [Result { try transformer.transform(blocks[0], in: start) }]
        } else {
            results = ParallelMap.map(blocks) { [transformer] block in
                Result { try transformer.transform(block, in: start) }
            }
        }
        for result in results { try downstream.receive(.block(try result.get())) }
    }
}

/// Rewrites one block given its document's start; pure, so it may run in parallel.
public protocol BlockTransformer: Sendable {
    func transform(_ block: Block, in document: DocumentStart) throws -> Block
}

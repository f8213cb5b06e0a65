import Dispatch

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
/// `batchBlocks` blocks or about `batchBytes` of text). With `parallelism`
/// above 1, each batch is transformed on another thread while the caller
/// goes on reading and the downstream sink (the writer) takes earlier
/// batches: up to `parallelism` batches are in flight, and their blocks are
/// sent on in their original order, so the output is the same for any
/// `parallelism`. With 1, batches are transformed on the calling thread.
/// Batches are drained at the end of each document, so memory stays bounded
/// by a few batches.
public final class BlockTransformSink<T: BlockTransformer>: CorpusEventSink, ThreadedStage {
    private let transformer: T
    private let downstream: any CorpusEventSink
    private var document: DocumentStart?
    private var pending: [Block] = []
    private var pendingBytes = 0
    private let batchBlocks: Int
    private let batchBytes: Int
    private let parallelism: Int
    /// Batches being transformed on other threads, oldest first.
    private var inFlight: [TransformedBatch] = []

    public init(
        _ transformer: T, downstream: any CorpusEventSink, batchBlocks: Int = 256, batchBytes: Int = 256 << 10,
        parallelism: Int = FormatOptions.activeProcessors
    ) {
        self.transformer = transformer
        self.downstream = downstream
        self.batchBlocks = max(1, batchBlocks)
        self.batchBytes = batchBytes
        self.parallelism = max(1, parallelism)
    }

    /// True with `parallelism` above 1: batches are transformed on other threads.
    public var usesOtherThreads: Bool { parallelism > 1 }

    public func receive(_ event: CorpusEvent) throws {
        switch event {
        case .startDocument(let start):
            try flush()
            try drain()
            document = start
            try downstream.receive(event)
        case .block(let block):
            pending.append(block)
            pendingBytes += block.approximateTextBytes
            if pending.count >= batchBlocks || pendingBytes >= batchBytes { try flush() }
        case .endDocument:
            try flush()
            try drain()
            document = nil
            try downstream.receive(event)
        }
    }

    public func finish() throws {
        try flush()
        try drain()
        try downstream.finish()
    }

    /// Starts transforming the pending blocks: on this thread with `parallelism` 1
    /// (or a lone block with nothing in flight), else on another thread, after
    /// sending on the oldest batch when `parallelism` batches are already in flight.
    private func flush() throws {
        guard !pending.isEmpty else { return }
        let start = document ?? DocumentStart(id: "doc")
        let blocks = pending
        pending.removeAll(keepingCapacity: true)
        pendingBytes = 0
        if parallelism == 1 || (blocks.count == 1 && inFlight.isEmpty) {
            for block in blocks { try downstream.receive(.block(try transformer.transform(block, in: start))) }
            return
        }
        while inFlight.count >= parallelism { try sendOldest() }
        inFlight.append(TransformedBatch { [transformer] in
            blocks.map { block in Result { try transformer.transform(block, in: start) } }
        })
    }

    /// Sends on every batch in flight, in order.
    private func drain() throws {
        while !inFlight.isEmpty { try sendOldest() }
    }

    /// Waits for the oldest batch in flight and sends its blocks on; on an error,
    /// waits for the other batches too (so no work outlives the stream) and rethrows.
    private func sendOldest() throws {
        let batch = inFlight.removeFirst()
        do {
            for result in batch.wait() { try downstream.receive(.block(try result.get())) }
        } catch {
            for other in inFlight { _ = other.wait() }
            inFlight.removeAll()
            throw error
        }
    }
}

/// A stage that spreads its work over other threads (``BlockTransformSink`` with
/// `parallelism` above 1). The driver then runs the reader before it on the
/// calling thread, with the writer: reading and writing share one core while
/// the transforms use the others, with one hand-over per batch instead of two.
public protocol ThreadedStage: AnyObject {
    var usesOtherThreads: Bool { get }
}

/// One batch of blocks transformed on a global-queue thread; ``wait()`` hands back the results.
private final class TransformedBatch: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the worker before `done` is signalled; read after waiting.
    private var results: [Result<Block, any Error>] = []

    init(_ work: @escaping @Sendable () -> [Result<Block, any Error>]) {
        DispatchQueue.global().async {
            self.results = work()
            self.done.signal()
        }
    }

    func wait() -> [Result<Block, any Error>] {
        done.wait()
        done.signal()  // a second wait (after an error) returns at once
        return results
    }
}

/// Rewrites one block given its document's start; pure, so it may run in parallel.
public protocol BlockTransformer: Sendable {
    func transform(_ block: Block, in document: DocumentStart) throws -> Block
}


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
/// above 1, each batch is transformed on one of `parallelism - 1` worker
/// threads while the caller goes on reading and the downstream sink (the
/// writer) takes earlier batches: up to `parallelism` batches are in flight
/// (one more when rendered ahead), and their blocks are sent on in their
/// original order, so the output is the same for any `parallelism`. With 1,
/// batches are transformed on the calling thread.
/// Batches are drained at the end of each document, so memory stays bounded
/// by a few batches.
///
/// When the downstream sink renders ahead (``RenderingAheadSink``, the TEI and
/// CSV writers), the other thread also renders each transformed block into
/// the writer's bytes and frees its sentences there; the calling thread gets
/// light blocks and bytes to copy. The input blocks are freed on the calling
/// thread, which made them: memory goes back to the thread that allocated it.
public final class BlockTransformSink<T: BlockTransformer>: CorpusEventSink, ThreadedStage {
    private let transformer: T
    private let downstream: any CorpusEventSink
    private var document: DocumentStart?
    /// Blocks of the current document already sent on or in flight (a renderer's `followsBlock`).
    private var blocksInDocument = 0
    private var pending: [Block] = []
    private var pendingBytes = 0
    private let batchBlocks: Int
    private let batchBytes: Int
    private let parallelism: Int
    /// Batches being transformed on other threads, oldest first.
    private var inFlight: [TransformedBatch<T>] = []
    /// The worker threads batches run on, taken in turn: `parallelism - 1` of them
    /// (at least one), so that with the calling thread the conversion keeps
    /// `parallelism` threads busy. One more than the cores only added switches
    /// and cold caches (measured on 2 cores: the same segmentation took ~35%
    /// more CPU time with two workers beside the caller). See ``BlockWorkers``.
    private lazy var queues = BlockWorkers.first(max(1, parallelism - 1))
    private var nextQueue = 0
    /// Render buffers of batches already sent on, for the next batches: each
    /// grows once to a batch's size instead of from zero for every batch.
    private var spareTargets: [RenderTarget] = []
    /// Whether the last batch sent on had blocks rendered ahead (a renderer may decline them all: tokens).
    private var lastBatchRendered = false
    /// Sends the batches on in order, from the calling thread or from a worker that would idle.
    private let delivery = OrderedDelivery()
    /// The number of the next batch, for ``delivery``.
    private var nextBatchNumber = 0

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

    /// A sink given up after an error (the reader failed, and its caller is
    /// cleaning up the output): no batch may reach the writer any more. Waits
    /// for a send in progress on a worker; batches not started are dropped.
    deinit {
        delivery.abandon()
        for batch in inFlight { batch.cancel() }
    }

    /// True with `parallelism` above 1: batches are transformed on other threads.
    public var usesOtherThreads: Bool { parallelism > 1 }

    public func receive(_ event: CorpusEvent) throws {
        switch event {
        case .startDocument(let start):
            try flush()
            try drain()
            document = start
            blocksInDocument = 0
            try downstream.receive(event)
        case .block(let block):
            // A block the transform would return as it is (TEI's sentences through the
            // segmenter) goes straight on when nothing is waiting before it: sent
            // through a worker it only cost hand-overs, and frees on the calling thread
            // of what the reader's thread had allocated (TEI → CSV: a sixth of its
            // samples waited on that malloc arena's lock).
            if pending.isEmpty && inFlight.isEmpty && !transformer.changes(block) {
                blocksInDocument += 1
                try downstream.receive(event)
                return
            }
            pending.append(block)
            pendingBytes += block.approximateTextBytes
            if pending.count >= batchBlocks || pendingBytes >= batchBytes { try flush() }
        case .endDocument:
            try flush()
            try drain()
            document = nil
            blocksInDocument = 0
            try downstream.receive(event)
        }
    }

    public func finish() throws {
        try flush()
        try drain()
        try downstream.finish()
    }

    /// Starts transforming the pending blocks: on this thread with `parallelism` 1
    /// (or a lone block with nothing in flight), else on a worker, after sending
    /// on the oldest batch when the most batches allowed are already in flight.
    private func flush() throws {
        guard !pending.isEmpty else { return }
        let start = document ?? DocumentStart(id: "doc")
        let blocks = pending
        pending.removeAll(keepingCapacity: true)
        pendingBytes = 0
        let followsBlock = blocksInDocument > 0
        blocksInDocument += blocks.count
        if parallelism == 1 || (blocks.count == 1 && inFlight.isEmpty) {
            for block in blocks { try downstream.receive(.block(try transformer.transform(block, in: start))) }
            return
        }
        // Rendered batches hold bytes, not the model's per-sentence values, so one more
        // may be in flight (the worker has one queued while the caller sends one);
        // unrendered ones (tokens: ~4 times their text) stay at `parallelism`, within
        // the memory bound.
        //
        // While a rendered batch is in flight, a worker may be sending to the downstream
        // sink, so it is not asked again: its renderer stays for the rest of the document
        // (``RenderingAheadSink/blockRenderer()``), and rendered batches only follow unrendered ones.
        let renderer = inFlight.last?.renderer ?? downstream.aheadRenderer
        while inFlight.count >= parallelism + (renderer != nil && lastBatchRendered ? 1 : 0) { try sendOldest() }
        let target = renderer == nil ? nil : (spareTargets.popLast() ?? RenderTarget())
        inFlight.append(TransformedBatch(
            blocks, transformer, start, renderer: renderer, target: target, followsBlock: followsBlock,
            number: nextBatchNumber, delivery: delivery, downstream: downstream, on: queues[nextQueue]))
        nextBatchNumber += 1
        nextQueue = (nextQueue + 1) % queues.count
    }

    /// Sends on every batch in flight, in order.
    private func drain() throws {
        while !inFlight.isEmpty { try sendOldest() }
    }

    /// Waits for the oldest batch in flight and sends its blocks on; on an error,
    /// drops the batches not started and waits for the running ones (so no work
    /// outlives the stream), and rethrows.
    ///
    /// When no worker has started the oldest batch (the workers are busy with
    /// other sinks' batches, or not scheduled on a busy machine), the calling
    /// thread runs it itself: it would wait for all of it anyway. While a
    /// worker still runs the oldest one, the calling thread runs the newest
    /// batch no worker has started rather than wait. (Before an idle worker
    /// could write batches, this made the worker wait for the calling thread;
    /// now the two trade work both ways. On 2 cores, one 100 MiB text → TEI,
    /// ten alternations: 0.29 s against 0.305 s without it.)
    ///
    /// Batches are sent on in order through ``OrderedDelivery``: from here, or,
    /// for a rendered batch, by a worker that finished it and has nothing else
    /// queued. On one file on 2 cores (100 MiB text → TEI) the calling thread,
    /// which reads, held 60% of the samples and the worker waited for it;
    /// copying and writing the rendered bytes was a sixth of its time. Sending
    /// every rendered batch from the worker overshot (the worker then held
    /// 57%); sending from whichever thread would otherwise wait balances the
    /// two. Unrendered batches (whole blocks, for a transform or a sink that
    /// keeps its own state) are sent from the calling thread only.
    private func sendOldest() throws {
        let batch = inFlight[0]
        batch.runHereIfNotStarted()
        // While a worker still runs the oldest batch, run the newest one no worker has started.
        for later in inFlight.dropFirst().reversed() where !batch.isDone {
            later.runHereIfNotStarted()
        }
        batch.wait()
        delivery.sendReady(onCallingThread: true, through: batch.number)
        inFlight.removeFirst()
        do {
            try delivery.waitDelivered(batch.number)
            lastBatchRendered = batch.hasRenderedBlocks
            if let target = batch.target {
                target.removeAll()
                spareTargets.append(target)
            }
        } catch {
            for other in inFlight { other.cancel() }
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

/// One batch of blocks transformed (and rendered, with a renderer) on a
/// worker thread, or on the calling thread if it gets there first;
/// ``send(to:)`` waits for it and hands its blocks on.
private final class TransformedBatch<T: BlockTransformer>: @unchecked Sendable {
    /// Who runs the batch; the fields below are written by the thread that runs it
    /// before it is done, and read only after.
    private let work = ClaimableWork()
    /// The blocks as read; kept until the batch is sent on, so their text is
    /// freed on the calling thread that made it.
    private let input: [Block]
    private let transformer: T
    private let document: DocumentStart
    /// The downstream sink's renderer, or nil: the batch then goes on whole, from the calling thread.
    let renderer: (any BlockRenderer)?
    private let followsBlock: Bool
    /// The batch's place in the sink's order (``OrderedDelivery``).
    let number: Int
    private let delivery: OrderedDelivery
    /// Where the batch goes; not the ``BlockTransformSink`` itself, so that a sink
    /// given up after an error is freed (and stops its deliveries) at once.
    private let downstream: any CorpusEventSink
    /// Where blocks are rendered (with a renderer).
    let target: RenderTarget?
    // Written by the thread that runs the batch before `state` is `done`; read after.
    /// The transformed blocks, before the first failure; light (no content) where rendered.
    private var output: [Block] = []
    /// Where each block of `output` was rendered in `target` (nil: sent whole).
    private var rendered: [Range<Int>?] = []
    private var failure: (any Error)?

    init(
        _ input: [Block], _ transformer: T, _ document: DocumentStart, renderer: (any BlockRenderer)?,
        target: RenderTarget?, followsBlock: Bool, number: Int, delivery: OrderedDelivery,
        downstream: any CorpusEventSink, on queue: BlockWorker
    ) {
        self.input = input
        self.transformer = transformer
        self.document = document
        self.renderer = renderer
        self.target = target
        self.followsBlock = followsBlock
        self.number = number
        self.delivery = delivery
        self.downstream = downstream
        queue.submit { [delivery] in
            // A worker with nothing else queued sends what is ready rather than go idle.
            if self.runHereIfNotStarted() && !queue.hasQueuedJobs { delivery.sendReady(onCallingThread: false) }
        }
    }

    /// Whether some blocks were rendered ahead (read after the batch is done).
    var hasRenderedBlocks: Bool { rendered.contains { $0 != nil } }

    /// Runs the batch on this thread unless another thread started it, and hands
    /// it to the delivery; true if it ran here. Rendered batches may be sent on
    /// from any thread; whole blocks only from the calling thread.
    @discardableResult
    func runHereIfNotStarted() -> Bool {
        work.runIfUnclaimed {
            run()
            delivery.add(number, anyThread: renderer != nil) { try self.send(to: self.downstream) }
        }
    }

    /// After an error: a batch not started is dropped (its worker finds it taken); a running one is waited for.
    func cancel() { work.cancel() }

    /// The batch's work: transform each block, render it when there is a renderer.
    ///
    /// Built in locals and stored once: appending to the stored arrays took a
    /// dynamic exclusivity check (a thread-local access set) per block.
    private func run() {
        var output: [Block] = []
        var rendered: [Range<Int>?] = []
        output.reserveCapacity(input.count)
        rendered.reserveCapacity(input.count)
        defer {
            self.output = output
            self.rendered = rendered
        }
        for index in input.indices {
            let block: Block
            do {
                block = try transformer.transform(input[index], in: document)
            } catch {
                failure = error
                return
            }
            if let renderer, let target,
                let parts = target.render(block, with: renderer, in: document, followsBlock: followsBlock || index > 0)
            {
                var light = consume block  // moved, not copied: no retain and release of every field
                light.content = .sentences([])  // the sentences are freed here, where they were made
                output.append(light)
                rendered.append(parts)
            } else {
                output.append(block)
                rendered.append(nil)
            }
        }
    }

    func wait() { work.wait() }

    /// Whether the batch is done (or dropped).
    var isDone: Bool { work.isDone }

    /// Waits, then sends the blocks on in order (rendered ones as such); then the failure, if any.
    func send(to downstream: any CorpusEventSink) throws {
        wait()
        let ahead = downstream as? any RenderingAheadSink
        for index in output.indices {
            if let parts = rendered[index] {
                // The renderer came from this sink (`aheadRenderer`), so it takes rendered blocks.
                guard let ahead, let target else { preconditionFailure("a block rendered ahead for a sink that cannot take it") }
                try target.withParts(parts) { try ahead.receive(rendered: output[index], $0) }
            } else {
                try downstream.receive(.block(output[index]))
            }
        }
        if let failure { throw failure }
    }
}

/// Rewrites one block given its document's start; pure, so it may run in parallel.
public protocol BlockTransformer: Sendable {
    func transform(_ block: Block, in document: DocumentStart) throws -> Block

    /// Whether ``transform(_:in:)`` could return something other than `block`
    /// itself; false lets ``BlockTransformSink`` pass the block on without a
    /// batch or a thread. Must be cheap (it runs on the calling thread).
    func changes(_ block: Block) -> Bool
}

extension BlockTransformer {
    /// Every block may change, unless the transformer says otherwise.
    public func changes(_ block: Block) -> Bool { true }
}

import Testing

@testable import CorpusModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An id of the calling thread.
func currentThread() -> UInt { UInt(bitPattern: Int(bitPattern: unsafeBitCast(pthread_self(), to: UnsafeRawPointer?.self))) }

/// ``Shout`` slowed down (20 µs a block), noting which threads transformed blocks.
final class SlowShout: BlockTransformer, @unchecked Sendable {
    private let lock = ConditionLock()
    private var threads: Set<UInt> = []

    func transform(_ block: Block, in document: DocumentStart) throws -> Block {
        usleep(20)
        lock.withLock { _ = threads.insert(currentThread()) }
        return try Shout().transform(block, in: document)
    }

    var threadsUsed: Set<UInt> { lock.withLock { threads } }
}

/// Renders a block's text as `[TEXT]` plus `+` or `-` for `followsBlock`, one part per
/// character run split at spaces; declines blocks whose id ends in `7` (they go whole).
struct BracketRenderer: BlockRenderer {
    func render(_ block: Block, in document: DocumentStart, followsBlock: Bool, into target: RenderTarget) -> Bool {
        guard !block.id.hasSuffix("7"), case .text(let text) = block.content else { return false }
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            try? target.output.write("[\(word)]")
            target.endPart()
        }
        try? target.output.write(followsBlock ? "+" : "-")
        target.endPart()
        return true
    }
}

/// A writer for the tests: writes each block as `id=` and what ``BracketRenderer``
/// renders, rendering itself when a block comes whole, so its bytes must be the
/// same however blocks arrive. Checks what the renderer was told (`followsBlock`)
/// against what it saw, and that rendered blocks come without content.
final class BracketWriter: RenderingAheadSink {
    private(set) var bytes: [UInt8] = []
    private(set) var renderedCount = 0
    private(set) var problems: [String] = []
    private var blocksInDocument = 0
    /// The renderer is offered only after this many blocks (a writer deciding its layout first).
    private let offerAfter: Int
    private var blocksSeen = 0

    init(offerAfter: Int = 0) { self.offerAfter = offerAfter }

    func receive(_ event: CorpusEvent) throws {
        switch event {
        case .startDocument(let start):
            blocksInDocument = 0
            bytes += Array("<\(start.id)>".utf8)
        case .block(let block):
            let target = RenderTarget()
            if BracketRenderer().render(block, in: DocumentStart(id: "?"), followsBlock: blocksInDocument > 0, into: target) {
                try target.withParts(0..<target.partEnds.count) { try write(block, $0) }
            } else {
                bytes += Array("\(block.id)=whole:\(block.plainText);".utf8)
                blocksInDocument += 1
                blocksSeen += 1
            }
        case .endDocument:
            bytes += Array("</>".utf8)
        }
    }

    func finish() throws { bytes += Array("#".utf8) }

    func blockRenderer() -> (any BlockRenderer)? { blocksSeen >= offerAfter ? BracketRenderer() : nil }

    func receive(rendered block: Block, _ parts: RenderedParts) throws {
        renderedCount += 1
        if block.content != .sentences([]) { problems.append("\(block.id) came with its content") }
        try write(block, parts)
    }

    private func write(_ block: Block, _ parts: RenderedParts) throws {
        let follows = parts[parts.count - 1].elementsEqual("+".utf8)
        if follows != (blocksInDocument > 0) { problems.append("\(block.id): followsBlock \(follows)") }
        bytes += Array("\(block.id)=".utf8)
        for i in 0..<parts.count { bytes += Array(parts[i]) + [0x7C] }
        bytes += Array(";".utf8)
        #expect(Array(parts.all) == (0..<parts.count).flatMap { Array(parts[$0]) })
        blocksInDocument += 1
        blocksSeen += 1
    }
}

@Suite("Blocks rendered ahead on the transforming threads")
struct RenderingAheadTests {
    /// Three documents of `count` blocks with a few words each.
    func events(count: Int) -> [CorpusEvent] {
        var events: [CorpusEvent] = []
        for d in 0..<3 {
            events.append(.startDocument(DocumentStart(id: "d\(d)")))
            for i in 0..<count { events.append(.block(Block(id: "d\(d).p\(i)", content: .text("w\(i) x y")))) }
            events.append(.endDocument)
        }
        return events
    }

    func run(_ events: [CorpusEvent], batch: Int, parallelism: Int, offerAfter: Int = 0) throws -> BracketWriter {
        let writer = BracketWriter(offerAfter: offerAfter)
        let sink = BlockTransformSink(Shout(), downstream: writer, batchBlocks: batch, parallelism: parallelism)
        for event in events { try sink.receive(event) }
        try sink.finish()
        return writer
    }

    @Test(arguments: [2, 5, 64], [2, 3, 5])
    func sameBytesAsWithoutThreads(batch: Int, parallelism: Int) throws {
        let events = events(count: 700)
        let plain = try run(events, batch: batch, parallelism: 1)
        let ahead = try run(events, batch: batch, parallelism: parallelism)
        #expect(plain.renderedCount == 0)
        #expect(ahead.renderedCount > 1000, "the renderer was used")
        #expect(ahead.problems.isEmpty, "\(ahead.problems)")
        let same = ahead.bytes == plain.bytes  // not printed: a few hundred KiB
        #expect(same)
        // Blocks the renderer declines came whole, in their place.
        let text = String(decoding: ahead.bytes, as: UTF8.self)
        #expect(text.contains("d1.p17=whole:W17 X Y@d1;d1.p18=[W18]|[X]|[Y@d1]|+|;"))
    }

    /// A writer that offers its renderer only later (the TEI writer deciding between
    /// `TEI` and `teiCorpus`) gets whole blocks until then, the same bytes in all.
    @Test func aRendererOfferedLaterChangesNothing() throws {
        let events = events(count: 500)
        let plain = try run(events, batch: 16, parallelism: 1)
        let later = try run(events, batch: 16, parallelism: 2, offerAfter: 300)
        #expect(later.renderedCount > 0 && later.renderedCount < 1400)
        #expect(later.problems.isEmpty, "\(later.problems)")
        let same = later.bytes == plain.bytes
        #expect(same)
    }

    /// A failing transform mid-stream: the blocks before it arrive, rendered or
    /// not, in order; none after it.
    @Test(arguments: [2, 3])
    func anErrorKeepsTheBlocksBeforeIt(parallelism: Int) throws {
        var events = events(count: 300)
        events[150] = .block(Block(id: "d0.p149", content: .text("fail")))
        let writer = BracketWriter()
        let sink = BlockTransformSink(Shout(), downstream: writer, batchBlocks: 8, parallelism: parallelism)
        #expect(throws: Shout.Failure.self) {
            for event in events { try sink.receive(event) }
            try sink.finish()
        }
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(text.hasSuffix("d0.p148=[W148]|[X]|[Y@d0]|+|;"), "\(text.suffix(80))")
        #expect(writer.renderedCount > 100)
        #expect(writer.problems.isEmpty)
    }

    /// Render buffers are reused from batch to batch: what a block rendered
    /// earlier never leaks into a later one's parts.
    @Test func aTargetReusedStartsEmpty() throws {
        let target = RenderTarget()
        #expect(target.render(Block(id: "a", content: .text("one two")), with: BracketRenderer(), in: DocumentStart(id: "d"), followsBlock: false) == 0..<3)
        #expect(target.render(Block(id: "a7", content: .text("no")), with: BracketRenderer(), in: DocumentStart(id: "d"), followsBlock: true) == nil)
        #expect(target.output.byteCount == 11)
        target.removeAll()
        let range = target.render(Block(id: "b", content: .text("three")), with: BracketRenderer(), in: DocumentStart(id: "d"), followsBlock: true)
        #expect(range == 0..<2)
        target.withParts(0..<2) { parts in
            #expect(Array(parts.all) == Array("[three]+".utf8))
            #expect(Array(parts[1]) == Array("+".utf8))
        }
    }

    /// The worker busy elsewhere (here: held by a job of the test's own): the
    /// calling thread runs each batch no worker has started instead of waiting
    /// for it, so the stream neither stalls nor changes order.
    @Test func theCallingThreadRunsBatchesNoWorkerStarted() throws {
        let events = events(count: 200)
        let plain = try run(events, batch: 4, parallelism: 1)
        let held = ConditionLock()
        nonisolated(unsafe) var release = false
        BlockWorkers.first(1)[0].submit {
            held.withLock { while !release { held.wait() } }
        }
        defer { held.withLock { release = true; held.broadcast() } }
        let slow = SlowShout()
        let writer = BracketWriter()
        let sink = BlockTransformSink(slow, downstream: writer, batchBlocks: 4, parallelism: 2)
        for event in events { try sink.receive(event) }
        try sink.finish()
        let same = writer.bytes == plain.bytes
        #expect(same)
        #expect(writer.problems.isEmpty)
        #expect(writer.renderedCount > 400)
        #expect(slow.threadsUsed == [currentThread()], "every batch ran on the calling thread")
    }
}

/// A ``BracketWriter`` that notes the threads rendered blocks arrive on.
final class ThreadNotingWriter: RenderingAheadSink {
    let inner = BracketWriter()
    private(set) var threads: Set<UInt> = []
    func receive(_ event: CorpusEvent) throws { try inner.receive(event) }
    func finish() throws { try inner.finish() }
    func blockRenderer() -> (any BlockRenderer)? { inner.blockRenderer() }
    func receive(rendered block: Block, _ parts: RenderedParts) throws {
        threads.insert(currentThread())
        try inner.receive(rendered: block, parts)
    }
}

@Suite("Rendered batches sent on from the worker")
struct WorkerDeliveryTests {
    func events(count: Int) -> [CorpusEvent] { RenderingAheadTests().events(count: count) }

    /// A reader slower than the transform leaves the worker idle between
    /// batches: it then writes the rendered batches itself, and the bytes are
    /// those of a run without threads.
    @Test func anIdleWorkerWritesWhatItRendered() throws {
        let events = events(count: 300)
        let plain = try RenderingAheadTests().run(events, batch: 8, parallelism: 1)
        let writer = ThreadNotingWriter()
        let sink = BlockTransformSink(Shout(), downstream: writer, batchBlocks: 8, parallelism: 2)
        for event in events {
            usleep(30)  // the reader: slower than the transform
            try sink.receive(event)
        }
        try sink.finish()
        let same = writer.inner.bytes == plain.bytes
        #expect(same)
        #expect(writer.inner.problems.isEmpty)
        #expect(writer.threads.contains { $0 != currentThread() }, "some batch was written by the worker")
    }

    /// A sink given up mid-stream (its reader failed; the driver then removes
    /// the output) is freed, and from then on nothing more reaches the writer:
    /// a batch the idle worker is writing at that moment is finished first,
    /// and batches still in flight are dropped.
    @Test func aSinkGivenUpWritesNothingMore() throws {
        for round in 0..<12 {
            let writer = SlowNotingWriter()
            do {
                let sink = BlockTransformSink(Shout(), downstream: writer, batchBlocks: 4, parallelism: 2)
                for event in events(count: 200).prefix(40 + 7 * round) {
                    usleep(300)  // a slow reader: the worker is idle and writes batches itself
                    try sink.receive(event)
                }
            }  // the sink is released here, as when `receive` throws
            let written = writer.written
            #expect(!writer.isWriting, "a write still going on after the sink was given up (round \(round))")
            usleep(20_000)
            #expect(writer.written == written, "the writer got blocks after the sink was given up (round \(round))")
        }
    }
}

/// A writer that takes 100 µs a rendered block and notes when it is inside a write.
final class SlowNotingWriter: RenderingAheadSink, @unchecked Sendable {
    private let lock = ConditionLock()
    private var writing = false
    private var count = 0
    var isWriting: Bool { lock.withLock { writing } }
    var written: Int { lock.withLock { count } }
    func receive(_ event: CorpusEvent) throws { lock.withLock { count += 1 } }
    func finish() throws {}
    func blockRenderer() -> (any BlockRenderer)? { BracketRenderer() }
    func receive(rendered block: Block, _ parts: RenderedParts) throws {
        lock.withLock { writing = true }
        usleep(100)
        lock.withLock {
            count += 1
            writing = false
        }
    }
}

import Testing

@testable import CorpusModel

/// Upper-cases text; fails on a block whose text is "fail".
struct Shout: BlockTransformer {
    struct Failure: Error {}
    func transform(_ block: Block, in document: DocumentStart) throws -> Block {
        guard case .text(let t) = block.content else { return block }
        if t == "fail" { throw Failure() }
        var b = block
        b.content = .text(t.uppercased() + "@" + document.id)
        return b
    }
}

@Suite("Batched block transforms")
struct BlockTransformSinkTests {
    @Test(arguments: [1, 3, 1024], [1, 2, 5])
    func keepsOrderAcrossBatchesAndDocuments(batch: Int, parallelism: Int) throws {
        let collector = DocumentCollector()
        let sink = BlockTransformSink(Shout(), downstream: collector, batchBlocks: batch, parallelism: parallelism)
        var expected: [Document] = []
        for d in 0..<3 {
            let blocks = (0..<2500).map { Block(id: "d\(d).p\($0 + 1)", content: .text("x\($0)")) }
            try sink.receive(document: Document(id: "d\(d)", blocks: blocks))
            expected.append(Document(id: "d\(d)", blocks: blocks.map {
                var b = $0
                b.content = .text($0.plainText.uppercased() + "@d\(d)")
                return b
            }))
        }
        try sink.finish()
        #expect(collector.documents == expected)
    }

    @Test(arguments: [1, 2, 4])
    func anErrorInABatchStopsTheStream(parallelism: Int) throws {
        let collector = DocumentCollector()
        let sink = BlockTransformSink(Shout(), downstream: collector, batchBlocks: 100, parallelism: parallelism)
        try sink.receive(.startDocument(DocumentStart(id: "d")))
        for i in 0..<50 { try sink.receive(.block(Block(id: "d.p\(i)", content: .text(i == 20 ? "fail" : "ok")))) }
        #expect(throws: Shout.Failure.self) { try sink.receive(.endDocument) }
    }

    /// With batches in flight on other threads, the blocks before a failing one
    /// still arrive, in order, and none after it.
    @Test(arguments: [1, 2, 4])
    func anErrorInALaterBatchKeepsTheBlocksBeforeIt(parallelism: Int) throws {
        var received: [String] = []
        let collector = ClosureSink { event in
            if case .block(let block) = event { received.append(block.plainText) }
        }
        let sink = BlockTransformSink(Shout(), downstream: collector, batchBlocks: 7, parallelism: parallelism)
        try sink.receive(.startDocument(DocumentStart(id: "d")))
        #expect(throws: Shout.Failure.self) {
            for i in 0..<100 { try sink.receive(.block(Block(id: "d.p\(i)", content: .text(i == 60 ? "fail" : "b\(i)")))) }
            try sink.receive(.endDocument)
        }
        #expect(received == (0..<60).map { "B\($0)@d" })
    }
}

/// ``Shout`` that declares blocks with sentences unchanged, and counts the blocks it transforms.
final class DeclaringShout: BlockTransformer, @unchecked Sendable {
    private let lock = ConditionLock()
    private var transformedIDs: [String] = []
    var transformed: [String] { lock.withLock { transformedIDs } }

    func changes(_ block: Block) -> Bool {
        if case .text = block.content { return true }
        return false
    }

    func transform(_ block: Block, in document: DocumentStart) throws -> Block {
        lock.withLock { transformedIDs.append(block.id) }
        return try Shout().transform(block, in: document)
    }
}

@Suite("Blocks a transform leaves as they are")
struct UnchangedBlockTests {
    /// Runs of blocks that already have sentences, between text blocks: the output
    /// is what transforming every block gives, in order, and the transform only
    /// sees blocks that need it or were queued behind one.
    @Test(arguments: [1, 3, 64], [1, 2, 3])
    func passStraightOnInOrder(batch: Int, parallelism: Int) throws {
        let declaring = DeclaringShout()
        let collector = DocumentCollector()
        let sink = BlockTransformSink(declaring, downstream: collector, batchBlocks: batch, parallelism: parallelism)
        var blocks: [Block] = []
        for i in 0..<600 {
            let segmented = (i / 50) % 2 == 0  // runs of 50 segmented blocks, then 50 text blocks
            blocks.append(Block(
                id: "d.p\(i + 1)",
                content: segmented ? .sentences([Sentence(id: "d.p\(i + 1).s1", text: "s\(i)")]) : .text("t\(i)")))
        }
        try sink.receive(document: Document(id: "d", blocks: blocks))
        try sink.finish()
        let expected = try blocks.map { try Shout().transform($0, in: DocumentStart(id: "d")) }
        #expect(collector.documents == [Document(id: "d", blocks: expected)])
        // The first run is never batched: nothing was waiting before it.
        #expect(!declaring.transformed.contains("d.p1"))
        #expect(!declaring.transformed.contains("d.p50"))
        // A text block always is.
        #expect(declaring.transformed.contains("d.p51"))
    }
}

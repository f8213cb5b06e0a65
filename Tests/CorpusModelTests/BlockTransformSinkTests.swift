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

import Testing

@testable import CorpusModel

/// Batches between threads are bounded by their text, segmented or not, so a few
/// huge paragraphs cannot fill memory the way a block count would let them.
@Suite struct BatchBytesTests {
    @Test func segmentedBlocksCountTheirSentencesText() {
        let sentence = Sentence(id: "s", text: String(repeating: "ә", count: 100))  // 200 bytes
        let tokens = Sentence(id: "t", text: "ab", tokens: [Token("ab", kind: .word, spaceAfter: false)])
        #expect(Block(id: "p", content: .text("abc")).approximateTextBytes == 3)
        #expect(Block(id: "p", content: .sentences([sentence, sentence])).approximateTextBytes == 2 * (200 + 64))
        #expect(Block(id: "p", content: .sentences([tokens])).approximateTextBytes == 2 + 128 + 64)  // a token weighs ~128 bytes
    }

    @Test func aTransformBatchOfSegmentedBlocksStopsAtItsByteBound() throws {
        var received = 0
        let downstream = ClosureSink { event in if case .block = event { received += 1 } }
        let sink = BlockTransformSink(Shout(), downstream: downstream, batchBlocks: 1000, batchBytes: 1000, parallelism: 1)
        try sink.receive(.startDocument(DocumentStart(id: "d")))
        let big = Sentence(id: "s", text: String(repeating: "x", count: 600))
        try sink.receive(.block(Block(id: "d.p1", content: .sentences([big]))))
        #expect(received == 0)
        try sink.receive(.block(Block(id: "d.p2", content: .sentences([big]))))
        #expect(received == 2, "1,328 bytes of sentences passed the 1,000-byte bound: the batch is sent on")
    }
}

import CorpusModel
import Foundation
import Testing

@testable import CorpusDriver

/// Minimal plugins for exercising the driver without real formats.
struct LinesReader: CorpusReader {
    var format = FormatDescription(name: "lines", extensions: ["lines"], mediaType: "text/x-lines", summary: "test")
    var provides: Capabilities = []
    func sniff(_ prefix: [UInt8]) -> SniffResult { prefix.first == UInt8(ascii: "#") ? .likely : .no }
    func read(_ input: InputSource, options: FormatOptions, into sink: any CorpusEventSink) throws {
        let text = String(decoding: try input.readAll(), as: UTF8.self)
        if text.contains("BAD") {
            throw CorpusError(.syntax, "bad line", location: SourceLocation(line: 1, column: 1))
        }
        try sink.receive(.startDocument(DocumentStart(id: "d")))
        for (i, line) in text.split(separator: "\n").enumerated() {
            try sink.receive(.block(Block(id: CorpusID.block("d", i + 1), content: .text(String(line)))))
        }
        try sink.receive(.endDocument)
    }
}

struct SentenceTableWriter: CorpusWriter {
    var format = FormatDescription(name: "table", extensions: ["tab"], mediaType: "text/x-table", summary: "test")
    var requires: Capabilities = [.sentences]
    func makeSink(writingTo output: ByteOutput, options: FormatOptions) throws -> any CorpusEventSink {
        ClosureSink { event in
            if case .block(let b) = event {
                for s in b.sentences { try output.write(s.id + "\t" + s.text + "\n") }
            }
        }
    }
}

/// Splits at ". " — enough to see the planner insert it.
struct NaiveSegmenter: CorpusTransform, BlockTransformer {
    var name = "segment"
    var summary = "test"
    var provides: Capabilities = [.sentences]
    var requires: Capabilities = []
    func makeSink(sendingTo downstream: any CorpusEventSink, options: FormatOptions) throws -> any CorpusEventSink {
        BlockTransformSink(self, downstream: downstream)
    }
    func transform(_ block: Block, in document: DocumentStart) throws -> Block {
        guard case .text(let t) = block.content else { return block }
        var b = block
        b.content = .sentences(t.components(separatedBy: ". ").enumerated().map {
            Sentence(id: CorpusID.sentence(block.id, $0.offset + 1), text: $0.element)
        })
        return b
    }
}

struct Tokenize: CorpusTransform {
    var name = "tokenize"
    var summary = "test"
    var provides: Capabilities = [.tokens]
    var requires: Capabilities = [.sentences]
    func makeSink(sendingTo downstream: any CorpusEventSink, options: FormatOptions) throws -> any CorpusEventSink {
        downstream
    }
}

func testRegistry() -> FormatRegistry {
    var r = FormatRegistry()
    r.register(reader: LinesReader())
    r.register(writer: SentenceTableWriter())
    r.register(transform: Tokenize())
    r.register(transform: NaiveSegmenter())
    return r
}

@Suite("Planning")
struct PlannerTests {
    @Test func insertsSegmentationWhenTheWriterNeedsSentences() throws {
        let plan = try Planner(registry: testRegistry()).plan(from: "lines", to: "table")
        #expect(plan.legs.count == 1)
        #expect(plan.legs[0].transforms.map(\.name) == ["segment"])
        #expect(plan.explanation[0].contains("segment"))
    }

    @Test func chainsTransformsForTokens() throws {
        let plan = try Planner(registry: testRegistry()).plan(from: "lines", to: "table", wanted: [.tokens])
        #expect(plan.legs[0].transforms.map(\.name) == ["segment", "tokenize"])
    }

    @Test func unknownFormatsAreUsageErrors() {
        #expect(throws: CorpusError.self) { try Planner(registry: testRegistry()).plan(from: "lines", to: "pdf") }
        var r = FormatRegistry()
        r.register(reader: LinesReader())
        r.register(writer: SentenceTableWriter())
        #expect {
            try Planner(registry: r).plan(from: "lines", to: "table")
        } throws: { ($0 as? CorpusError)?.message.contains("no transform provides sentences") == true }
    }

    @Test func lookupByExtensionAndContent() {
        let r = testRegistry()
        #expect(r.formatName(forPath: "/x/y.LINES") == "lines")
        #expect(r.formatName(forPath: "/x/noext") == nil)
        #expect(r.sniff(Array("# hi".utf8))?.format.name == "lines")
        #expect(r.sniff(Array("hi".utf8)) == nil)
    }
}

import CorpusModel
import CorpusTestSupport
import Foundation
import Testing

@testable import CorpusDriver

@Suite("Running conversions")
struct RunningTests {
    let dir: String = ScratchDirectory.make("driver")

    func write(_ name: String, _ text: String) throws -> String {
        let path = dir + "/" + name
        try OutputPaths.ensureParentDirectory(of: path)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    @Test func convertsThroughTheInsertedTransform() throws {
        let registry = testRegistry()
        let plan = try Planner(registry: registry).plan(from: "lines", to: "table")
        let out = ByteOutput.memory()
        try Converter(registry: registry).run(plan, inputs: [.string("A. B\nC")], output: out, options: FormatOptions())
        #expect(String(decoding: out.bytes, as: UTF8.self) == "d.p1.s1\tA\nd.p1.s2\tB\nd.p2.s1\tC\n")
    }

    @Test func aFailedConversionLeavesNoFileAndKeepsTheOldOne() throws {
        let registry = testRegistry()
        let plan = try Planner(registry: registry).plan(from: "lines", to: "table")
        let target = try write("out.tab", "previous")
        let bad = try write("bad.lines", "x\nBAD")
        let runner = BatchRunner(converter: Converter(registry: registry))
        #expect(throws: CorpusError.self) {
            try runner.convertOne(.init(input: .file(bad), outputPath: target), plan: plan, options: FormatOptions())
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "previous")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func oneBadFileDoesNotStopABatch() throws {
        let registry = testRegistry()
        let plan = try Planner(registry: registry).plan(from: "lines", to: "table")
        var jobs: [BatchRunner.Job] = []
        for i in 0..<20 {
            let input = try write("in/sub\(i % 3)/f\(i).lines", i == 7 ? "BAD" : "Line \(i). More")
            jobs.append(.init(input: .file(input), outputPath: OutputPaths.mirrored(
                "sub\(i % 3)/f\(i).lines", into: dir + "/out", extension: "tab")))
        }
        let report = BatchRunner(converter: Converter(registry: registry)).run(
            jobs, parallelism: 3, options: FormatOptions(), plan: { _ in plan })
        #expect(report.succeeded == 19)
        #expect(report.failures.count == 1)
        #expect(report.failures[0].description.hasSuffix("f7.lines:1:1: error: bad line"))
        let outputs = try OutputPaths.files(under: dir + "/out")
        #expect(outputs.count == 19)
        #expect(outputs.contains("sub1/f4.tab"))
        #expect(!outputs.contains("sub1/f7.tab"))
    }

    @Test func formatDetectionPrefersDeclaredThenExtensionThenContent() throws {
        let converter = Converter(registry: testRegistry())
        let file = try write("x.lines", "plain")
        #expect(try converter.detectFormat(of: .file(file), declared: nil) == "lines")
        #expect(try converter.detectFormat(of: .string("# sniffed"), declared: nil) == "lines")
        #expect(throws: CorpusError.self) { try converter.detectFormat(of: .string(""), declared: nil) }
        #expect(throws: CorpusError.self) { try converter.detectFormat(of: .string("x"), declared: "nope") }
    }
}

/// Emits many blocks, optionally failing after `failAfter` of them.
struct ManyBlocksReader: CorpusReader {
    var format = FormatDescription(name: "many", extensions: ["many"], mediaType: "text/x-many", summary: "test")
    var provides: Capabilities = [.sentences]
    var count: Int
    var failAfter: Int?
    func sniff(_ prefix: [UInt8]) -> SniffResult { .no }
    func read(_ input: InputSource, options: FormatOptions, into sink: any CorpusEventSink) throws {
        try sink.receive(.startDocument(DocumentStart(id: "d")))
        for i in 0..<count {
            if i == failAfter { throw CorpusError(.syntax, "broken at \(i)", location: SourceLocation(line: i + 1)) }
            try sink.receive(.block(Block(id: "d.p\(i + 1)", content: .sentences([Sentence(id: "d.p\(i + 1).s1", text: "\(i)")]))))
        }
        try sink.receive(.endDocument)
    }
}

/// Counts blocks; fails on block number `failAt`.
final class CountingSink: CorpusEventSink {
    var blocks = 0
    let failAt: Int?
    init(failAt: Int? = nil) { self.failAt = failAt }
    func receive(_ event: CorpusEvent) throws {
        if case .block = event {
            blocks += 1
            if blocks == failAt { throw CorpusError(.io, "disk full") }
        }
    }
    func finish() throws {}
}

@Suite("Reader thread")
struct ReaderThreadTests {
    @Test func deliversEveryEventInOrder() throws {
        let collector = DocumentCollector()
        try ReaderThread.read(ManyBlocksReader(count: 10_000), .string(""), options: FormatOptions(), into: collector)
        try collector.finish()
        #expect(collector.documents.count == 1)
        #expect(collector.documents[0].blocks.map(\.id) == (1...10_000).map { "d.p\($0)" })
    }

    @Test func aReaderErrorArrivesAfterTheEventsBeforeIt() throws {
        let sink = CountingSink()
        #expect {
            try ReaderThread.read(ManyBlocksReader(count: 5000, failAfter: 3000), .string(""),
                                  options: FormatOptions(), into: sink)
        } throws: { ($0 as? CorpusError)?.message == "broken at 3000" }
        #expect(sink.blocks == 3000)
    }

    @Test func aWriterErrorStopsTheReader() throws {
        let sink = CountingSink(failAt: 10)
        #expect {
            try ReaderThread.read(ManyBlocksReader(count: 1_000_000), .string(""), options: FormatOptions(), into: sink)
        } throws: { ($0 as? CorpusError)?.message == "disk full" }
        #expect(sink.blocks == 10)
    }
}

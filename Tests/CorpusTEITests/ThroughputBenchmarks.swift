import CorpusModel
import Foundation
import Testing

@testable import CorpusTEI

/// Throughput of the TEI reader and writer on a large corpus; runs only with
/// `CORPUSKIT_BENCH=1` (release build recommended) and prints MB/s. Speed is
/// never asserted. Inputs: `CORPUSKIT_BENCH_TEI` (default /tmp/corp/corpus.xml,
/// from make_tei.py) and `CORPUSKIT_BENCH_TXT` (default /tmp/corp/corpus.txt).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CORPUSKIT_BENCH"] == "1"), .serialized)
struct ThroughputBenchmarks {
    static var env: [String: String] { ProcessInfo.processInfo.environment }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func size(_ path: String) -> Double {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return Double((attributes?[.size] as? NSNumber)?.int64Value ?? 0) / 1_048_576
    }

    @Test func readTEI() throws {
        let path = Self.env["CORPUSKIT_BENCH_TEI"] ?? "/tmp/corp/corpus.xml"
        var blocks = 0
        var sentences = 0
        let sink = ClosureSink { event in
            if case .block(let b) = event {
                blocks += 1
                sentences += b.sentences.count
            }
        }
        let start = Self.now()
        try TEIReader().read(.file(path), options: FormatOptions(), into: sink)
        let seconds = Self.now() - start
        let mb = Self.size(path)
        print(String(format: "BENCH tei-read: %.1f MiB in %.2f s = %.1f MiB/s (%d blocks, %d sentences)", mb, seconds, mb / seconds, blocks, sentences))
    }

    /// Blocks made from plain text with a naive rule (blank line = paragraph, `. ` =
    /// sentence end), so the writer can be timed without the text target.
    static func naiveBlocks(_ path: String, _ body: (Block) throws -> Void) throws {
        var paragraph: [String] = []
        var n = 0
        func flush() throws {
            guard !paragraph.isEmpty else { return }
            n += 1
            let id = CorpusID.block("corpus", n)
            let text = paragraph.joined(separator: " ")
            var sentences: [Sentence] = []
            var current = ""
            for word in text.split(separator: " ") {
                if !current.isEmpty { current += " " }
                current += word
                if word.hasSuffix(".") || word.hasSuffix("?") || word.hasSuffix("!") {
                    sentences.append(Sentence(id: CorpusID.sentence(id, sentences.count + 1), text: current))
                    current = ""
                }
            }
            if !current.isEmpty { sentences.append(Sentence(id: CorpusID.sentence(id, sentences.count + 1), text: current)) }
            try body(Block(id: id, content: .sentences(sentences)))
            paragraph.removeAll(keepingCapacity: true)
        }
        var pending: [UInt8] = []
        try InputSource.file(path).forEachChunk { chunk in
            pending.append(contentsOf: chunk)
            var lineStart = 0
            for i in 0..<pending.count where pending[i] == 0x0A {
                let line = String(decoding: pending[lineStart..<i], as: UTF8.self)
                if line.allSatisfy(\.isWhitespace) { try flush() } else { paragraph.append(line) }
                lineStart = i + 1
            }
            pending.removeFirst(lineStart)
        }
        if !pending.isEmpty { paragraph.append(String(decoding: pending, as: UTF8.self)) }
        try flush()
    }

    @Test func writeTEI() throws {
        let path = Self.env["CORPUSKIT_BENCH_TXT"] ?? "/tmp/corp/corpus.txt"
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("corpuskit-bench.xml").path
        let fd = open(outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { close(fd); unlink(outPath) }
        let output = ByteOutput(descriptor: fd, name: outPath)
        let sink = try TEIWriter().makeSink(writingTo: output, options: FormatOptions(["corpus": "no"]))
        // Only the time spent inside the writer counts (making the blocks does not).
        var inWriter = 0.0
        var count = 0
        var t0 = Self.now()
        try sink.receive(.startDocument(DocumentStart(id: "corpus", metadata: Metadata(title: "bench", language: "kk"))))
        inWriter += Self.now() - t0
        try Self.naiveBlocks(path) { block in
            count += 1
            let t = Self.now()
            try sink.receive(.block(block))
            inWriter += Self.now() - t
        }
        t0 = Self.now()
        try sink.receive(.endDocument)
        try sink.finish()
        inWriter += Self.now() - t0
        let outMB = Self.size(outPath)
        print(String(format: "BENCH tei-write: %d blocks, %.1f MiB of TEI written to a file in %.2f s inside the writer = %.1f MiB/s", count, outMB, inWriter, outMB / inWriter))
    }
}

extension ThroughputBenchmarks {
    /// XMLMarkupWriter (used by TEIWriter) against libxml2's xmlTextWriter on the same blocks.
    @Test func markupWriterAgainstXMLTextWriter() throws {
        let path = Self.env["CORPUSKIT_BENCH_TXT"] ?? "/tmp/corp/corpus.txt"
        var blocks: [Block] = []
        var bytes = 0
        try Self.naiveBlocks(path) { block in
            if bytes < 30 << 20 {
                blocks.append(block)
                bytes += block.plainText.utf8.count
            }
        }
        for round in 1...3 {
            let a = ByteOutput.memory()
            var t0 = Self.now()
            try XMLMarkupWriter(output: a, indent: false).writeParagraphs(blocks)
            let ours = Self.now() - t0
            let b = ByteOutput.memory()
            t0 = Self.now()
            try XMLTextWriterProbe.writeParagraphs(blocks, to: b)
            let theirs = Self.now() - t0
            let mb = Double(a.bytes.count) / 1_048_576
            #expect(a.bytes == b.bytes)
            print(String(format: "BENCH round %d: %.1f MiB: XMLMarkupWriter %.0f MiB/s, xmlTextWriter %.0f MiB/s", round, mb, mb / ours, Double(b.bytes.count) / 1_048_576 / theirs))
        }
    }
}

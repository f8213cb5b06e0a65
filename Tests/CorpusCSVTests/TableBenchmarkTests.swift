import CorpusModel
import Foundation
import Testing

@testable import CorpusCSV

/// Throughput and memory on large generated tables. Off by default; run with
/// `CORPUSKIT_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter TableBenchmarkTests`.
/// `CORPUSKIT_BENCH_MB` sets the size of the throughput table (default 100),
/// `CORPUSKIT_BENCH_ROWS` the rows of the streaming table (default 5,000,000),
/// `CORPUSKIT_BENCH_DIR` where tables go (default the temporary directory; they are kept for
/// comparisons with other tools and removed by the next run).
@Suite(
    "Large tables (benchmark)",
    .enabled(if: ProcessInfo.processInfo.environment["CORPUSKIT_BENCH"] == "1", "set CORPUSKIT_BENCH=1 to run"),
    .serialized)
struct TableBenchmarkTests {
    static let environment = ProcessInfo.processInfo.environment
    static var directory: String { environment["CORPUSKIT_BENCH_DIR"] ?? NSTemporaryDirectory() }

    /// Real Kazakh sentences (lines of the samples) to fill rows with.
    static func sampleSentences() throws -> [String] {
        try SampleDocuments.names.map(SampleDocuments.document).flatMap { $0.blocks.flatMap(\.sentences).map(\.text) }
    }

    /// Streams a table of documents of 10 blocks × 10 sentences to `path` until
    /// `rows` rows or `bytes` bytes; returns rows written and seconds taken.
    static func writeTable(
        _ path: String, writer: any CorpusWriter, rows: Int, bytes: Int, sentences: [String], short: Bool = false
    ) throws -> (rows: Int, seconds: Double) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw CorpusError.io(errno: errno, doing: "cannot create", file: path) }
        defer { close(fd) }
        let output = ByteOutput(descriptor: fd, name: path)
        let sink = try writer.makeSink(writingTo: output, options: FormatOptions())
        var written = 0
        var approximateBytes = 0
        var k = 0
        let clock = ContinuousClock()
        let start = clock.now
        var d = 0
        while written < rows && approximateBytes < bytes {
            d += 1
            let docID = "bench_\(d)"
            try sink.receive(.startDocument(DocumentStart(id: docID, metadata: Metadata(title: "Document \(d)", language: "kk"))))
            for b in 1...10 {
                let blockID = CorpusID.block(docID, b)
                var list: [Sentence] = []
                for s in 1...10 {
                    let text = short ? "Сөйлем \(k), үтірмен." : sentences[k % sentences.count]
                    k += 1
                    list.append(Sentence(id: CorpusID.sentence(blockID, s), text: text))
                    approximateBytes += text.utf8.count + 2 * blockID.utf8.count + 30
                }
                try sink.receive(.block(Block(id: blockID, content: .sentences(list))))
                written += 10
            }
            try sink.receive(.endDocument)
        }
        try sink.finish()
        try output.flush()
        return (written, (clock.now - start).seconds)
    }

    /// Counts what a reader sends, keeping nothing.
    final class CountingSink: CorpusEventSink {
        var documents = 0
        var blocks = 0
        var sentences = 0
        var lastSentenceID = ""
        func receive(_ event: CorpusEvent) throws {
            switch event {
            case .startDocument: documents += 1
            case .block(let b):
                blocks += 1
                sentences += b.sentences.count
                lastSentenceID = b.sentences.last?.id ?? lastSentenceID
            case .endDocument: break
            }
        }
        func finish() throws {}
    }

    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        return (value, (clock.now - start).seconds)
    }

    /// CPU seconds this thread has used: steadier than wall time on a shared machine.
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Peak resident memory of this process so far, in MiB (VmHWM).
    static func peakMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return -1 }
        let kb = Double(line.split(separator: " ").dropFirst().first ?? "") ?? -1
        return kb / 1024
    }

    static func fileMiB(_ path: String) -> Double {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return Double(size) / 1_048_576
    }

    @Test("write and read a ~100 MB Kazakh table: rows per second", arguments: [TableDialect.csv, .tsv])
    func throughput(dialect: TableDialect) throws {
        let megabytes = Int(Self.environment["CORPUSKIT_BENCH_MB"] ?? "") ?? 100
        let path = Self.directory + "/corpuskit-bench.\(dialect.rawValue)"
        let (writer, reader): (any CorpusWriter, any CorpusReader) =
            dialect == .csv ? (CSVWriter(), CSVReader()) : (TSVWriter(), TSVReader())
        let sentences = try Self.sampleSentences()
        let cpu0 = Self.cpuSeconds()
        let written = try Self.writeTable(path, writer: writer, rows: .max, bytes: megabytes << 20, sentences: sentences)
        let cpu1 = Self.cpuSeconds()
        let size = Self.fileMiB(path)
        let counter = CountingSink()
        let ((), readSeconds) = try Self.time { try reader.read(.file(path), options: FormatOptions(), into: counter) }
        let cpu2 = Self.cpuSeconds()
        let (writeCPU, readCPU) = (cpu1 - cpu0, cpu2 - cpu1)
        #expect(counter.sentences == written.rows)
        print(
            """
            [bench] \(dialect.rawValue) \(String(format: "%.1f", size)) MiB, \(written.rows) rows
            [bench]   write \(Int(Double(written.rows) / written.seconds)) rows/s \
            (\(String(format: "%.0f", size / written.seconds)) MiB/s, \(String(format: "%.2f", written.seconds)) s)
            [bench]   read  \(Int(Double(counter.sentences) / readSeconds)) rows/s \
            (\(String(format: "%.0f", size / readSeconds)) MiB/s, \(String(format: "%.2f", readSeconds)) s)
            [bench]   CPU: write \(Int(Double(written.rows) / writeCPU)) rows/s (\(String(format: "%.2f", writeCPU)) s), \
            read \(Int(Double(counter.sentences) / readCPU)) rows/s (\(String(format: "%.2f", readCPU)) s)
            [bench]   peak RSS so far \(String(format: "%.1f", Self.peakMiB())) MiB; table kept at \(path)
            """)
    }

    @Test("a 5-million-row table converts CSV → TSV → documents in bounded memory")
    func fiveMillionRows() throws {
        let rows = Int(Self.environment["CORPUSKIT_BENCH_ROWS"] ?? "") ?? 5_000_000
        let csvPath = Self.directory + "/corpuskit-5m.csv"
        let tsvPath = Self.directory + "/corpuskit-5m.tsv"
        defer {
            unlink(csvPath)
            unlink(tsvPath)
        }
        let written = try Self.writeTable(csvPath, writer: CSVWriter(), rows: rows, bytes: .max, sentences: [], short: true)
        let fd = open(tsvPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        let output = ByteOutput(descriptor: fd, name: tsvPath)
        let sink = try TSVWriter().makeSink(writingTo: output, options: FormatOptions())
        let ((), convertSeconds) = try Self.time {
            try CSVReader().read(.file(csvPath), options: FormatOptions(), into: sink)
            try sink.finish()
        }
        close(fd)
        let counter = CountingSink()
        try TSVReader().read(.file(tsvPath), options: FormatOptions(), into: counter)
        #expect(counter.sentences == written.rows)
        #expect(counter.blocks == written.rows / 10)
        #expect(counter.lastSentenceID == "bench_\(written.rows / 100).p10.s10")
        let peak = Self.peakMiB()
        print(
            """
            [bench] \(written.rows) rows: CSV \(String(format: "%.0f", Self.fileMiB(csvPath))) MiB written in \
            \(String(format: "%.1f", written.seconds)) s, CSV → TSV in \(String(format: "%.1f", convertSeconds)) s \
            (\(Int(Double(written.rows) / convertSeconds)) rows/s); peak RSS \(String(format: "%.1f", peak)) MiB
            """)
        // Bounded: the tables are hundreds of MiB; the process never holds more than a block of them.
        #expect(peak < 150, "peak RSS \(peak) MiB")
    }
}

extension Duration {
    var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}

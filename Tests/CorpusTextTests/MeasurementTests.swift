import CorpusModel
import CorpusText
import Foundation
import Testing

/// Measuring tools, run only on request (never timed assertions).
///
/// - `CORPUSKIT_SEGMENT_FILES=a.txt:b.txt` writes each file read with layout
///   `CORPUSKIT_LAYOUT` (default auto), segmented, one sentence per line, to
///   `$TMPDIR/corpuskit-seg/NAME.out.txt` for `score.py`.
/// - `CORPUSKIT_BENCH=1` prints read + segment + tokenize throughput on the
///   samples repeated to ~50 MB (run with `swift test -c release`).
@Suite struct MeasurementTests {
    static let env = ProcessInfo.processInfo.environment

    @Test(.enabled(if: env["CORPUSKIT_SEGMENT_FILES"] != nil))
    func segmentFiles() throws {
        let outDir = (Self.env["TMPDIR"] ?? "/tmp") + "/corpuskit-seg"
        try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        let options = FormatOptions(["layout": Self.env["CORPUSKIT_LAYOUT"] ?? "auto", "lang": Self.env["CORPUSKIT_LANG"] ?? "kk"])
        for path in (Self.env["CORPUSKIT_SEGMENT_FILES"] ?? "").split(separator: ":").map(String.init) {
            let docs = try TextReader().readDocuments(.file(path), options: options).map { try Pipeline.apply(SentenceSegmenter(), to: $0) }
            let out = try TextWriter().string(docs, options: FormatOptions(["text-style": "sentences"]))
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            try out.write(toFile: "\(outDir)/\(name).out.txt", atomically: true, encoding: .utf8)
            print("wrote \(outDir)/\(name).out.txt (layout \(try TextReader.detectLayout(try InputSource.file(path).prefix(1 << 16)).reason))")
        }
    }

    @Test(.enabled(if: env["CORPUSKIT_BENCH"] != nil))
    func throughput() throws {
        for name in SampleFiles.names {
            let path = (Self.env["TMPDIR"] ?? "/tmp") + "/corpuskit-bench-\(name).txt"
            let size = try Self.writeRepeated(SampleFiles.sample(name), to: path, tabbed: name.hasPrefix("000"))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let mb = Double(size) / 1_000_000
            for stages in ["read", "read+segment", "read+segment+tokenize"] {
                let counter = CountingSink()
                var head: any CorpusEventSink = counter
                if stages.hasSuffix("tokenize") { head = try Tokenizer().makeSink(sendingTo: head, options: FormatOptions()) }
                if stages.contains("segment") { head = try SentenceSegmenter().makeSink(sendingTo: head, options: FormatOptions()) }
                let start = DispatchTime.now().uptimeNanoseconds
                try TextReader().read(.file(path), options: FormatOptions(), into: head)
                try head.finish()
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                print(String(format: "BENCH %@ %@: %.1f MB in %.2f s = %.1f MB/s (%d blocks, %d sentences, %d tokens)",
                             name, stages, mb, seconds, mb / seconds, counter.blocks, counter.sentences, counter.tokens))
            }
        }
    }

    /// Writes `source` repeated to about 50 MB (TAB- or blank-line-separated) and returns the size.
    static func writeRepeated(_ source: String, to path: String, tabbed: Bool) throws -> Int {
        let one = try InputSource.file(source).readAll() + (tabbed ? [0x09] : [0x0A, 0x0A])
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { throw CorpusError(.io, "cannot write", file: path) }
        defer { try? handle.close() }
        try handle.truncate(atOffset: 0)
        var size = 0
        let data = Data(one)
        while size < 50_000_000 {
            handle.write(data)
            size += one.count
        }
        return size
    }
}

/// Counts what flows through, keeping nothing (memory stays bounded).
final class CountingSink: CorpusEventSink {
    var blocks = 0, sentences = 0, tokens = 0
    func receive(_ event: CorpusEvent) throws {
        guard case .block(let b) = event else { return }
        blocks += 1
        sentences += b.sentences.count
        tokens += b.sentences.reduce(0) { $0 + ($1.tokens?.count ?? 0) }
    }
    func finish() throws {}
}

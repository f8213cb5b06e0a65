import Foundation
import Testing

/// TEI written from the samples: every layout, with and without tokens,
/// single documents and a teiCorpus. Each file is checked with `jing`
/// against `tei_all.rng` when jing is installed (CI installs it), and saved
/// under `$CORPUSKIT_TEI_OUT` when that is set so CI can check them again.
@Suite("TEI from the samples")
struct SampleTEITests {
    static let schema = CLI.root.appendingPathComponent("Sources/CorpusTEI/Resources/tei_all.rng").path
    static let layouts = ["auto", "paragraphs", "indented", "lines", "sentences", "tabbed"]

    static let jing: String? = ["/usr/bin/jing", "/usr/local/bin/jing"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Where written files go: `$CORPUSKIT_TEI_OUT/samples` or a scratch directory.
    static func outputDirectory() throws -> String {
        let base = ProcessInfo.processInfo.environment["CORPUSKIT_TEI_OUT"].map { $0 + "/samples" } ?? CLI.scratch()
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        return base
    }

    @Test("every layout, with and without tokens, single and teiCorpus, is valid TEI")
    func samplesMakeValidTEI() throws {
        let dir = try Self.outputDirectory()
        var written: [String] = []
        for sample in SampleConversionTests.samples {
            for layout in Self.layouts {
                for tokens in [false, true] {
                    let out = "\(dir)/\(sample)-\(layout)\(tokens ? "-tokens" : "").xml"
                    let r = try CLI.run(["convert", "samples/\(sample).txt", "--to", "tei", "--layout", layout, "-o", out]
                                        + (tokens ? ["--tokens"] : []), in: CLI.root.path)
                    #expect(r.status == 0, "\(layout) \(tokens): \(r.stderr)")
                    written.append(out)
                }
            }
        }
        let corpus = "\(dir)/samples-corpus.xml"
        let r = try CLI.run(["convert"] + SampleConversionTests.samples.map { "samples/\($0).txt" }
                            + ["--to", "tei", "--tokens", "-o", corpus], in: CLI.root.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: corpus, encoding: .utf8).contains("<teiCorpus"))
        written.append(corpus)
        guard let jing = Self.jing else {
            print("note: jing is not installed (apt-get install -y jing); TEI validity was not checked here")
            return
        }
        let check = try CLI.run([Self.schema] + written, executable: jing)
        #expect(check.status == 0, "jing: \(check.out)")
    }

    @Test("text → TEI → model → TEI is byte-identical", arguments: SampleConversionTests.samples)
    func teiRoundTrip(sample: String) throws {
        let dir = CLI.scratch()
        for tokens in [[], ["--tokens"]] {
            let first = dir + "/first.xml"
            let second = dir + "/second.xml"
            #expect(try CLI.run(["convert", "samples/\(sample).txt", "--to", "tei", "-o", first, "--force"] + tokens,
                                in: CLI.root.path).status == 0)
            let r = try CLI.run(["convert", first, "--to", "tei", "-o", second, "--force"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
            // And the TEI itself holds the gold sentences, so the round trip is not an output compared with itself.
            let sentences = try CLI.run(["convert", first, "--to", "text", "--text-style", "sentences"])
            let gold = try String(contentsOf: SampleConversionTests.gold.appendingPathComponent("\(sample).gold.txt"), encoding: .utf8)
            #expect(sentences.out == gold)
        }
    }

    @Test("CSV → TEI → CSV is byte-identical", arguments: SampleConversionTests.samples)
    func csvThroughTEI(sample: String) throws {
        let dir = CLI.scratch()
        #expect(try CLI.run(["convert", "samples/\(sample).txt", "--to", "csv", "-o", dir + "/a.csv"],
                            in: CLI.root.path).status == 0)
        let toTEI = try CLI.run(["convert", dir + "/a.csv", "--to", "tei", "-o", dir + "/b.xml"])
        #expect(toTEI.status == 0, "\(toTEI.stderr)")
        let back = try CLI.run(["convert", dir + "/b.xml", "--to", "csv", "-o", dir + "/c.csv"])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/a.csv"))
                == Data(contentsOf: URL(fileURLWithPath: dir + "/c.csv")))
    }

    @Test func validateWithTheBundledSchemaNamesTheFaults() throws {
        let docs = CLI.root.deletingLastPathComponent().appendingPathComponent("shared/schemas/test-docs")
        guard FileManager.default.fileExists(atPath: docs.path) else { return }
        let good = try CLI.run(["validate", docs.appendingPathComponent("valid-kk.xml").path, "--schema", "tei_all"])
        #expect(good.status == 0, "\(good.stderr)")
        // One process, one schema compile, eight files: each fault is named with its file and line:col.
        let files = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".xml") }.sorted()
        let all = try CLI.run(["validate", "--schema", "tei_all"] + files.map { docs.appendingPathComponent($0).path })
        #expect(all.status == 1)
        for name in files where name.hasPrefix("invalid-") {
            let line = all.stderr.split(separator: "\n").first { $0.contains("/\(name):") }
            #expect(line.map { $0.contains(": error: ") && $0.split(separator: ":").count >= 4 } == true,
                    "no located error for \(name): \(all.stderr)")
        }
        #expect(all.out.contains("valid-kk.xml: valid tei"))
    }
}

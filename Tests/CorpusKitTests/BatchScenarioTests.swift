import CorpusTestSupport
import Foundation
import Testing

/// Issue 9's acceptance run: a 2,000-file batch from the shared corpus
/// generator with 3 corrupt files, 2 colliding names and the output folder
/// inside the input folder; then an interrupted batch finished with --resume.
@Suite("2,000-file batch", .serialized)
struct BatchScenarioTests {
    @Test(.enabled(if: ToolGate.shared && ToolGate.tool("python3"), "needs ../shared/bench/make_corpus.py and python3"))
    func twoThousandFiles() throws {
        let dir = CLI.scratch()
        let generator = try SharedMaterial.file("bench/make_corpus.py")
        let made = try ExternalTool.run(["python3", generator.path, "6", dir + "/gen", "--files", "2000",
                                         "--seeds", CLI.root.appendingPathComponent("samples").path])
        try #require(made.status == 0, "\(made.output)")
        let batch = dir + "/gen/batch"
        let generated = try FileManager.default.contentsOfDirectory(atPath: batch).count
        try #require(generated >= 1900, "make_corpus.py made \(generated) files")
        // Three corrupt files and two names that collide (dup.txt and dup.json → dup.xml).
        try Data([0x41, 0xFF, 0xFE, 0x42]).write(to: URL(fileURLWithPath: batch + "/bad-utf8.txt"))
        try Data("Бір\u{0}екі".utf8).write(to: URL(fileURLWithPath: batch + "/bad-nul.txt"))
        try Data("{\"version\":1,\"documents\":[".utf8).write(to: URL(fileURLWithPath: batch + "/bad.json"))
        try Data("Қайталанатын атау.\n".utf8).write(to: URL(fileURLWithPath: batch + "/dup.txt"))
        try Data(#"{"version":1,"documents":[{"id":"dup","metadata":{},"blocks":[{"id":"dup.p1","kind":"paragraph","text":"JSON."}]}]}"#.utf8)
            .write(to: URL(fileURLWithPath: batch + "/dup.json"))
        let inputs = try FileManager.default.contentsOfDirectory(atPath: batch).count

        // The collision is refused before anything is written.
        let refused = try Transcript.run(["convert", "gen/batch", "--to", "tei", "-o", "gen/batch/out/"], in: dir, watching: ["gen/batch"])
        #expect(refused.status == 2 && refused.stderr.contains("dup.json") && refused.stderr.contains("dup.txt"), "\(refused)")
        #expect(!FileManager.default.fileExists(atPath: batch + "/out"))

        // --keep-ext resolves it; the rest convert; the corrupt ones are named; no input changes.
        let full = try Transcript.run(["convert", "gen/batch", "--to", "tei", "-o", "gen/batch/out/", "--keep-ext"], in: dir, watching: ["gen/batch"])
        #expect(full.status == 1, "\(full.stderr.suffix(2000))")
        #expect(full.inputsUnchanged)
        #expect(full.stderr.contains("bad-utf8.txt") && full.stderr.contains("bad-nul.txt") && full.stderr.contains("gen/batch/bad.json:1:"), "\(full.stderr.suffix(2000))")
        #expect(full.stderr.contains("converted \(inputs - 3) of \(inputs) files"), "\(full.stderr.suffix(500))")
        let reference = dir + "/reference"
        try FileManager.default.moveItem(atPath: batch + "/out", toPath: reference)
        #expect(try FileManager.default.contentsOfDirectory(atPath: reference).count == inputs - 3)

        // Interrupted, then resumed: byte-identical to the uninterrupted run.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        p.arguments = ["convert", "gen/batch", "--to", "tei", "-o", "gen/batch/out/", "--keep-ext", "--jobs", "2"]
        let errPath = dir + "/stderr"
        FileManager.default.createFile(atPath: errPath, contents: nil)
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try p.run()
        for _ in 0..<1000 where p.isRunning {
            if ((try? FileManager.default.contentsOfDirectory(atPath: batch + "/out").count) ?? 0) > 200 { break }
            usleep(5_000)
        }
        try #require(p.isRunning, "the batch ended before it could be interrupted")
        p.interrupt()
        p.waitUntilExit()
        #expect(p.terminationStatus == 130)
        let said = try String(contentsOfFile: errPath, encoding: .utf8)
        #expect(said.contains("interrupted: ") && said.contains(" of \(inputs) converted; no partial files"), "\(said.suffix(500))")
        let partial = try FileManager.default.contentsOfDirectory(atPath: batch + "/out")
        #expect(partial.allSatisfy { !$0.hasPrefix(".") }, "no temporary file is left")
        #expect(partial.count < inputs - 3)

        let resumed = try Transcript.run(["convert", "gen/batch", "--to", "tei", "-o", "gen/batch/out/", "--keep-ext", "--resume"], in: dir, watching: ["gen/batch"])
        #expect(resumed.status == 1, "the corrupt files still fail")
        #expect(resumed.stderr.contains("up to date, skipped"), "\(resumed.stderr.suffix(500))")
        let after = try Transcript.checksums(["out"], in: batch)
        let expected = try Transcript.checksums(["reference"], in: dir)
        #expect(after.count == expected.count)
        #expect(Dictionary(uniqueKeysWithValues: after.map { (String($0.key.dropFirst(3)), $0.value) })
            == Dictionary(uniqueKeysWithValues: expected.map { (String($0.key.dropFirst(9)), $0.value) }),
            "resumed outputs are byte-identical to an uninterrupted run")
    }
}

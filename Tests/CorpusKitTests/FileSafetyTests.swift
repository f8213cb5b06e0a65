import Foundation
import Testing

/// Issue 9: the batch layer never loses a user's file. Each test is a CLI
/// transcript (command, stdout, stderr, exit status) with checksums of the
/// inputs before and after.
@Suite("File safety")
struct FileSafetyTests {
    let s = Scratch()
    static let text = "Бүгін күн жылы. Ертең жаңбыр жауады.\n\nЕкінші абзац осында.\n"

    // Item 1: an output that is an input is refused, before anything is written.
    @Test("an output that is an input is refused (exit 2), whatever the spelling", arguments: [
        ["convert", "D", "--to", "text", "-o", "D/"],
        ["convert", "D/a.txt", "--to", "text", "-o", "D/"],
        ["convert", "D/a.txt", "--to", "text", "-o", "./D//a.txt", "--force"],
        ["convert", "D/a.txt", "--to", "text", "-o", "link.txt", "--force"],
    ])
    func outputIsInput(arguments: [String]) throws {
        try s.write("D/a.txt", Self.text)
        try s.write("D/b.txt", Self.text + "Үшінші.\n")
        try FileManager.default.createSymbolicLink(atPath: s.dir + "/link.txt", withDestinationPath: s.dir + "/D/a.txt")
        let t = try Transcript.run(arguments, in: s.dir, watching: ["D"])
        #expect(t.status == 2, "\(t)")
        #expect(t.stderr.contains("is the input"), "\(t)")
        #expect(t.inputsUnchanged, "\(t)")
        #expect(s.list("D") == ["a.txt", "b.txt"], "\(t)")
    }

    @Test func twoInputsForOneOutputAreRefusedAndKeepExtResolvesIt() throws {
        try s.write("in/a.txt", Self.text)
        try s.write("in/a.json", #"{"version":1,"documents":[{"id":"j","metadata":{},"blocks":[{"id":"j.p1","kind":"paragraph","text":"Сәлем."}]}]}"#)
        let refused = try Transcript.run(["convert", "in", "--to", "csv", "-o", "out/"], in: s.dir, watching: ["in"])
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("in/a.json") && refused.stderr.contains("in/a.txt"), "both inputs are named: \(refused)")
        #expect(!s.exists("out"), "nothing is written before the plan holds")
        let kept = try Transcript.run(["convert", "in", "--to", "csv", "-o", "out/", "--keep-ext"], in: s.dir, watching: ["in"])
        #expect(kept.status == 0, "\(kept)")
        #expect(s.list("out") == ["a.json.csv", "a.txt.csv"])
        #expect(kept.inputsUnchanged)
    }

    @Test func twoFlattenedFilesWithOneNameAreRefused() throws {
        try s.write("d1/x.txt", "Бір.\n")
        try s.write("d2/x.txt", "Екі.\n")
        let t = try Transcript.run(["convert", "d1/x.txt", "d2/x.txt", "--to", "csv", "-o", "out/"], in: s.dir, watching: ["d1", "d2"])
        #expect(t.status == 2 && t.stderr.contains("d1/x.txt") && t.stderr.contains("d2/x.txt"), "\(t)")
        #expect(!s.exists("out"))
    }

    // Item 2: existing outputs are kept unless --force; --resume skips the up-to-date ones.
    @Test func existingOutputsAreKeptReplacedOrResumed() throws {
        try s.write("in/a.txt", Self.text)
        try s.write("in/b.txt", "Басқа мәтін.\n")
        try s.write("out/a.csv", "mine\n")
        let kept = try Transcript.run(["convert", "in", "--to", "csv", "-o", "out/"], in: s.dir, watching: ["in", "out"])
        #expect(kept.status == 2 && kept.stderr.contains("out/a.csv") && kept.stderr.contains("--force"), "\(kept)")
        #expect(try s.read("out/a.csv") == "mine\n")
        #expect(!s.exists("out/b.csv"), "refused before any work")

        // An output newer than its input is up to date; an older one is redone.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: s.dir + "/out/a.csv")
        let resumed = try Transcript.run(["convert", "in", "--to", "csv", "-o", "out/", "--resume"], in: s.dir, watching: ["in"])
        #expect(resumed.status == 0, "\(resumed)")
        #expect(try s.read("out/a.csv") == "mine\n", "an up-to-date output is not touched")
        #expect(s.exists("out/b.csv"))
        #expect(resumed.stderr.contains("converted 1 of 2 files") && resumed.stderr.contains("1 up to date, skipped"), "\(resumed)")

        let forced = try Transcript.run(["convert", "in", "--to", "csv", "-o", "out/", "--force"], in: s.dir, watching: ["in"])
        #expect(forced.status == 0 && forced.inputsUnchanged, "\(forced)")
        #expect(try s.read("out/a.csv").hasPrefix("doc_id,"))

        let single = try Transcript.run(["convert", "in/a.txt", "--to", "csv", "-o", "one.csv"], in: s.dir, watching: ["in"])
        #expect(single.status == 0)
        let again = try Transcript.run(["convert", "in/a.txt", "--to", "csv", "-o", "one.csv"], in: s.dir, watching: ["in", "one.csv"])
        #expect(again.status == 2 && again.inputsUnchanged, "\(again)")
    }

    @Test func aDeviceOutputIsWrittenStraightInto() throws {
        try s.write("a.txt", Self.text)
        let t = try Transcript.run(["convert", "a.txt", "--to", "tei", "-o", "/dev/null"], in: s.dir, watching: ["a.txt"])
        #expect(t.status == 0 && t.stderr.isEmpty, "\(t)")
    }

    // Item 3: -o PATH is a folder only when it ends in '/' or is one.
    @Test func outputPathMeaning() throws {
        try s.write("in/a.txt", Self.text)
        try s.write("in/sub/b.txt", "Басқа мәтін.\n")
        let combined = try Transcript.run(["convert", "in", "--to", "csv", "-o", "all.csv"], in: s.dir, watching: ["in"])
        #expect(combined.status == 0, "\(combined)")
        var isDir: ObjCBool = true
        #expect(FileManager.default.fileExists(atPath: s.dir + "/all.csv", isDirectory: &isDir) && !isDir.boolValue)
        let mirrored = try Transcript.run(["convert", "in", "--to", "csv", "-o", "tables/"], in: s.dir, watching: ["in"])
        #expect(mirrored.status == 0)
        #expect(s.exists("tables/a.csv") && s.exists("tables/sub/b.csv"))
        let help = try CLI.run(["convert", "--help"])
        #expect(help.out.contains("one combined output") && help.out.contains("one output per input"))
    }

    // Item 4: ids in one output are unique, the same on every run, and what corpuskit writes it validates.
    @Test func sameFileNamesInOneOutputGetPathIDs() throws {
        try s.write("d1/x.txt", "Бір. Екі.\n")
        try s.write("d2/x.txt", "Үш. Төрт.\n")
        for run in 1...2 {
            let t = try Transcript.run(["convert", "d1/x.txt", "d2/x.txt", "--to", "tei", "-o", "both\(run).xml"], in: s.dir, watching: ["d1", "d2"])
            #expect(t.status == 0, "\(t)")
        }
        let tei = try s.read("both1.xml")
        #expect(tei.contains(#"xml:id="d1_x""#) && tei.contains(#"xml:id="d2_x""#))
        #expect(tei == (try s.read("both2.xml")), "the same ids on every run")
        let valid = try CLI.run(["validate", s.dir + "/both1.xml"])
        #expect(valid.status == 0, "\(valid.stderr)")

        #expect(try CLI.run(["convert", "d1/x.txt", "d2/x.txt", "--to", "csv", "-o", "both.csv"], in: s.dir).status == 0)
        let back = try CLI.run(["convert", s.dir + "/both.csv", "--to", "jsonl"])
        let ids = back.out.split(separator: "\n").compactMap { line -> String? in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == ["d1_x", "d2_x"], "a table read back gives the same documents")
    }

    // Item 5: one bad input among many in one output.
    @Test func aBadInputIsLeftOutOfACombinedOutput() throws {
        try s.write("in/a.txt", Self.text)
        try s.write("in/b.json", "{\"version\":1,\n\"documents\":[}")
        try s.write("in/c.txt", "Соңғы мәтін.\n")
        let t = try Transcript.run(["convert", "in", "--to", "csv", "-o", "comb.csv"], in: s.dir, watching: ["in"])
        #expect(t.status == 1, "\(t)")
        #expect(t.stderr.contains("in/b.json:2:14: error:"), "\(t)")
        let table = try s.read("comb.csv")
        #expect(table.contains("Бүгін күн жылы.") && table.contains("Соңғы мәтін."), "the good documents still go in")
        #expect(t.stderr.contains("converted 2 of 3 inputs"), "\(t)")

        let fast = try Transcript.run(["convert", "in", "--to", "csv", "-o", "fast.csv", "--fail-fast"], in: s.dir, watching: ["in"])
        #expect(fast.status == 1 && !s.exists("fast.csv"), "\(fast)")
    }

    // Item 6: any --jobs gives the same bytes.
    @Test func jobsDoNotChangeTheOutput() throws {
        for i in 0..<12 { try s.write("in/f\(i).txt", Self.text + "Файл \(i).\n") }
        for jobs in ["1", "2", "5"] {
            #expect(try CLI.run(["convert", "in", "--to", "tei", "-o", "out\(jobs)/", "--jobs", jobs], in: s.dir).status == 0)
            #expect(try CLI.run(["convert", "in", "--to", "tei", "-o", "all\(jobs).xml", "--jobs", jobs], in: s.dir).status == 0)
        }
        func outputs(_ folder: String) throws -> [String: UInt64] {
            Dictionary(uniqueKeysWithValues: try Transcript.checksums([folder], in: s.dir).map { (String($0.key.dropFirst(folder.count)), $0.value) })
        }
        let one = try outputs("out1")
        #expect(one.count == 12)
        for jobs in ["2", "5"] {
            #expect(try outputs("out\(jobs)") == one)
            #expect(try s.read("all\(jobs).xml") == (try s.read("all1.xml")))
        }
    }

    // Item 7: every option value is checked before any work.
    @Test("a bad option value is a usage error before any work", arguments: [
        (["--encoding", "latin-9"], "windows-1251"),
        (["--layout", "weird"], "paragraphs"),
        (["--lang", "xx_YY"], "BCP 47"),
        (["-O", "tokenz=true"], "did you mean 'tokens'"),
        (["--text-style", "fancy"], "sentences"),
        (["--columns", "text,nonsense"], "nonsense"),
    ])
    func badOptionValues(extra: [String], mention: String) throws {
        try s.write("in/a.txt", Self.text)
        let t = try Transcript.run(["convert", "in", "--to", "text", "-o", "out/"] + extra, in: s.dir, watching: ["in"])
        #expect(t.status == 2, "\(t)")
        #expect(t.stderr.contains(mention), "\(t)")
        #expect(!s.exists("out"), "no work was started")
    }

    @Test func formatsNameListsOptionsAndRequirementsFollowOptions() throws {
        let text = try CLI.run(["formats", "text"])
        #expect(text.status == 0)
        for key in ["layout", "encoding", "lang", "text-style"] { #expect(text.out.contains("\n" + key + " ")) }
        #expect(text.out.contains("writer needs: blocks"))
        let sentences = try CLI.run(["formats", "text", "-O", "text-style=sentences"])
        #expect(sentences.out.contains("writer needs: sentences"))
        #expect(try CLI.run(["formats", "nope"]).status == 2)
        let explain = try Transcript.run(["convert", "-", "--from", "text", "--to", "text", "--text-style", "sentences", "--explain"], in: s.dir, watching: [])
        #expect(explain.stderr.contains("text (requires sentences)") || explain.status == 1, "\(explain)")
    }

    // Item 8: a file-size limit is an error, not a silent kill.
    @Test func outputOverTheFileSizeLimitIsAnError() throws {
        try s.write("big.txt", String(repeating: Self.text, count: 400))
        let r = try CLI.run(["sh", "-c", "ulimit -f 8; exec \"$0\" convert big.txt --to json -o big.json", CLI.binary],
                            in: s.dir, executable: "/usr/bin/env")
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("big.json") && r.stderr.contains("error:"), "\(r.stderr)")
        #expect(!s.exists("big.json"))
        #expect(s.list(".").filter { $0.hasPrefix(".big.json") }.isEmpty, "no temporary file is left")
    }

    // Item 9: never silently empty.
    @Test func anInputWithNoTextIsAWarningOrWithStrictAnError() throws {
        try s.write("in/a.txt", Self.text)
        try s.write("in/empty.json", #"{"version":1,"documents":[{"id":"e","metadata":{},"blocks":[]}]}"#)
        let warned = try Transcript.run(["convert", "in", "--to", "csv", "-o", "out/"], in: s.dir, watching: ["in"])
        #expect(warned.status == 0 && warned.stderr.contains("in/empty.json: warning:"), "\(warned)")
        let strict = try Transcript.run(["convert", "in", "--to", "csv", "-o", "strict/", "--strict"], in: s.dir, watching: ["in"])
        #expect(strict.status == 1 && strict.stderr.contains("in/empty.json: error:"), "\(strict)")
        #expect(s.exists("strict/a.csv") && !s.exists("strict/empty.csv"))
    }

    // Item 10: endless input ends with an error for every reader, never a hang or growing memory.
    @Test("/dev/zero read as any format is a prompt error", arguments: ["text", "tei", "json", "jsonl", "csv", "tsv", "conllu", "vrt"])
    func endlessInput(format: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = ["convert", "/dev/zero", "--from", format, "--to", "csv", "-o", s.dir + "/zero.csv"]
        let errPath = s.dir + "/stderr"
        FileManager.default.createFile(atPath: errPath, contents: nil)
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try p.run()
        let deadline = Date(timeIntervalSinceNow: 60)
        while p.isRunning && Date() < deadline { usleep(20_000) }
        let hung = p.isRunning
        if hung { p.terminate() }
        p.waitUntilExit()
        #expect(!hung, "\(format): still reading /dev/zero after 60 s")
        #expect(p.terminationStatus == 1)
        let said = try String(contentsOfFile: errPath, encoding: .utf8)
        #expect(said.hasPrefix("/dev/zero:") && said.contains("error:"), "\(said)")
        #expect(!s.exists("zero.csv"))
    }

    // Item 10: linked directories are not followed unless asked, and loops are cut.
    @Test func aLinkToAParentFolderDoesNotMultiplyInputs() throws {
        try s.write("in/sub/a.txt", Self.text)
        try FileManager.default.createSymbolicLink(atPath: s.dir + "/in/sub/up", withDestinationPath: "..")
        let t = try Transcript.run(["convert", "in", "--to", "csv", "-o", "out/"], in: s.dir, watching: ["in/sub/a.txt"])
        #expect(t.status == 0, "\(t)")
        #expect(try Transcript.checksums(["out"], in: s.dir).keys.sorted() == ["out/sub/a.csv"])
        #expect(t.stderr.contains("--follow-links"), "the skipped link is mentioned: \(t)")
        let followed = try Transcript.run(["convert", "in", "--to", "csv", "-o", "followed/", "--follow-links"], in: s.dir, watching: [])
        #expect(followed.status == 0, "\(followed)")
        #expect(try Transcript.checksums(["followed"], in: s.dir).count == 1, "the loop is detected")
    }

    // Item 13: --via and --explain, as transcripts.
    @Test func viaAndExplainTranscripts() throws {
        try s.write("a.txt", Self.text)
        let via = try Transcript.run(["convert", "a.txt", "--to", "csv", "--via", "tei", "-o", "a.csv", "--explain"], in: s.dir, watching: ["a.txt"])
        #expect(via.status == 0, "\(via)")
        #expect(via.stderr.contains("text (reads blocks) → segment (provides sentences) → tei"), "\(via)")
        #expect(via.stderr.contains("⇒ tei (reads blocks)") && via.stderr.contains("→ csv (requires sentences)"), "\(via)")
        #expect(try s.read("a.csv").contains("Ертең жаңбыр жауады."))
        #expect(via.inputsUnchanged)
        let bad = try Transcript.run(["convert", "a.txt", "--to", "csv", "--via", "nope", "-o", "b.csv"], in: s.dir, watching: [])
        #expect(bad.status == 2 && !s.exists("b.csv"), "\(bad)")
    }
}

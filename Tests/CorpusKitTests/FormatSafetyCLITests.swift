import CorpusTestSupport
import Foundation
import Testing

/// Issue 9's format-level items through the built `corpuskit`: never silently
/// empty, endless input, and messages (`path:line:col`, exit statuses).
@Suite("format safety on the command line")
struct FormatSafetyCLITests {
    let dir = CLI.scratch()
    static let teiFixtures = CLI.root.appendingPathComponent("Tests/CorpusTEITests/Fixtures")

    func file(_ name: String, _ text: String) throws -> String {
        let path = dir + "/" + name
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    /// Runs the CLI, killing it after `seconds`; nil status when it had to be killed.
    func run(_ arguments: [String], in directory: String? = nil, seconds: Double) throws -> (status: Int32?, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let errPath = dir + "/stderr-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        try p.run()
        let deadline = Date(timeIntervalSinceNow: seconds)
        while p.isRunning && Date() < deadline { usleep(20_000) }
        var killed = false
        if p.isRunning {
            killed = true
            kill(p.processIdentifier, SIGKILL)
        }
        p.waitUntilExit()
        try err.close()
        let stderr = String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self)
        return (killed ? nil : p.terminationStatus, stderr)
    }

    @Test func devZeroEndsAtOnceWithTheByteOffset() throws {
        let r = try run(["convert", "/dev/zero", "--from", "text", "--to", "tei"], seconds: 20)
        #expect(r.status == 1, "still running after 20 s (it used to grow memory forever)")
        #expect(r.stderr == "/dev/zero:1:1: error: NUL byte at byte offset 0: this looks like binary data, not text\n")
    }

    @Test func truncatedXMLNamesTheOpenElement() throws {
        let input = try file("cut.xml", "<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<teiHeader/>\n<text><body>\n  <p>Бірінші абзац")
        let r = try CLI.run(["convert", input, "--to", "text"])
        #expect(r.status == 1)
        #expect(r.stderr == input + ":5:19: error: unexpected end of file: <p> opened at 5:3 is not closed (nor are the 3 elements around it)\n")
        #expect(r.stdout.isEmpty)
    }

    @Test func fromTEIOnPlainTextSaysItIsNotXML() throws {
        let input = try file("notes.txt", "Бұл жай мәтін.\n")
        let r = try CLI.run(["convert", input, "--from", "tei", "--to", "text"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix(input + ":1:1: error: not XML: "), "\(r.stderr)")
    }

    @Test func missingSchemaIsAUsageErrorNamingIt() throws {
        let input = try file("ok.xml", "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"/>")
        let r = try CLI.run(["validate", input, "--schema", "nope.rng"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("schema 'nope.rng' not found"), "\(r.stderr)")
        let unusable = try file("bad.rng", "<grammar/>")
        let bad = try CLI.run(["validate", input, "--schema", unusable])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains(unusable + ": cannot compile RELAX NG schema"), "\(bad.stderr)")
    }

    /// jing prints absolute paths; a relative input used to come out as
    /// `bad.xml: error: jing: /abs/bad.xml:2:2: error: …`.
    @Test(.enabled(if: ToolGate.tool("jing"), "needs jing"))
    func jingMessagesAreNotDoublePrefixed() throws {
        _ = try file("note.rng", #"<element name="note" xmlns="http://relaxng.org/ns/structure/1.0"><element name="to"><text/></element></element>"#)
        _ = try file("bad.xml", "<note>\n<from/></note>")
        let r = try CLI.run(["validate", "bad.xml", "--schema", "note.rng", "--validator", "jing"], in: dir)
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.contains { $0.hasPrefix("bad.xml:2:") }, "\(lines)")  // jing's: <from> where <to> was expected
        for line in lines {
            #expect(line.hasPrefix("bad.xml:"), "\(line)")
            #expect(!line.contains("jing:"), "\(line)")
            #expect(line.components(separatedBy: ": error: ").count == 2, "\(line)")
        }
    }

    @Test func corpusRootReadsItsMembersOrSaysHowManyItSkipped() throws {
        let root = Self.teiFixtures.appendingPathComponent("xinclude-corpus/corpus.xml").path
        let r = try CLI.run(["convert", root, "--to", "text"])
        #expect(r.status == 0)
        #expect(r.out == "Құрметті депутаттар, отырысты ашамын.\n\n\nКүн тәртібіндегі бірінші мәселе.\n")
        #expect(r.stderr.isEmpty)
        let skipped = try CLI.run(["convert", root, "--to", "text", "--no-xinclude"])
        #expect(skipped.status == 0)
        #expect(skipped.stderr == root + ": warning: 2 xi:include references skipped (xinclude=false): their documents are not read\n"
            + root + ": warning: the input gives no text (0 blocks)\n")
    }

    @Test func parlaMintRootHeaderHasNoEmptyKeys() throws {
        let root = Self.teiFixtures.appendingPathComponent("tei-samples/ParlaMint-TR.xml").path
        let r = try CLI.run(["convert", root, "--to", "jsonl", "--no-xinclude"])
        #expect(r.status == 0)
        #expect(r.out.contains("\"title\":\"Turkish parliamentary corpus ParlaMint-TR [ParlaMint]\""))
        #expect(!r.out.contains("\"key\":\"\""))
        // With includes followed (the default), the two members missing from the sample set are an error.
        let missing = try CLI.run(["convert", root, "--to", "jsonl"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix(root + ":2404:"), "\(missing.stderr)")
        #expect(missing.stderr.contains("ParlaMint-TR_T27-tbmm-2018-07-23.xml"))
    }

    @Test func bodyWithoutTextIsReadWithAWarningAndRefusedByValidate() throws {
        let input = try file("eltec.xml", """
            <TEI xmlns="http://www.tei-c.org/ns/1.0">
            <teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc></teiHeader>
            <body><p>Бірінші абзац.</p></body>
            </TEI>
            """)
        let r = try CLI.run(["convert", input, "--to", "text"])
        #expect(r.status == 0)
        #expect(r.out == "Бірінші абзац.\n")
        #expect(r.stderr.hasPrefix(input + ":3:6: warning: <body> sits directly in <TEI> with no <text>"), "\(r.stderr)")
        let v = try CLI.run(["validate", input])
        #expect(v.status == 1)
        #expect(v.stderr == input + ":3:6: error: <body> directly inside <TEI>: it belongs in <text>\n")
    }
}

import Foundation
import Testing

@Suite("corpuskit command line")
struct CLITests {
    let dir = CLI.scratch()
    let sampleJSON = """
        {"version":1,"documents":[{"id":"d","metadata":{"title":"Т"},"blocks":[{"id":"d.p1","kind":"paragraph","text":"Сәлем, әлем!"}]}]}
        """

    func file(_ name: String, _ text: String) throws -> String {
        let path = dir + "/" + name
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test func formatsListsTheBundledFormats() throws {
        let r = try CLI.run(["formats"])
        #expect(r.status == 0)
        for name in ["json", "jsonl"] {
            #expect(r.out.contains("\n\(name) "), "formats does not list \(name)")
        }
    }

    @Test func versionAndHelp() throws {
        #expect(try CLI.run(["--version"]).out.hasPrefix("0."))
        let help = try CLI.run(["convert", "--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("--to"))
        #expect(help.out.contains("Examples:"))
    }

    @Test func jsonRoundTripsByteForByteThroughTheCLI() throws {
        let input = try file("in.json", sampleJSON)
        let first = dir + "/first.json"
        #expect(try CLI.run(["convert", input, "--to", "json", "-o", first]).status == 0)
        let second = dir + "/second.json"
        #expect(try CLI.run(["convert", first, "--to", "json", "-o", second]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
        let text = try CLI.run(["convert", first, "--to", "text"])
        #expect(text.out == "Сәлем, әлем!\n", "the JSON written holds the input's text")
    }

    @Test("bad JSON: one-line error with file and place, exit 1, no output", arguments: [
        ("malformed.json", "{\"version\":1,\n\"documents\":[}", ":2:14: error: malformed JSON"),
        ("version.json", "{\"version\":9,\"documents\":[]}", ": error: unsupported version 9"),
        ("empty.json", "", ":1:1: error: the input is empty"),
    ])
    func badInput(name: String, text: String, expected: String) throws {
        let input = try file(name, text)
        let output = dir + "/out-" + name
        let r = try CLI.run(["convert", input, "--to", "json", "-o", output])
        #expect(r.status == 1)
        #expect(r.stderr == input + expected + r.stderr.dropFirst(input.count + expected.count))
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(!exists(output))
        #expect(try String(contentsOfFile: input, encoding: .utf8) == text, "the input changed")
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CLI.run(["convert", "x.json", "--to", "nonsense"]).status == 2)
        #expect(try CLI.run(["convert"]).status == 2)
        #expect(try CLI.run(["frobnicate"]).status == 2)
    }

    @Test func stdinToStdout() throws {
        let r = try CLI.run(["convert", "-", "--from", "json", "--to", "jsonl"], stdin: Data(sampleJSON.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        // A version 1 input is read and written again as version 2.
        #expect(r.out.hasPrefix("{\"version\":2,\"id\":\"d\""))
        let sniffed = try CLI.run(["convert", "-", "--to", "json", "--compact"], stdin: Data(sampleJSON.utf8))
        #expect(sniffed.status == 0, "\(sniffed.stderr)")
        #expect(sniffed.out == sampleJSON.replacingOccurrences(of: "\"version\":1", with: "\"version\":2") + "\n")
    }

    @Test func refusesToOverwriteItsInput() throws {
        let input = try file("same.json", sampleJSON)
        let r = try CLI.run(["convert", input, "--to", "json", "-o", input])
        #expect(r.status == 2)
        #expect(try String(contentsOfFile: input, encoding: .utf8) == sampleJSON)
    }

    @Test func batchIntoADirectoryKeepsGoingPastABadFile() throws {
        _ = try file("a.json", sampleJSON)
        _ = try file("b.json", "{broken")
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        for n in ["a", "b"] {
            try FileManager.default.moveItem(atPath: dir + "/\(n).json", toPath: dir + "/in/\(n).json")
        }
        let r = try CLI.run(["convert", dir + "/in", "--to", "jsonl", "-o", dir + "/out/", "--jobs", "2"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("b.json:1:2: error:"))
        #expect(exists(dir + "/out/a.jsonl"))
        #expect(!exists(dir + "/out/b.jsonl"))
    }

    @Test func validateReadsOtherFormatsThrough() throws {
        let good = try file("g.json", sampleJSON)
        let bad = try file("v.json", "{\"version\":1,\"documents\":[1]}")
        let r = try CLI.run(["validate", good, bad])
        #expect(r.status == 1)
        #expect(r.out.contains("g.json: valid json"))
        #expect(r.stderr.contains("v.json:1:27: error: at $.documents[0]: expected an object"), "\(r.stderr)")
    }

    @Test func validateReadsStdinAndSniffsItsFormat() throws {
        let tei = #"<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body><p><s xml:id="a">Иә.</s><s xml:id="a">Жоқ.</s></p></body></text></TEI>"#
        let r = try CLI.run(["validate", "-"], stdin: Data(tei.utf8))
        #expect(r.status == 1)
        #expect(r.stderr.contains("<stdin>:1:"), "\(r.stderr)")
        #expect(r.stderr.contains("used twice"), "\(r.stderr)")
        let ok = try CLI.run(["validate", "-"], stdin: Data(sampleJSON.utf8))
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.out.contains("valid json"))
    }
}

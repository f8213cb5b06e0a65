import CorpusKit
import CorpusTestSupport
import Foundation
import Testing

/// CoNLL-U through the standard registry and the CLI: annotated files survive a trip
/// through JSON; the samples become CoNLL-U that UD's Python tools read with the gold sentences.
@Suite("CoNLL-U conversions")
struct CoNLLUConversionTests {
    static let annotated = ["kk_ktb-ud-train.conllu", "ParlaMint-FR_2018-07-11-E1009.conllu"]

    /// Runs a whole conversion in memory through the standard registry's planner and converter.
    static func convert(_ bytes: [UInt8], from: String, to: String, name: String = "x") throws -> [UInt8] {
        let registry = Corpus.standardRegistry
        let plan = try Planner(registry: registry).plan(from: from, to: to, options: FormatOptions())
        let output = ByteOutput.memory()
        try Converter(registry: registry).run(plan, inputs: [.bytes(bytes, name: name)], output: output, options: FormatOptions())
        return output.bytes
    }

    @Test("CoNLL-U → JSON → CoNLL-U keeps every token and column (byte for byte)",
          .enabled(if: ToolGate.shared, "needs ../shared"), arguments: annotated)
    func throughJSON(name: String) throws {
        let original = Array(try Data(contentsOf: try SharedMaterial.file("annotated/" + name)))
        let json = try Self.convert(original, from: "conllu", to: "json", name: name)
        #expect(String(decoding: json, as: UTF8.self).contains("\"version\": 2"))
        let back = try Self.convert(json, from: "json", to: "conllu")
        #expect(back == original)
        let lines = try Self.convert(original, from: "conllu", to: "jsonl", name: name)
        #expect(try Self.convert(lines, from: "jsonl", to: "conllu") == original)
    }

    @Test("text → CoNLL-U: the planner segments and tokenizes; # text is the surface the words spell")
    func fromText() throws {
        let out = String(decoding: try Self.convert(Array("Бұл бірінші сөйлем. Екіншісі, міне!\n\nЖаңа абзац.".utf8),
                                                     from: "text", to: "conllu", name: "t.txt"), as: UTF8.self)
        #expect(out == """
            # newdoc id = t
            # newpar id = t.p1
            # sent_id = t.p1.s1
            # text = Бұл бірінші сөйлем.
            1\tБұл\t_\t_\t_\t_\t_\t_\t_\t_
            2\tбірінші\t_\t_\t_\t_\t_\t_\t_\t_
            3\tсөйлем\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
            4\t.\t_\t_\t_\t_\t_\t_\t_\t_

            # sent_id = t.p1.s2
            # text = Екіншісі, міне!
            1\tЕкіншісі\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
            2\t,\t_\t_\t_\t_\t_\t_\t_\t_
            3\tміне\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
            4\t!\t_\t_\t_\t_\t_\t_\t_\t_

            # newpar id = t.p2
            # sent_id = t.p2.s1
            # text = Жаңа абзац.
            1\tЖаңа\t_\t_\t_\t_\t_\t_\t_\t_
            2\tабзац\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
            3\t.\t_\t_\t_\t_\t_\t_\t_\t_


            """)
    }

    @Test("the samples convert to CoNLL-U that Python's conllu and udapi read with exactly the gold sentences",
          .enabled(if: ToolGate.python("conllu") && ToolGate.python("udapi"), "needs pip install conllu udapi"),
          arguments: SampleConversionTests.samples)
    func samplesInPython(sample: String) throws {
        let out = CLI.scratch() + "/\(sample).conllu"
        let r = try CLI.run(["convert", "samples/\(sample).txt", "--to", "conllu", "-o", out], in: CLI.root.path)
        #expect(r.status == 0, "\(r.stderr)")
        let gold = SampleConversionTests.gold.appendingPathComponent("\(sample).gold.txt").path
        let script = CLI.root.appendingPathComponent("Tests/CorpusKitTests/check_conllu_python.py").path
        let check = try ExternalTool.run(["python3", script, out, gold])
        #expect(check.status == 0, "\(check.output)")
    }

    @Test("a broken CoNLL-U file fails with path:line:col and writes no output")
    func cliError() throws {
        let dir = CLI.scratch()
        let bad = dir + "/bad.conllu"
        try "1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n2\tb\t_\t_\t_\t_\t9\tdep\t_\t_\n\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try CLI.run(["convert", bad, "--to", "json", "-o", dir + "/out.json"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.conllu:2:13: error: HEAD 9 out of range"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.json"))
    }
}

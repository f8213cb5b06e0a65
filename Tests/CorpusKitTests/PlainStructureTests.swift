import CorpusTestSupport
import Foundation
import Testing

/// `--structure`: headings and lists in plain text, on texts written for
/// these tests (`StructureTexts/`), as TEI `<head>` in `<div>`s and
/// `<list>/<item>`, jing-valid; scored against a hand-made gold.
@Suite struct PlainStructureTests {
    static let texts = CLI.root.appendingPathComponent("Tests/CorpusKitTests/StructureTexts").path
    static let gold = CLI.root.appendingPathComponent("Tests/CorpusTextTests/Gold").path
    let dir = CLI.scratch()

    func convert(_ name: String, _ extra: [String], to format: String = "tei") throws -> String {
        let out = dir + "/\(name)-\(extra.joined()).\(format == "tei" ? "xml" : "txt")"
        let r = try CLI.run(["convert", Self.texts + "/" + name, "--to", format, "-o", out] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        return try String(contentsOfFile: out, encoding: .utf8)
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func headingsAndListsBecomeHeadAndItem() throws {
        let tei = try convert("plan.txt", ["--structure"])
        #expect(Self.count("<head ", in: tei) == 5)
        #expect(Self.count("<item ", in: tei) == 9)
        #expect(Self.count("<list>", in: tei) == 3)
        #expect(tei.contains("<s xml:id=\"plan.p17.s1\">2.1 Кеден одағы</s>"))
        // 2.1 is a level-2 heading: its div sits inside the div of section 2.
        let nested = tei.range(of: "<div>\n          <head xml:id=\"plan.p17\">")
        #expect(nested != nil)
        let lines = try convert("lines.txt", ["--structure"], to: "json")
        #expect(Self.count("\"kind\":\"heading\"", in: lines.replacingOccurrences(of: " ", with: "")) == 2)
        #expect(Self.count("\"kind\":\"item\"", in: lines.replacingOccurrences(of: " ", with: "")) == 3)
    }

    @Test func withoutStructureNothingChanges() throws {
        let tei = try convert("plan.txt", [])
        #expect(!tei.contains("<head"))
        #expect(!tei.contains("<item"))
    }

    @Test func explainSaysWhatItFound() throws {
        let r = try CLI.run(["convert", Self.texts + "/plan.txt", "--to", "tei", "--structure", "--explain", "-o", dir + "/e.xml"])
        #expect(r.stderr.contains("structure: 5 headings, 9 list items, 6 other blocks"), "\(r.stderr)")
    }

    @Test(.enabled(if: ToolGate.tool("jing"), "needs jing"))
    func structuredTEIIsValid() throws {
        var files: [String] = []
        for name in ["plan.txt", "lines.txt"] {
            for tokens in [[], ["--tokens"]] {
                let out = dir + "/valid-\(name)\(tokens.joined()).xml"
                #expect(try CLI.run(["convert", Self.texts + "/" + name, "--to", "tei", "--structure", "-o", out] + tokens).status == 0)
                files.append(out)
            }
        }
        let schema = CLI.root.appendingPathComponent("Sources/CorpusTEI/Resources/tei_all.rng").path
        let check = try ExternalTool.run(["jing", schema] + files)
        #expect(check.status == 0, "jing: \(check.output)")
    }

    /// Paragraph (block) and sentence F1 against `plan.gold.txt`, before and after `--structure`.
    @Test(.enabled(if: ToolGate.tool("python3"), "needs python3"))
    func structureScoresAgainstHandMadeGold() throws {
        func scores(_ extra: [String]) throws -> (sentences: String, blocks: String) {
            let out = dir + "/plan\(extra.joined()).txt"
            try convert("plan.txt", extra + ["--text-style", "sentences"], to: "text").write(toFile: out, atomically: true, encoding: .utf8)
            let gold = Self.texts + "/plan.gold.txt"
            let s = try ExternalTool.run(["python3", Self.gold + "/score.py", gold, out])
            _ = try ExternalTool.run(["python3", Self.gold + "/paras.py", gold, dir + "/g.p"])
            _ = try ExternalTool.run(["python3", Self.gold + "/paras.py", out, dir + "/o.p"])
            let p = try ExternalTool.run(["python3", Self.gold + "/score.py", dir + "/g.p", dir + "/o.p"])
            func f1(_ text: String) -> String {
                text.split(separator: "\n").first { $0.hasPrefix("Sentences") }.map(String.init) ?? text
            }
            return (f1(s.output), f1(p.output))
        }
        let before = try scores([])
        let after = try scores(["--structure"])
        print("plan.txt before: \(before.sentences) | blocks \(before.blocks)")
        print("plan.txt after:  \(after.sentences) | blocks \(after.blocks)")
        #expect(after.sentences.contains("F1 100.00"))
        #expect(after.blocks.contains("F1 100.00"))
        #expect(!before.blocks.contains("F1 100.00"), "without --structure the lists stay in their paragraphs")
    }
}

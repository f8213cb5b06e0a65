import Foundation
import Testing

/// The main job end to end through the CLI: the samples come out with the
/// paragraphs and sentences of `samples/gold/` (a copy of the shared gold).
@Suite("Samples through the CLI")
struct SampleConversionTests {
    static let samples = ["000_41c5c0974157b10e", "004_d576930189d3d379"]
    static let gold = CLI.root.appendingPathComponent("Tests/CorpusTextTests/Gold")

    @Test("text → sentence-per-line text equals the gold file", arguments: samples)
    func sentencesMatchGold(name: String) throws {
        let r = try CLI.run(["convert", "samples/\(name).txt", "--to", "text", "--text-style", "sentences"],
                            in: CLI.root.path)
        #expect(r.status == 0, "\(r.stderr)")
        let expected = try String(contentsOf: Self.gold.appendingPathComponent("\(name).gold.txt"), encoding: .utf8)
        #expect(r.out == expected)
    }

    @Test("text → CSV → JSON keeps every sentence", arguments: samples)
    func csvKeepsSentences(name: String) throws {
        let dir = CLI.scratch()
        let csv = dir + "/s.csv"
        #expect(try CLI.run(["convert", "samples/\(name).txt", "--to", "csv", "-o", csv], in: CLI.root.path).status == 0)
        let text = try CLI.run(["convert", csv, "--to", "text", "--text-style", "sentences"])
        #expect(text.status == 0, "\(text.stderr)")
        let expected = try String(contentsOf: Self.gold.appendingPathComponent("\(name).gold.txt"), encoding: .utf8)
        #expect(text.out == expected)
    }
}

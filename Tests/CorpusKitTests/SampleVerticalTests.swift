import Foundation
import Testing

/// The samples through the CLI into CWB vertical text: one `<s>` per gold sentence, in
/// order, whose tokens spell the gold sentence; `.vert` reads back to the same sentences.
@Suite("Samples as VRT")
struct SampleVerticalTests {
    /// Gold sentences (one per line, blank lines between paragraphs).
    static func goldSentences(_ name: String) throws -> [String] {
        try String(contentsOf: SampleConversionTests.gold.appendingPathComponent("\(name).gold.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    @Test("text → VRT has one <s> per gold sentence", arguments: SampleConversionTests.samples)
    func sentenceCountMatchesGold(name: String) throws {
        let dir = CLI.scratch()
        let vert = dir + "/\(name).vert"
        let r = try CLI.run(["convert", "samples/\(name).txt", "--to", "vrt", "--p-attrs", "word,n", "-o", vert], in: CLI.root.path)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: vert, encoding: .utf8)
        let gold = try Self.goldSentences(name)
        let opened = text.split(separator: "\n").filter { $0.hasPrefix("<s ") }.count
        #expect(opened == gold.count)
        #expect(text.split(separator: "\n").filter { $0 == "</s>" }.count == gold.count)
        print("\(name): \(opened) <s> in the VRT, \(gold.count) gold sentences")
        // Each <s> spells its gold sentence (tokens joined, <g/> meaning no space).
        let back = try CLI.run(["convert", vert, "--p-attrs", "word,n", "--to", "text", "--text-style", "sentences"])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.out.split(separator: "\n").map(String.init) == gold)
    }
}

import CorpusModel
import Testing

@testable import CorpusStats

/// The tally's shortcuts keep what it reports: blocks counted by kind position, and
/// repeated texts that stop looking up their group once its ids are full.
@Suite struct CorpusTallyTests {
    @Test func kindPositionsAreTheNamesOrder() {
        for kind in [BlockKind.heading(level: 2), .paragraph, .quote, .listItem, .note] {
            #expect(BlockKind.allNames[kind.index] == kind.name)
        }
    }

    @Test func blocksByKindHoldsTheKindsSeen() throws {
        var tally = CorpusTally()
        for (i, kind) in [BlockKind.paragraph, .heading(level: 1), .paragraph, .note].enumerated() {
            let block = Block(id: "d.p\(i + 1)", kind: kind, content: .text("Бір сөз."))
            tally.add(block, try BlockFacts(block, alphabet: .kazakh, language: "kk"))
        }
        #expect(tally.blocksByKind == ["paragraph": 2, "heading": 1, "note": 1])
        var other = CorpusTally()
        let quote = Block(id: "e.p1", kind: .quote, content: .text("Иә."))
        other.add(quote, try BlockFacts(quote, alphabet: .kazakh, language: "kk"))
        tally.merge(other)
        #expect(tally.blocksByKind == ["paragraph": 2, "heading": 1, "note": 1, "quote": 1])
    }

    /// A text repeated many times: its count keeps growing, its group keeps the text and the ids
    /// of the 2nd to 6th occurrences (the first is rebuilt from its place).
    @Test func aGroupKeepsItsFirstRepeatsAndTheCountGoesOn() {
        var d = DuplicateTally()
        var texts = 0
        for k in 1...40 {
            d.add(42, place: UInt64(k), id: { "id\(k)" }, text: {
                texts += 1
                return "text"
            })
        }
        #expect(d.counter.lookup(42)?.count == 40)
        #expect(d.counter.lookup(42)?.first == 1)
        #expect(d.groups[42]?.ids == ["id2", "id3", "id4", "id5", "id6"])
        #expect(d.groups[42]?.text == "text")
        #expect(texts == 1)
    }

    /// Once `sampleLimit` groups exist, a new repeated text gets no group, however often it repeats.
    @Test func noGroupIsMadeAfterTheSampleLimit() {
        var d = DuplicateTally()
        for h in 1...UInt64(DuplicateTally.sampleLimit) {
            d.add(h, place: h, id: { "a" }, text: { "t" })
            d.add(h, place: h, id: { "b" }, text: { "t" })
        }
        for k in 0..<10 { d.add(999_999_999, place: UInt64(k), id: { "late" }, text: { "late" }) }
        #expect(d.groups.count == DuplicateTally.sampleLimit)
        #expect(d.groups[999_999_999] == nil)
        #expect(d.counter.lookup(999_999_999)?.count == 10)
    }

    /// ``CorpusTally/clip(_:to:)`` counting UTF-8 lead bytes cuts where the scalar view's index walk cut.
    @Test func clipCutsAfterTheSameScalars() {
        func reference(_ text: String, to limit: Int) -> String {
            let scalars = text.unicodeScalars
            guard let cut = scalars.index(scalars.startIndex, offsetBy: limit, limitedBy: scalars.endIndex), cut != scalars.endIndex
            else { return text }
            return String(scalars[..<cut]) + "…"
        }
        for seed in UInt64(1)...150 {
            let text = SentenceScanTests.text(seed: seed, count: Int(seed % 90))
            for limit in [0, 1, 2, 5, 80, 200, 300] {
                #expect(CorpusTally.clip(text, to: limit) == reference(text, to: limit), "\(text.debugDescription) \(limit)")
            }
        }
    }

    /// A paragraph's quoted text, cut in one pass, is its sentences joined by spaces as far as a report quotes it.
    @Test func paragraphTextIsTheJoinedSentencesAsFarAsQuoted() throws {
        for seed in UInt64(1)...120 {
            let text = SentenceScanTests.text(seed: seed, count: Int(seed % 90) + 1) + " Екінші сөйлем. Үшінші!  Төртінші?"
            let block = Block(id: "d.p\(seed)", kind: .paragraph, content: .text(text))
            let facts = try BlockFacts(block, alphabet: .kazakh, language: "kk")
            let whole = (0..<facts.sentences.count).map { facts.sentenceText($0, of: block) }.joined(separator: " ")
            #expect(facts.paragraphText(of: block, limit: Int.max) == whole)
            for limit in [1, 2, 3, 10, 40, 200] {
                #expect(CorpusTally.clip(facts.paragraphText(of: block, limit: limit + 1), to: limit) == CorpusTally.clip(whole, to: limit),
                        "\(text.debugDescription) limit \(limit)")
            }
        }
    }
}

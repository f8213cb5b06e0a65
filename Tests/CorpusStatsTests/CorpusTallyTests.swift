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

    /// A batch added at once (its blocks and facts moved out of their arrays) reports what the blocks
    /// added one by one report; blocks past the last facts (after a failure) are left out.
    @Test func aBatchAddsAsItsBlocksOneByOne() throws {
        var blocks: [Block] = []
        for seed in UInt64(1)...40 {
            let text = SentenceScanTests.text(seed: seed, count: Int(seed % 12) + 1)
            blocks.append(Block(id: "d.p\(seed)", kind: .paragraph, content: .text(seed % 5 == 0 ? "Бір сөз. Екі сөз." : text)))
        }
        let facts = try blocks.prefix(30).map { try BlockFacts($0, alphabet: .kazakh, language: "kk") }
        var one = CorpusTally(), batch = CorpusTally()
        for i in facts.indices { one.add(blocks[i], facts[i]) }
        _ = batch.add(blocks, facts)
        #expect(StatsReport(batch).json.string == StatsReport(one).json.string)
        #expect(batch.documents.first?.blocks == 30)
        // The arrays handed over are the callers' own again: nothing moved out of them.
        #expect(blocks.count == 40 && facts.count == 30 && facts[0].sentences.count > 0)
    }

    /// Facts filled in place (as a batch makes them in its array) are those the init makes.
    @Test func factsFilledInPlaceAreTheInits() throws {
        let recentA = RecentWords(), recentB = RecentWords()
        for seed in UInt64(1)...60 {
            let block = Block(id: "d.p\(seed)", kind: .paragraph, content: .text(SentenceScanTests.text(seed: seed, count: Int(seed % 20) + 1)))
            let made = try BlockFacts(block, alphabet: .kazakh, language: "kk", recentWords: recentA)
            var filled = BlockFacts()
            try withUnsafePointer(to: block) { try filled.analyse($0, alphabet: .kazakh, language: "kk", recentWords: recentB) }
            #expect(filled.sentences.map(\.hash) == made.sentences.map(\.hash))
            #expect(filled.sentences.map(\.tokens) == made.sentences.map(\.tokens))
            #expect(filled.wordHashes == made.wordHashes && filled.paragraphHash == made.paragraphHash)
            #expect(filled.letters == made.letters && filled.tokenKinds == made.tokenKinds && filled.characters == made.characters)
            #expect(filled.recent == nil && made.recent == nil)
        }
    }

    /// A text repeated many times: its count keeps growing, its group keeps the text and the ids
    /// of the 2nd to 6th occurrences (the first is rebuilt from its place).
    @Test func aGroupKeepsItsFirstRepeatsAndTheCountGoesOn() {
        var d = DuplicateTally()
        var texts = 0
        for k in 1...40 {
            d.add(42, place: UInt64(k), id: { "id\(k)" }, quote: {
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
            d.add(h, place: h, id: { "a" }, quote: { "t" })
            d.add(h, place: h, id: { "b" }, quote: { "t" })
        }
        for k in 0..<10 { d.add(999_999_999, place: UInt64(k), id: { "late" }, quote: { "late" }) }
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
            for limit in [0, 1, 2, 5, 7, 8, 9, 15, 16, 17, 80, 200, 300] {
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

    /// A sentence's quote, cut in one walk over its bytes, is its clipped text.
    @Test func sentenceQuoteIsTheClippedSentence() throws {
        for seed in UInt64(1)...120 {
            let text = SentenceScanTests.text(seed: seed, count: Int(seed % 90) + 1) + " Екінші сөйлем. Үшінші!  Төртінші?"
            let block = Block(id: "d.p\(seed)", kind: .paragraph, content: .text(text))
            let facts = try BlockFacts(block, alphabet: .kazakh, language: "kk")
            for i in facts.sentences.indices {
                let whole = facts.sentenceText(i, of: block)
                for limit in [0, 1, 2, 3, 10, 40, 200, 300, whole.unicodeScalars.count, whole.unicodeScalars.count - 1] where limit >= 0 {
                    #expect(facts.sentenceQuote(i, of: block, limit: limit) == CorpusTally.clip(whole, to: limit),
                            "\(whole.debugDescription) limit \(limit)")
                }
            }
        }
    }
}

import Testing

@testable import CorpusText

/// The segmenter skips abbreviation look-ups for words longer than every list
/// entry; the bound must count what a canonically equivalent spelling can
/// have (the entry's NFD), or a decomposed abbreviation would end a sentence.
@Suite("Abbreviation look-up bound")
struct AbbreviationLookupTests {
    let list = AbbreviationList(text: "cá.\nи т.д. final\n")

    func sentences(_ text: String, _ list: AbbreviationList) -> Int {
        SentenceBoundaryScanner(abbreviations: list).sentenceRanges(ScalarText(text, findingMarks: true)).count
    }

    @Test func composedAndDecomposedSpellingsAreBothFound() {
        let list = AbbreviationList(text: "cá.\n")  // 3 scalars as written, 4 in NFD
        #expect(list.mayHold(scalarCount: 4))
        #expect(!list.mayHold(scalarCount: 5))
        #expect(sentences("Бұл cá. Келесі сөйлем.", list) == 1)
        #expect(sentences("Бұл ca\u{301}. Келесі сөйлем.", list) == 1)
        #expect(sentences("Бұл cb. Келесі сөйлем.", list) == 2)
    }

    @Test func theBoundFollowsTheLongestEntry() {
        #expect(list.mayHold(scalarCount: 6))  // "и т.д."
        #expect(!list.mayHold(scalarCount: 7))
        // A two-word entry is still found through the previous word.
        #expect(sentences("Кітаптар, журналдар и т.д. Олар келді.", list) == 2)
        #expect(sentences("Кітаптар и т.д. олар келді.", list) == 1)
    }
}

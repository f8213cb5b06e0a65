import Foundation
import Testing

@testable import CorpusText

/// The segmenter skips abbreviation look-ups for words longer than every list
/// entry; the bound must count what a canonically equivalent spelling can
/// have (the entry's NFD), or a decomposed abbreviation would end a sentence.
@Suite("Abbreviation look-up bound")
struct AbbreviationLookupTests {
    let list = AbbreviationList(text: "cá.\nи т.д. final\n")

    func sentences(_ text: String, _ list: AbbreviationList) -> Int {
        SentenceSegmenter().segment(text, abbreviations: list).count
    }

    @Test func composedAndDecomposedSpellingsAreBothFound() {
        let list = AbbreviationList(text: "cá.\n")  // 3 scalars as written, 4 in NFD
        #expect(list.mayHold(scalarCount: 4))
        #expect(!list.mayHold(scalarCount: 5))
        #expect(sentences("Бұл cá. Келесі сөйлем.", list) == 1)
        #expect(sentences("Бұл ca\u{301}. Келесі сөйлем.", list) == 1)
        #expect(sentences("Бұл cb. Келесі сөйлем.", list) == 2)
    }

    /// The list file format: one entry a line, `#` comments, a trailing `final`,
    /// and blanks (tabs, no-break and other Zs spaces) around entries ignored, with
    /// LF or CRLF line ends — what Foundation's `.whitespaces` trimming accepted.
    @Test func listFilesParseWithTheirCommentsSpacesAndFinalMarks() {
        let list = AbbreviationList(text: "# a comment\r\n\tж.  \r\n\u{A0}млн.\u{2009}\n\n т.б.  final\r\nfinal\nйыл.\n")
        #expect(list.count == 5)
        #expect(list.role(of: "ж.") == .inside)
        #expect(list.role(of: "млн.") == .inside)
        #expect(list.role(of: "т.б.") == .final)
        #expect(list.role(of: "final") == .inside)  // the word alone is an entry, not a mark
        #expect(list.role(of: "# a comment") == nil)
        // `й` decomposes (и + U+0306): the bound counts the NFD.
        #expect(list.mayHold(scalarCount: 5))
        #expect(!list.mayHold(scalarCount: 6))
        #expect(sentences("Бұл 2020 йыл. Келесі сөйлем.", list) == 1)
    }

    @Test func theBoundFollowsTheLongestEntry() {
        #expect(list.mayHold(scalarCount: 6))  // "и т.д."
        #expect(!list.mayHold(scalarCount: 7))
        // A two-word entry is still found through the previous word.
        #expect(sentences("Кітаптар, журналдар и т.д. Олар келді.", list) == 2)
        #expect(sentences("Кітаптар и т.д. олар келді.", list) == 1)
    }

    /// The look-up without a `String` (inert letters) must answer as ``AbbreviationList/role(of:)``
    /// does, for every bundled entry in several spellings and for words that are not entries.
    @Test(arguments: ["kk", "ru", "en"])
    func scalarLookUpAgreesWithTheStringLookUp(language: String) throws {
        let list = try AbbreviationList.bundled(for: language)
        let text = try #require(
            Bundle.module.url(forResource: "Gold/000_41c5c0974157b10e.gold", withExtension: "txt")
                .map { try String(contentsOf: $0, encoding: .utf8) })
        var forms = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { String($0) }
        // Every entry of the bundled lists, as written in the files.
        let lists = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/CorpusText/Resources/Abbreviations")
        for name in ["kk", "ru", "en"] {
            let file = try String(contentsOf: lists.appendingPathComponent("\(name).txt"), encoding: .utf8)
            for line in file.split(separator: "\n") where !line.hasPrefix("#") && !line.isEmpty {
                forms.append(String(line.hasSuffix(" final") ? line.dropLast(6) : line))
            }
        }
        forms += ["Ж", "ж", "МЛН", "Млн", "т.б", "Т.Б", "и т.д", "И Т.Д", "e.g", "E.G", "et al", "ҚР", "қр", "й", "Й", "ёж", "І", "і", "ӘӨ"]
        var decided = 0
        for raw in forms {
            let word = raw.hasSuffix(".") ? String(raw.dropLast()) : raw
            for form in [word, word.uppercased(), word.lowercased(), word.capitalized] {
                let scalars = Array(form.unicodeScalars)
                guard let fast = list.inertRole(ofStopped: scalars) else { continue }
                decided += 1
                #expect(fast == list.role(of: form + "."), "\(form).")
            }
        }
        #expect(decided > 1000)
    }
}

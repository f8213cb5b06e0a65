import CorpusModel
import CorpusTestSupport
@testable import CorpusText
import Foundation
import Testing

@testable import CorpusStats

/// The one-pass sentence scan (``BlockFacts/scanFast(_:_:sentence:alphabet:)``)
/// gives exactly the figures of the general path — ``Tokenizer`` then
/// ``WordScan`` per word — and both give the tokens ``Tokenizer/tokenize(_:)``
/// gives, on generated hostile text and on the samples.
@Suite struct SentenceScanTests {
    /// Scalars and pieces chosen to hit every rule: joiners, links, dots, marks,
    /// scripts, the mis-decoding pre-check, spaces of every kind, the table's edge.
    static let pieces: [String] = [
        "Қазақстан", "ақша", "несие", "ТМД", "ның", "мың", "Әлем", "ұлт", "үй", "һ", "і", "Ё", "ў", "ї", "Ђ",
        "Қaзақ", "Kaзақ", "iPhone", "Hello", "world", "www", "WWW", "http", "https", "ftp", "h", "f", "w", "W", "H",
        "1", "2", "3.5", "2,5", "10", "30", "0", "٣", "१",
        "-", "‐", "‑", "'", "’", "ʼ", ".", ",", ":", "/", "@", "...", "....", "…", "!", "?", ";", "(", ")", "«", "»",
        "“", "”", "—", "–", "%", "$", "№", "+", "§", "€", "™",
        " ", " ", " ", "  ", "\u{A0}", "\u{2009}", "\u{3000}", "\u{2028}", "\t",
        "\u{301}", "\u{483}", "\u{488}", "\u{482}", "\u{200D}", "\u{200C}", "\u{FEFF}",
        "沈伯明", "日本", "😀", "𝔸", "Ω", "ß", "İ", "K", "ǵ", "ń", "ı", "ş", "é", "ª", "µ",
        "\u{FFFD}", "\u{85}", "\u{9F}", "РљР°Р·Р°Т›", "Ð‘Ò±Ð»", "cafÃ©", "вЂ™", "â€™", "Рў", "Сіз",
        "info@mail.kz", "https://gov.kz/a", "www.gov.kz", "http://x.y/(a)", "a:b", "ww.x", "wwww.x",
        "\u{500}", "\u{52F}", "\u{4FF}", "\u{4C0}", "\u{460}",
        // The byte scan: two-byte scalars past the Cyrillic block, a non-word Cyrillic scalar inside a run of
        // Cyrillic letters, runs of 2 to 9 letters (four and two at a time, then one by one), three- and four-byte
        // scalars inside words.
        "\u{5D0}\u{5D1}", "\u{627}\u{644}", "\u{7C0}", "\u{7FF}", "\u{531}ա", "ақ\u{482}ша", "қазақ\u{482}", "\u{482}ақ",
        "ас", "аса", "асаб", "асабы", "асабыр", "асабырл", "асабырлы", "асабырлық", "Қазақстанның", "сөз\u{301}сөз",
        "сөз日本сөз", "сөз😀сөз", "ақ1ша", "ақaша", "ақé",
    ]

    /// A deterministic mix of `count` pieces (SplitMix64), mostly words and spaces.
    static func text(seed: UInt64, count: Int) -> String {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var out = ""
        for _ in 0..<count {
            let r = next()
            if r % 3 == 0 { out += " " }
            out += pieces[Int((r >> 8) % UInt64(pieces.count))]
        }
        return out
    }

    /// Everything a block's facts hold, as one comparable string.
    static func digest(_ f: BlockFacts) -> String {
        [
            f.sentences.map { "\($0.tokens):\($0.hash)" }.joined(separator: ","),
            "\(f.wordHashes)", "\(f.tokenKinds)", "\(f.characters)", "\(f.letters)",
            f.mixed.map { "\($0.sentence)|\($0.token)|\($0.latin)|\($0.fixable)" }.joined(separator: ","),
            f.foreign.map { "\($0.sentence)|\($0.letter)|\($0.word)" }.joined(separator: ","),
            f.suspects.map { "\($0.sentence)|\($0.suspect.kind)|\($0.suspect.text)" }.joined(separator: ","),
        ].joined(separator: "\n")
    }

    /// Checks one paragraph: fast and general paths agree, and agree with the tokenizer's strings.
    static func check(_ text: String, alphabet: Alphabet?, language: String = "kk") throws {
        let block = Block(id: "d.p1", kind: .paragraph, content: .text(text))
        let fast = try BlockFacts(block, alphabet: alphabet, language: language)
        let general = try BlockFacts(block, alphabet: alphabet, language: language, fastScan: false)
        #expect(digest(fast) == digest(general), "\(text.debugDescription)")
        // Per sentence: the tokenizer's own tokens (as strings) give the same count and word hashes.
        var words: [UInt64] = []
        for i in fast.sentences.indices {
            let sentence = fast.sentenceText(i, of: block)
            let tokens = Tokenizer().tokenize(sentence)
            #expect(fast.sentences[i].tokens == tokens.count, "\(sentence.debugDescription)")
            words += tokens.filter { $0.kind == .word }.map { TextHash.ofFolded($0.form) }
        }
        #expect(fast.wordHashes == words, "\(text.debugDescription)")
        // Characters: those of the sentences (counted once for the paragraph, less what lies between them).
        let sentenceScalars = fast.sentences.indices.map { fast.sentenceText($0, of: block).unicodeScalars.count }.reduce(0, +)
        #expect(fast.characters == sentenceScalars, "\(text.debugDescription)")
    }

    /// With a batch's ``RecentWords`` the blocks keep the first occurrence of every word hash, in
    /// order, and drop repeats — also across sentences that may hold a link (scanned fast, then taken back).
    @Test func recentWordsKeepEveryFirstOccurrenceInOrder() throws {
        let recent = RecentWords()
        var all: [UInt64] = [], kept: [UInt64] = []
        for seed in UInt64(1)...300 {
            let block = Block(id: "d.p\(seed)", kind: .paragraph, content: .text(Self.text(seed: seed, count: Int(seed % 60) + 1)))
            all += try BlockFacts(block, alphabet: .kazakh, language: "kk").wordHashes
            kept += try BlockFacts(block, alphabet: .kazakh, language: "kk", recentWords: recent).wordHashes
        }
        func firsts(_ list: [UInt64]) -> [UInt64] {
            var seen = Set<UInt64>()
            return list.filter { seen.insert($0).inserted }
        }
        #expect(firsts(kept) == firsts(all))
        #expect(kept.count < all.count / 2)
    }

    /// Four hashes of one set are all kept; a fifth puts out the oldest; a hit moves nothing; 0 is never seen;
    /// a forgotten hash is new again.
    @Test func recentWordsKeepFourHashesASet() {
        let recent = RecentWords()
        let sets = UInt64(RecentWords.size / RecentWords.ways)
        let same = (1...5).map { UInt64($0) * sets + 7 }  // all in set 7
        for h in same.prefix(4) { #expect(recent.isNew(h)) }
        for h in same.prefix(4) { #expect(!recent.isNew(h)) }
        #expect(recent.isNew(same[4]))
        #expect(recent.isNew(same[0]))  // the oldest fell out (and now puts out the next oldest)
        #expect(!recent.isNew(same[4]) && !recent.isNew(same[3]) && !recent.isNew(same[2]))
        #expect(recent.isNew(0) && recent.isNew(0))
        recent.forget(same[4])
        #expect(recent.isNew(same[4]))
        #expect(recent.isNew(8 * sets + 8))  // another set is untouched by all this
    }

    @Test(arguments: [Alphabet.kazakh, .russian, nil])
    func generatedTextGivesTheSameFiguresBothWays(alphabet: Alphabet?) throws {
        for seed in UInt64(1)...300 {
            try Self.check(Self.text(seed: seed, count: Int(seed % 60) + 1), alphabet: alphabet)
        }
    }

    @Test func linksColonsAndDotsTakeTheRightPath() throws {
        for text in [
            "Жаз: info@mail.kz, сәлем.", "Сағат 10:30-да келді. Мынадай: бір, екі.", "Қара: www.gov.kz сайтын.",
            "Қара: http://gov.kz/a. Және hello:world деп.", "Flag: wwww.x және ww.x. How: what?", "w: W: h: f: x:",
            "3.5 2,5 1/2 10:30 ақша-несие ТМД’ның ТМД'ның a ʼb c' 'd -e f- 1-2 a‐b a‑b", "Ол... Сол.... Бұл…",
            "Мен — сен – ол. «Иә» (жоқ)", "Ё ў ї Ђ і Қaзақ iPhone Kaзақ", "РљР°Р·Р°Т› Ð‘Ò±Ð» cafÃ© вЂ™ \u{FFFD}\u{85}",
            "日本語 \u{500}а а\u{500} 😀а Ω-а а-Ω", "", "   ", ".", "w", "www.", "wwww",
            // A lead (`Р С Т У Ð Ñ Ò Ó Â Ã`) just before what may follow one: in a word, after it, across a space.
            "ҚР… сөз", "Бұл ҚР«жоқ»", "С\u{A0}x", "ТМД’ның", "Сіз келдіңіз", "Ð", "Ð‘", "Ð ‘", "Â\u{A0}", "Т",
            // Pairs before, between and after other tokens holding a lead pair (`Сіз`), and none.
            "ҚР… Сіз сөз.", "Сіз ҚР» сөз Сіз.", "Сіз сөз Сіз ҚР«", "Сіз, Сіз; Сіз.", "ҚР", "Ð‘ сөз Сіз",
        ] {
            try Self.check(text, alphabet: .kazakh)
            try Self.check(text, alphabet: nil, language: "en")
        }
    }

    /// Tokens of 127, 128 and more scalars: the letter lanes of the one-pass scan would carry,
    /// so such a token's letters are counted again one by one (and a short token after it still fits).
    @Test func longTokensCountTheirLettersExactly() throws {
        for length in [126, 127, 128, 129, 255, 256, 300, 1000] {
            let cyrillic = String(repeating: "қазақ", count: length / 5 + 1).prefix(length)
            let latin = String(repeating: "abcde", count: length / 5 + 1).prefix(length)
            let mixed = String(repeating: "аa-", count: length / 3 + 1).prefix(length)
            for word in [String(cyrillic), String(latin), String(mixed), "12-" + cyrillic, String(repeating: "日", count: length)] {
                try Self.check("Бұл \(word) сөз. \(word)\(word) және ақша-несие.", alphabet: .kazakh)
                try Self.check(word + " " + word, alphabet: nil, language: "en")
            }
        }
    }

    @Test(.enabled(if: ToolGate.shared, "needs ../shared/samples"))
    func samplesGiveTheSameFiguresBothWays() throws {
        for name in ["000_41c5c0974157b10e", "004_d576930189d3d379"] {
            let text = try String(contentsOf: SharedMaterial.file("samples/\(name).txt"), encoding: .utf8)
            for paragraph in text.components(separatedBy: "\n\n") where !paragraph.isEmpty {
                try Self.check(paragraph.replacingOccurrences(of: "\n", with: " "), alphabet: .kazakh)
            }
        }
    }

    /// The byte scan's scalar count is the string's, on every length around its eight-byte steps and its
    /// flush of the byte lanes (every 255 steps).
    @Test func scalarCountOfUTF8IsTheStringsCount() {
        for seed in UInt64(1)...200 {
            var text = Self.text(seed: seed, count: Int(seed % 40) + 1)
            if seed % 7 == 0 { text = String(repeating: text, count: 100) }  // past 4,080 bytes (255 steps of 16)
            if seed % 50 == 0 { text = String(repeating: "қ", count: 5000) }  // a continuation byte in every other lane
            var copy = text
            let counted = copy.withUTF8 { UTF8Scalars.count($0) }
            #expect(counted == text.unicodeScalars.count, "\(text.debugDescription)")
            let bytes = Array(text.utf8)
            for cut in [0, 1, 7, 8, 9, 15, 16, 17] where cut <= bytes.count {
                // Any prefix cut at a scalar start.
                var end = cut
                while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
                let prefix = String(decoding: bytes[..<end], as: UTF8.self)
                #expect(bytes.withUnsafeBufferPointer { UTF8Scalars.count(UnsafeBufferPointer(rebasing: $0[..<end])) } == prefix.unicodeScalars.count)
            }
        }
        for long in [String(repeating: "қ", count: 5000), String(repeating: "a", count: 4093), String(repeating: "日", count: 3001)] {
            var copy = long
            #expect(copy.withUTF8 { UTF8Scalars.count($0) } == long.unicodeScalars.count)
        }
    }

    /// Sentences cut as byte ranges are the sentences the segmenter's scalar path (``ParagraphScan``) cuts.
    @Test func byteCutSentencesAreTheScalarPathsSentences() throws {
        for seed in UInt64(1)...200 {
            let text = Self.text(seed: seed, count: Int(seed % 60) + 1) + " Екінші сөйлем. Үшінші!  Төртінші?"
            let block = Block(id: "d.p\(seed)", kind: .paragraph, content: .text(text))
            let facts = try BlockFacts(block, alphabet: .kazakh, language: "kk")
            let scan = try ParagraphScan(text, language: "kk")
            #expect(facts.sentences.count == scan.sentences.count)
            for (i, range) in scan.sentences.enumerated() where i < facts.sentences.count {
                #expect(facts.sentenceText(i, of: block) == scan.text(range))
            }
        }
    }

    /// The table facts the scan relies on hold for every scalar.
    @Test func scalarFactsHoldForEveryScalar() {
        let counts: UInt64 = 0x3F << ScalarFacts.countShift  // latin … other
        for v in UInt32(0)...0x10FFFF {
            guard let c = Unicode.Scalar(v) else { continue }
            let e = ScalarFacts.entry(v)
            if v < UInt32(ScalarFacts.tableSize) { #expect(ScalarFacts.table[Int(v)] == e) }
            #expect(ScalarFacts.of(v, ScalarFacts.table) == e, "U+\(String(v, radix: 16))")
            // Only letters count, so a number token adds no letters; letters never end a run.
            if e & counts != 0 || e & ScalarFacts.hanBit != 0 { #expect(e & ScalarFacts.letterBit != 0, "U+\(String(v, radix: 16))") }
            if e & ScalarFacts.letterBit != 0 { #expect(e & ScalarFacts.endRunBit == 0, "U+\(String(v, radix: 16))") }
            // The scan's own marks are in no entry; the word hash takes the folded scalar from the low half alone.
            #expect(e & ScalarFacts.leadPairBit == 0)
            #expect(e & 0xFFFF_FFFF == UInt64(TextHash.lowered(v)), "U+\(String(v, radix: 16))")
            #expect(ScalarFacts.isWord(e) == Tokenizer.isWordScalar(c), "U+\(String(v, radix: 16))")
            // The tokenizer's fast word test is its rule.
            if v < 0x3000 { #expect(Tokenizer.isWordScalar(c) == Tokenizer.isWordScalarByProperties(c), "U+\(String(v, radix: 16))") }
            // Only h, f and w (ASCII) lower-case to the first letter of a URL prefix; nothing lower-cases to `@`.
            if c.properties.changesWhenLowercased {
                let lower = String(c).lowercased().unicodeScalars
                #expect(!["h", "f", "w"].contains(lower.first!) || Tokenizer.mayStartURL(c), "U+\(String(v, radix: 16))")
                #expect(!lower.contains("@"))
            }
        }
    }

    /// The pre-check's filter never hides a pair ``EncodingSuspects/mayStart(_:_:)`` flags:
    /// the scalar before is a lead, or the scalar is suspicious alone.
    @Test func suspectFilterKeepsEveryFlaggedPair() {
        let previous: [UInt32] = Array(0..<0x500) + [0x2014, 0x20AC, 0xFFFD, 0x10000]
        let values: [UInt32] = Array(0x80..<0x500) + Array(0x2000..<0x2200) + [0xFFFD, 0x10000]
        for p in previous {
            let pe = ScalarFacts.entry(p)
            for v in values where EncodingSuspects.mayStart(p, v) {
                let e = ScalarFacts.entry(v)
                #expect(e & ScalarFacts.suspectBit != 0)
                #expect(e & ScalarFacts.alwaysBit != 0 || pe & ScalarFacts.leadBit != 0, "U+\(String(p, radix: 16)) U+\(String(v, radix: 16))")
            }
            // The pre-check walks from the first token with a lead pair: a lead is never the scalar before a token.
            if pe & ScalarFacts.leadBit != 0 { #expect(ScalarFacts.isWord(pe), "U+\(String(p, radix: 16))") }
        }
    }

    /// The joiner classes in the table are ``Tokenizer/joins(_:_:_:)`` itself.
    @Test func joinerClassesAreTheTokenizersRule() {
        let around: [Unicode.Scalar] = ["a", "Z", "қ", "Ә", "1", "0", "\u{301}", "\u{483}", "-", ".", " ", "ʼ", "ª", "Ω", "٣", "\u{200D}"]
        for v in UInt32(0)..<UInt32(ScalarFacts.tableSize) {
            let c = Unicode.Scalar(v)!
            let e = ScalarFacts.entry(v)
            let join = (e >> ScalarFacts.joinShift) & 3
            for before in around where Tokenizer.isWordScalar(before) {
                for after in around {
                    let b = ScalarFacts.entry(before.value), a = ScalarFacts.entry(after.value)
                    let byTable: Bool
                    switch join {
                    case 1: byTable = a & ScalarFacts.wordBit != 0
                    case 2: byTable = b & ScalarFacts.letterBit != 0 && a & ScalarFacts.letterBit != 0
                    case 3: byTable = b & ScalarFacts.digitBit != 0 && a & ScalarFacts.digitBit != 0
                    default: byTable = false
                    }
                    #expect(Tokenizer.joins(c, before, after) == byTable, "U+\(String(v, radix: 16)) between \(before) and \(after)")
                }
            }
        }
    }
}

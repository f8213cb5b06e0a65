import CorpusTestSupport
import Testing

@testable import CorpusText

/// The segmenter reads UTF-8 bytes and decodes only around its candidate stops;
/// it must cut exactly where the old scanner over decoded scalars
/// (``ScalarBoundaryScanner``, kept in `Reference/`) cut, on any text.
@Suite("Segmenter: bytes against the scalar reference")
struct SegmenterDifferentialTests {
    /// Pieces that exercise every rule: abbreviations of the three lists (also in
    /// other cases and in NFD), initials, list numbers, decimals, references,
    /// quotes and brackets of every kind, ellipses, CJK and other stops, links,
    /// glued stops, multi-byte spaces and dashes, combining marks, emoji.
    static let pieces: [String] = [
        "Ол", "келді", "сөйлем", "Қазақстан", "әлем", "Ұлттық", "өнер", "іс", "Үкімет", "ғылым", "ЖОО", "ҚР",
        "Москва", "город", "Это", "был", "ёж", "Йошкар", "йод", "The", "cat", "sat", "Mr", "Dr", "Smith", "e.Coli",
        "ж.", "жж.", "млн.", "млрд.", "т.б.", "т.с.с.", "б.з.б.", "бет.", "км.", "мыс.", "ғ.", "Ж.", "МЛН.", "Т.Б.",
        "и т.д.", "т.е.", "г.", "гг.", "др.", "e.g.", "i.e.", "et al.", "etc.", "Inc.", "vs.", "No.", "p.", "pp.",
        "Н.Ә.", "Н.Ә.Назарбаев", "А.", "N.", "Richard N. Cooper", "Ph.D.", "ж.б.", "U.S.A.", "a.b.c.d.",
        "1.", "12.", "3.5", "2,5", "15-20", "1997", "XX", "III.", "IV", "MCM.", "10:30", "№5", "§2", "$3", "€4",
        "[9]", "[5,77]", "[9, 264-265]", "[3, б. 5]", "[1]-деп", "[x]", "[", "]", "[12345678901234567890123456789012345678901]",
        "(", ")", "(1821 ж.)", "(мысалы. Ол)", "«", "»", "“", "”", "\"", "'", "„", "‹", "›", "「", "」", "『", "』", "（", "）",
        "{", "}", "’", "‘",
        ".", "!", "?", "?!", "!!", "…", "...", "....", "..", ". . .", ":…", ", ...", "‼", "⁇", "⁈", "⁉", "。", "！", "？", "．",
        "沈伯明", "中文句子。", "日本語！", "مرحبا", "שלום", "नमस्ते",
        "http://example.kz/a.b", "https://gov.kz/x?y=1.", "www.gov.kz", "WWW.GOV.KZ.", "www.x", "wx.y", "w.", "W.",
        "a@b.kz", "info@mail.ru.", "@user", "x:y", "ftp://f.org", "mailto:a@b.c", "e\u{301}.", "ca\u{301}.", "и\u{306}.",
        "\u{435}\u{308}", "A\u{30A}", "😀", "👍🏽.", "𝔸.", "\u{1F1F0}\u{1F1FF}", "\u{200D}", "\u{FEFF}", "\u{AD}",
        ":", ";", ",", "-", "–", "—", "−", "‐", "•", "*", "#", "¿Qué?", "¡Hola!", "°С.", "32,5°С.",
    ]
    static let spaces: [String] = [" ", " ", " ", " ", " ", "  ", "\u{A0}", "\u{2009}", "\u{3000}", "\t", "\n", "\u{1C}", "\u{85}", "\u{202F}", ""]

    /// A paragraph of `count` pieces and spaces, sometimes with a random scalar of any width.
    static func paragraph(_ rng: inout SplitMix64, pieces count: Int) -> String {
        var text = ""
        for _ in 0..<count {
            switch rng.next() % 16 {
            case 0:
                // Any scalar: ASCII, two-, three- or four-byte.
                let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF]
                let r = ranges[Int(rng.next() % UInt64(ranges.count))]
                if let c = Unicode.Scalar(r.lowerBound + UInt32(rng.next() % UInt64(r.count))) { text.unicodeScalars.append(c) }
            case 1, 2:
                text += pieces[Int(rng.next() % UInt64(pieces.count))]  // glued to the previous piece
            default:
                text += spaces[Int(rng.next() % UInt64(spaces.count))]
                text += pieces[Int(rng.next() % UInt64(pieces.count))]
            }
        }
        return text
    }

    @Test(arguments: ["kk", "ru", "en"])
    func bytesCutWhereScalarsCut(language: String) throws {
        let list = try AbbreviationList.bundled(for: language)
        let segmenter = SentenceSegmenter()
        var rng = SplitMix64(seed: language == "kk" ? 1 : language == "ru" ? 2 : 3)
        var sentences = 0
        var failures = 0
        for round in 0..<4_000 {
            // Mostly short paragraphs; some long enough for the parenthesis and quotation limits.
            let count = round % 10 == 0 ? 40 + Int(rng.next() % 400) : 1 + Int(rng.next() % 30)
            let text = Self.paragraph(&rng, pieces: count)
            let expected = ReferenceParagraph.sentences(text, list)
            let got = segmenter.segment(text, abbreviations: list)
            sentences += got.count
            if got != expected {
                failures += 1
                if failures <= 5 { Issue.record("\(language): \(text.debugDescription)\n got \(got)\n expected \(expected)") }
            }
            // The scalar ranges `corpuskit stats` uses are the reference's too.
            let scan = try ParagraphScan(text, language: language)
            let reference = ReferenceParagraph(text)
            let ranges = ScalarBoundaryScanner(abbreviations: list).sentenceRanges(reference)
            if scan.scalars != reference.scalars || ScalarText.scalars(of: text) != reference.scalars {
                failures += 1
                Issue.record("decoder: \(text.debugDescription)")
            }
            if scan.sentences != ranges {
                failures += 1
                if failures <= 5 { Issue.record("\(language) ParagraphScan: \(text.debugDescription)\n got \(scan.sentences)\n expected \(ranges)") }
            }
        }
        #expect(failures == 0)
        #expect(sentences > 12_000)  // the texts do get cut, many times
    }

    /// The rules that count scalars (a reference's 40, a parenthesis's 300, a framed
    /// quotation's 150) count them, not bytes, around each limit, in one- to four-byte text.
    @Test(arguments: ["a", "ә", "沈", "😀"])
    func limitsCountScalarsNotBytes(filler: String) throws {
        let list = try AbbreviationList.bundled(for: "kk")
        for length in [35, 36, 37, 38, 39, 40, 41, 140, 145, 146, 147, 148, 149, 150, 151, 295, 296, 297, 298, 299, 300, 301] {
            let run = String(repeating: filler, count: length)
            for text in [
                "Бұл болды [\(run) 9]. Келесі сөйлем.", "Бұл болды. [9 \(run)] Келесі.",
                "Ол (\(run). Бұл \(run)) деді. Келесі.", "Ол «\(run). Бұл!» деп айтты. Келесі.",
                "Ол “\(run)? Иә.” деді. Келесі.", "Ол \"\(run)! Иә.\" деді. Келесі.",
            ] {
                #expect(SentenceSegmenter().segment(text, abbreviations: list) == ReferenceParagraph.sentences(text, list), "\(text)")
            }
        }
    }

    /// Long runs of one shape (deep parentheses, many links, many quotes, stops only):
    /// the spans the shield keeps and the look-ups into them agree with the reference.
    @Test func hostileShapesCutWhereScalarsCut() throws {
        let list = try AbbreviationList.bundled(for: "kk")
        let texts = [
            String(repeating: "(", count: 3_000) + " Бұл. Ол келді. " + String(repeating: ")", count: 3_000) + " Келесі.",
            String(repeating: "a@b.kz. Ол. www.gov.kz. Бұл: http://x.kz/a. ", count: 500),
            String(repeating: "«Кет!» деп. “Иә.” Ол. \"Жоқ?\" деді. ", count: 500),
            String(repeating: ". ", count: 5_000), String(repeating: "ә.Ә", count: 3_000),
        ]
        for text in texts {
            #expect(SentenceSegmenter().segment(text, abbreviations: list) == ReferenceParagraph.sentences(text, list))
        }
    }

    /// The byte scan finds exactly the stops and frame marks a scan of every scalar finds,
    /// wherever they fall against its sixteen-byte steps.
    @Test func candidatesAreEveryStopAndFrameMark() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<3_000 {
            let text = Self.paragraph(&rng, pieces: 1 + Int(rng.next() % 20))
            var stops: [Int] = []
            var marks: [Int] = []
            var offset = 0
            for c in text.unicodeScalars {
                if ScalarClass.isTerminator(c) { stops.append(offset) }
                if SentenceCandidates.isFrameMark(c.value) { marks.append(offset) }
                offset += UTF8.width(c)
            }
            var copy = text
            let found = copy.withUTF8 { SentenceCandidates(UTF8Paragraph($0)) }
            #expect(found.stops == stops, "\(text.debugDescription)")
            #expect(found.marks == marks, "\(text.debugDescription)")
        }
    }
}

@testable import CorpusStats
import Testing

@Suite struct LetterTests {
    @Test func mixedRunsNeedBothScriptsInOneRun() {
        #expect(LatinLookalikes.mixedRuns(in: "Қaзақстан").map(\.latin) == ["a"])
        #expect(LatinLookalikes.mixedRuns(in: "iPhone-ның Regional ТМД-ның COVID-19").isEmpty)
        #expect(LatinLookalikes.mixedRuns(in: "Қaзaқ").first?.fixable == true)
        #expect(LatinLookalikes.mixedRuns(in: "Қzaқ").first?.fixable == false, "z has no Cyrillic look-alike")
        #expect(LatinLookalikes.fixed("Қzaқ") == nil, "a run with a non-look-alike Latin letter is left alone")
        #expect(LatinLookalikes.fixed("Hello Сәлем") == nil)
        #expect(LatinLookalikes.fixed("Cәлем, Kaзақ!") == "Сәлем, Казақ!")
    }

    @Test("mis-decoded text is found", arguments: [
        ("Р‘Т±Р» СЃУ©Р№Р»РµРј", "cp1251"),
        ("Ð‘Ò±Ð»", "cp1252"),
        ("cafÃ© menu", "cp1252"),
        ("it\u{E2}\u{20AC}\u{2122}s", "cp1252"),
        ("Р±С–Р·РґС–ТЈ", "cp1251"),
        ("сөз\u{FFFD}\u{FFFD}дер", "replacement"),
        ("мәтін\u{9A}", "c1_control"),
    ])
    func suspects(text: String, kind: String) {
        let found = EncodingSuspects.find(in: text)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.kind.rawValue == kind)
    }

    @Test("real text is not flagged", arguments: [
        "Сіздер қайдан келдіңіз?", "ЖШС«Ақ жол» серіктестігі", "ҚР» деп жазылған", "Ð is an Icelandic letter",
        "Тә, Рі, Сё, Уә – буындар", "Москва — столица России.", "Hello, world — “quoted” text…",
    ])
    func clean(text: String) {
        #expect(EncodingSuspects.find(in: text).isEmpty)
    }

    @Test func pageNumbers() {
        for yes in ["12", "- 12 -", "— 7 —", "12 бет", "стр. 45", "Page 3", "12/300", "3 of 10"] {
            #expect(PageFurniture.isPageNumber(yes), "\(yes)")
        }
        for no in ["12 жыл бұрын", "Кіріспе", "2020 жылы", "1.", "12345"] {
            #expect(!PageFurniture.isPageNumber(no), "\(no)")
        }
    }

    @Test func hashCounterGrowsAndStopsAtItsLimit() {
        var counter = HashCounter(limit: 5000, capacity: 8)
        for k in 1...6000 { counter.add(TextHash.of(String(k)), place: UInt64(k)) }
        for k in 1...10 { counter.add(TextHash.of(String(k)), place: 0) }
        #expect(counter.count == 5000)
        #expect(counter.saturated)
        #expect(counter.lookup(TextHash.of("7"))?.count == 2)
        #expect(counter.lookup(TextHash.of("7"))?.first == 7)
        #expect(TextHash.ofFolded("ҚАЗАҚСТАН") == TextHash.ofFolded("қазақстан"))
        #expect(TextHash.ofFolded("ӘҒҢӨҰҮҺІ") == TextHash.ofFolded("әғңөұүһі"))
        #expect(TextHash.of("a") != TextHash.of("b"))
    }

    @Test func languageGuess() {
        #expect(LanguageGuess.guess(cyrillic: 1000, latin: 10, other: 0, kazakhSpecific: 60) == "kk")
        #expect(LanguageGuess.guess(cyrillic: 1000, latin: 10, other: 0, kazakhSpecific: 2) == "ru")
        #expect(LanguageGuess.guess(cyrillic: 10, latin: 1000, other: 0, kazakhSpecific: 0) == "en")
        #expect(LanguageGuess.guess(cyrillic: 10, latin: 1000, other: 0, kazakhSpecific: 0, kazakhLatin: 40, nonASCIILatin: 60) == "kk-Latn")
        #expect(LanguageGuess.agrees("kk", "kk-Cyrl") == true)
        #expect(LanguageGuess.agrees("und", "kk") == nil)
    }
}

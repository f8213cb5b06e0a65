import Testing

@testable import CorpusText

@Suite("Scalar text")
struct ScalarTextTests {
    @Test(arguments: ["", "ascii only", "Қазақ тілі", "a𝔸b😀c沈伯明ә", "e\u{301}\u{FEFF}\u{10FFFF}"])
    func decodesEveryWidthAndCutsBack(text: String) {
        let view = ScalarText(text)
        #expect(view.scalars == Array(text.unicodeScalars))
        #expect(view.string(0..<view.count) == text)
        if view.count >= 3 {
            let expected = String(String.UnicodeScalarView(Array(text.unicodeScalars)[1..<3]))
            #expect(view.string(1..<3) == expected)
        }
    }

    /// The segmenter looks only at the stops and marks the decoder records: they
    /// must be exactly the scalars a full scan would stop at.
    @Test(arguments: [
        "", "Бұл. Сол! Ма? Иә… (ж.) «Кетті?» “Иә.” \"x\" a@b.kz http://w.x www.gov.kz W.",
        "。！？‼⁇⁈⁉．", "a𝔸b😀c.沈伯明ә!", "wWw: @ (( )) «» “” \u{2026}\u{2025}",
    ])
    func recordsEveryStopAndMark(text: String) {
        let view = ScalarText(text, findingMarks: true)
        let all = Array(text.unicodeScalars)
        #expect(view.stops == all.indices.filter { ScalarClass.isTerminator(all[$0]) })
        #expect(view.marks == all.indices.filter { ScalarText.isShieldMark(all[$0].value) })
        #expect(ScalarText(text).stops.isEmpty)
    }
}

@Suite("Scalar classes")
struct ScalarClassTests {
    /// Unicode White_Space plus the information separators U+001C–U+001F,
    /// which Python's `str.isspace` (and so the gold's normalisation) also counts.
    @Test func isSpaceIsWhiteSpaceAsPythonSeesIt() {
        for v in UInt32(0)...0x10FFFF {
            guard let c = Unicode.Scalar(v) else { continue }
            if ScalarClass.isSpace(c) != (c.properties.isWhitespace || (0x1C...0x1F).contains(v)) {
                Issue.record("U+\(String(v, radix: 16)): isSpace disagrees with White_Space")
            }
        }
    }
}

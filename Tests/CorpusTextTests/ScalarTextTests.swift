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

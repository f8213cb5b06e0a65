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

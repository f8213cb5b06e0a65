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
        #expect(ScalarText.scalars(of: text) == Array(text.unicodeScalars))
    }

    /// The segmenter's reader steps forwards and backwards over scalars of every width
    /// and counts them as the decoder does.
    @Test(arguments: ["", "ascii only", "Қазақ тілі", "a𝔸b😀c沈伯明ә", "e\u{301}\u{FEFF}\u{10FFFF}", "ӘӘӘӘӘӘӘӘӘӘӘӘ😀😀😀😀a"])
    func paragraphReaderStepsOverEveryWidth(text: String) {
        var copy = text
        copy.withUTF8 { bytes in
            let paragraph = UTF8Paragraph(bytes)
            let all = Array(text.unicodeScalars)
            var forward: [Unicode.Scalar] = []
            var i = 0
            while i < paragraph.count {
                forward.append(paragraph.scalar(at: i))
                i = paragraph.after(i)
            }
            #expect(forward == all)
            var backward: [Unicode.Scalar] = []
            i = paragraph.count
            while i > 0 {
                backward.append(paragraph.scalar(before: i))
                i = paragraph.before(i)
            }
            #expect(backward == all.reversed())
            #expect(paragraph.scalarCount(0..<paragraph.count) == all.count)
            // The bounded test agrees with counting, below, at and above four bytes a scalar.
            for limit in [0, 1, 2, 3, 5, 8, 13] where paragraph.count > 0 {
                for end in 1...paragraph.count where end == paragraph.count || paragraph.base[end] & 0xC0 != 0x80 {
                    #expect(paragraph.scalarCount(0..<end, isAtMost: limit) == (paragraph.scalarCount(0..<end) <= limit))
                }
            }
            #expect(Array(paragraph.scalars(0..<paragraph.count)) == all)
            #expect(paragraph.string(0..<paragraph.count) == text)
            #expect(paragraph.isASCII(0..<paragraph.count) == text.utf8.allSatisfy { $0 < 0x80 })
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

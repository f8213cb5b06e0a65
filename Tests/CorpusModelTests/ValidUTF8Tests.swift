import Testing

import CorpusModel

/// ``ValidUTF8`` is the decoder every byte path shares (reader, segmenter,
/// stats): it must give back each scalar and its width, and step back to a
/// scalar's start, for every encoded width.
@Suite struct ValidUTF8Tests {
    /// Every boundary between widths and a spread of scalars in between.
    static let scalars: [Unicode.Scalar] = {
        let boundaries: [UInt32] = [0, 0x41, 0x7F, 0x80, 0x430, 0x4E9, 0x7FF, 0x800, 0x2014, 0x2026, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF,
                                    0x10000, 0x1F600, 0x10FFFF]
        let spread = stride(from: UInt32(1), through: 0x10FFFF, by: 997).map { $0 }
        return (boundaries + spread).compactMap(Unicode.Scalar.init)
    }()

    @Test func decodesEveryWidth() {
        for scalar in Self.scalars {
            var text = "a" + String(Character(scalar)) + "б"
            text.withUTF8 { b in
                let start = b.baseAddress! + 1
                let (value, width) = ValidUTF8.decode(start)
                #expect(value == scalar.value)
                #expect(width == scalar.utf8.count)
                #expect(ValidUTF8.scalar(start).scalar == scalar)
                // Back from the byte after it, and from the end over the two-byte "б".
                #expect(ValidUTF8.start(before: start + width) == start)
                #expect(ValidUTF8.start(before: b.baseAddress! + b.count) == start + width)
            }
        }
    }

    @Test func walksAKazakhSentenceScalarByScalar() {
        var text = "Қазақстан — «Ұлы дала» елі… 😀"
        let expected = Array(text.unicodeScalars)
        var decoded: [Unicode.Scalar] = []
        text.withUTF8 { b in
            var p = b.baseAddress!
            let end = p + b.count
            while p < end {
                let (scalar, width) = ValidUTF8.scalar(p)
                decoded.append(scalar)
                p += width
            }
        }
        #expect(decoded == expected)
    }
}

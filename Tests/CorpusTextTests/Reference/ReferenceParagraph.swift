@testable import CorpusText

/// A paragraph decoded whole into scalars, with the indices of its stops and shield
/// marks: what the scalar decoder handed the old scanner (``ScalarBoundaryScanner``).
struct ReferenceParagraph {
    let scalars: [Unicode.Scalar]
    /// Indices of the scalars that can end a sentence, in order.
    let stops: [Int]
    /// Indices of the scalars ``ScalarShieldedSpans`` acts on, in order.
    let marks: [Int]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        let s = scalars
        stops = s.indices.filter { ScalarClass.isTerminator(s[$0]) }
        marks = s.indices.filter { Self.isShieldMark(s[$0].value) }
    }

    /// The scalars ``ScalarShieldedSpans`` looks at: brackets and quotes that frame a
    /// span, and what starts or marks a link (`@`, `:`, a `w` that may open `www.`).
    static func isShieldMark(_ v: UInt32) -> Bool {
        switch v {
        case 0x28, 0x29, 0xAB, 0xBB, 0x201C, 0x201D, 0x22, 0x40, 0x3A, 0x77, 0x57: return true
        default: return false
        }
    }

    var count: Int { scalars.count }

    func string(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }

    /// The sentences of `text` by the old scanner, as strings.
    static func sentences(_ text: String, _ abbreviations: AbbreviationList) -> [String] {
        let paragraph = ReferenceParagraph(text)
        return ScalarBoundaryScanner(abbreviations: abbreviations).sentenceRanges(paragraph).map { paragraph.string($0) }
    }
}

import CorpusModel
import CorpusTestSupport
import Testing

@testable import CorpusText

/// The reader's one-pass line check must agree with the slow checks it replaces:
/// ``UTF8Validation`` for validity and ``TextWhitespace/collapse(_:)-(String)`` for
/// "nothing to collapse", at every alignment of the eight-byte words.
@Suite("Line scan")
struct LineScanTests {
    /// Pieces that put spaces, controls, non-ASCII spaces and broken sequences at word edges.
    static let pieces: [[UInt8]] = [
        Array("a".utf8), Array(" ".utf8), Array("  ".utf8), Array("ә".utf8), Array("абвг".utf8), Array("\t".utf8),
        Array("\u{A0}".utf8), Array("\u{85}".utf8), Array("\u{2003}".utf8), Array("\u{3000}".utf8), Array("\u{1680}".utf8),
        Array("\u{205F}".utf8), Array("\u{2028}".utf8), Array("«".utf8), Array("—".utf8), Array("…".utf8), Array("😀".utf8),
        Array("\u{FEFF}".utf8), Array("ABCDEFGH".utf8), [0x0B], [0x1C], [0x00], [0xD0], [0xC1, 0xBF], [0xED, 0xA0, 0x80],
        [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80],
        Array("Қазақстан ".utf8), Array("ә,".utf8), Array("» ".utf8), Array("\u{A0}ж".utf8), [0xC2], [0xC2, 0x41], [0xC0, 0x80],
        [0xDF, 0xBF], [0x7F], [0x1F], [0xD0, 0xD0, 0x80],
    ]

    @Test func agreesWithTheSlowChecks() {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<60_000 {
            var line: [UInt8] = []
            for _ in 0..<Int(generator.next() % 40) { line += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }
            let scan = line.withUnsafeBufferPointer { LineScan($0) }
            let invalid = line.withUnsafeBufferPointer { UTF8Validation.firstInvalidByte(in: $0, rejectingNUL: true) }
            #expect((scan == nil) == (invalid != nil), "validity of \(line)")
            guard let scan, invalid == nil else { continue }
            let text = String(decoding: line, as: UTF8.self)
            #expect(scan.ascii == line.allSatisfy { $0 < 0x80 }, "ASCII-ness of \(line)")
            if scan.collapsed {
                #expect(TextWhitespace.collapse(text) == text, "\(line) was taken as collapsed")
            }
            #expect(UTF8Check.cleanText(line)?.text == text)
        }
    }

    /// Every piece at every offset of a long clean line, so that each lands on
    /// every place of the sixteen-byte chunks (and their edges) and of the words.
    @Test func everyPieceAtEveryOffsetOfALongLine() {
        let clean = Array("Қазақстан Республикасы, 2024 ж. «Ана тілі» газеті: ол келді де кетті.".utf8)
        for piece in Self.pieces {
            for offset in 0...clean.count {
                let line = Array(clean[..<offset]) + piece + Array(clean[offset...])
                let scan = line.withUnsafeBufferPointer { LineScan($0) }
                let invalid = line.withUnsafeBufferPointer { UTF8Validation.firstInvalidByte(in: $0, rejectingNUL: true) }
                #expect((scan == nil) == (invalid != nil), "validity of \(piece) at \(offset)")
                guard let scan, invalid == nil else { continue }
                let text = String(decoding: line, as: UTF8.self)
                #expect(!scan.ascii)
                #expect(scan.collapsed == (TextWhitespace.collapse(text) == text) || !scan.collapsed,
                        "\(piece) at \(offset) was taken as collapsed")
                if piece == Array("  ".utf8) || piece == Array("\u{A0}".utf8) || piece == Array("\t".utf8) {
                    #expect(!scan.collapsed, "\(piece) at \(offset)")
                }
            }
        }
    }

    @Test func aPlainLineIsCollapsedAndAMessyOneIsNot() throws {
        let plain = try #require(Array("Ол келді. Біз кеттік!".utf8).withUnsafeBufferPointer { LineScan($0) })
        #expect(plain.collapsed && !plain.ascii)
        for messy in ["Ол  келді.", " Ол", "Ол ", "Ол\u{A0}келді", "Ол\tкелді", "абвгдеж  з"] {
            let scan = try #require(Array(messy.utf8).withUnsafeBufferPointer { LineScan($0) })
            #expect(!scan.collapsed, "\(messy)")
        }
    }
}

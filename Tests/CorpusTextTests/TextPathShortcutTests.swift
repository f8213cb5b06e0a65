import CorpusModel
import CorpusTestSupport
import Testing

@testable import CorpusText

/// The text path's byte-level shortcuts must give what the `String` code they
/// bypass gives: ids, paragraph joins, line tests, and the assembler fed bytes.
@Suite("Text path shortcuts")
struct TextPathShortcutTests {
    @Test func numberedIDsSpellCorpusIDs() {
        for prefix in ["corpus.p1", "doc", "қазақ_мәтін.p12", "a", "x.p123456789"] {
            let sentences = NumberedIDs(prefix, marker: "s")
            let blocks = NumberedIDs(prefix, marker: "p")
            for n in [0, 1, 9, 10, 99, 100, 1000, 12_345, 999_999_999, Int.max] {
                #expect(sentences.id(n) == CorpusID.sentence(prefix, n))
                #expect(blocks.id(n) == CorpusID.block(prefix, n))
            }
        }
    }

    /// Lines that end in every way a join cares about: soft hyphen, hyphen after a
    /// letter or not, stops before closers, list breaks, bullets, blanks.
    static let lineEnds = ["", "\u{AD}", "-", "1-", ".", ".»", "!)", "…", ":", ";", " т.б.", "»", "\u{3002}"]
    static let lineStarts = ["сөз", "Сөз", "word", "Word", "• item", "- dash", "1. item", "«Дәйек", "ә", "x"]

    @Test func paragraphBufferAgreesWithTheStringTests() {
        var generator = SplitMix64(seed: 5)
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 4) {
                text += Self.lineStarts[Int(generator.next() % UInt64(Self.lineStarts.count))]
                text += Self.lineEnds[Int(generator.next() % UInt64(Self.lineEnds.count))]
            }
            var buffer = ParagraphBuffer()
            buffer.set(text)
            #expect(buffer.string() == text)
            #expect(buffer.count == text.utf8.count)
            #expect(buffer.endsWithStop == TextWhitespace.endsWithStop(text), "\(text)")
            #expect(buffer.endsWithListBreak == TextWhitespace.endsWithListBreak(text), "\(text)")
            #expect(buffer.lastScalar(before: buffer.count)?.scalar == text.unicodeScalars.last)
        }
    }

    @Test func lineTestsOnBytesAgreeWithScalars() {
        for line in Self.lineStarts + ["", " ", "  x", "\u{A0}ә", "\t-", "—", "– x", "•x", "ӘБ", "\u{3000}а"] {
            let scalars = Array(line.unicodeScalars)
            let firstWord = scalars.first { !ScalarClass.isSpace($0) }
            #expect(TextWhitespace.startsLowercase(line) == (firstWord.map(ScalarClass.isLower) ?? false), "\(line)")
            #expect(TextWhitespace.isBlank(line) == scalars.allSatisfy(ScalarClass.isSpace), "\(line)")
            #expect(TextWhitespace.isIndented(line) == (scalars.first.map(ScalarClass.isSpace) ?? false), "\(line)")
            let bullet = scalars.count >= 2 && "-–—•*·▪◦‣●○■□➢►".unicodeScalars.contains(scalars[0]) && ScalarClass.isSpace(scalars[1])
            #expect(TextWhitespace.bulletPrefix(line) == bullet, "\(line)")
        }
    }

    /// The assembler fed bytes (as the reader does for clean lines) and fed `String`s
    /// (as before) emits the same blocks, for both wrapped layouts.
    @Test(arguments: [false, true])
    func assemblerGivesTheSameBlocksFromBytes(indented: Bool) throws {
        var generator = SplitMix64(seed: indented ? 2 : 1)
        var lines: [String] = []
        for _ in 0..<3_000 {
            switch generator.next() % 10 {
            case 0: lines.append("")
            case 1: lines.append("  " + Self.lineStarts[Int(generator.next() % UInt64(Self.lineStarts.count))])
            default:
                lines.append(Self.lineStarts[Int(generator.next() % UInt64(Self.lineStarts.count))] + " мәтін"
                    + Self.lineEnds[Int(generator.next() % UInt64(Self.lineEnds.count))])
            }
        }
        var fromStrings: [String] = []
        var fromBytes: [String] = []
        let record: (inout [String], AssembledBlock) -> Void = { out, block in
            if case .text(let text, let kind) = block { out.append("\(kind.name)|\(text)") }
        }
        let a = WrappedParagraphAssembler(indentAlwaysBreaks: indented) { record(&fromStrings, $0) }
        let b = WrappedParagraphAssembler(indentAlwaysBreaks: indented) { record(&fromBytes, $0) }
        for line in lines {
            let bytes = Array(line.utf8)
            let scan = try #require(bytes.withUnsafeBufferPointer { LineScan($0) })
            try a.feed(line, collapsed: scan.collapsed)
            try bytes.withUnsafeBufferPointer { try b.feed(utf8: $0, ascii: scan.ascii, collapsed: scan.collapsed) }
        }
        try a.finish()
        try b.finish()
        #expect(fromStrings.count > 100)
        #expect(fromBytes == fromStrings)
    }
}

import CorpusModel
import Testing

@testable import CorpusCSV

/// Each broken table gives exactly one error naming the row and column, with
/// the place in the file. Expected places are marked `1️⃣` in the input.
@Suite("Broken tables")
struct ReaderErrorTests {
    /// The input without its marker, and the line/column of the marker.
    static func marked(_ text: String) -> (String, line: Int, column: Int) {
        var line = 1
        var column = 1
        var out = ""
        var found: (Int, Int)?
        for ch in text {
            if ch == "1️⃣" {
                found = (line, column)
                continue
            }
            out.append(ch)
            if ch == "\n" {
                line += 1
                column = 1
            } else {
                column += ch.unicodeScalars.count
            }
        }
        return (out, found?.0 ?? 0, found?.1 ?? 0)
    }

    static func check(
        _ marked: String, kind: CorpusError.Kind, says: [String], reader: any CorpusReader = CSVReader(),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let (text, line, column) = Self.marked(marked)
        guard let error = readError(text, reader: reader) else {
            Issue.record("no error", sourceLocation: sourceLocation)
            return
        }
        #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
        #expect(error.file == "t.csv", sourceLocation: sourceLocation)
        #expect(error.location?.line == line, "\(error)", sourceLocation: sourceLocation)
        #expect(error.location?.column == column, "\(error)", sourceLocation: sourceLocation)
        for s in says { #expect(error.message.contains(s), "\(error)", sourceLocation: sourceLocation) }
    }

    @Test func raggedRowTooShort() {
        Self.check("doc_id,sentence_id,text\nd,d.s1,бір\nd,d.s21️⃣\n", kind: .syntax, says: ["row 3", "column text", "ragged"])
    }

    @Test func raggedRowTooLong() {
        Self.check(
            "doc_id,text\nd,\"a\nb\"\nd,Сәлем,1️⃣ әлем\n", kind: .syntax, says: ["row 3", "column 3", "header has 2"])
    }

    @Test func raggedTSVRow() {
        Self.check("doc_id\ttext\nd\tx\t1️⃣y\n", kind: .syntax, says: ["row 2", "column 3"], reader: TSVReader())
    }

    @Test func unterminatedQuote() {
        Self.check(
            "doc_id,text\nd,ok\nd,1️⃣\"Қазақ, тілі\nжәне\n", kind: .syntax, says: ["row 3", "column text", "unterminated quote"])
    }

    @Test func characterAfterClosingQuote() {
        Self.check("doc_id,text\nd,\"ab\"1️⃣x\n", kind: .syntax, says: ["row 2", "column text", "closing quote"])
    }

    @Test func missingRequiredColumn() {
        Self.check("1️⃣doc_id,block_id,sentence\nd,d.p1,x\n", kind: .structure, says: ["row 1", "missing required column 'text'"])
    }

    @Test func noHeader() {
        Self.check("1️⃣a,Сәлем\nb,әлем\n", kind: .structure, says: ["row 1", "no header row", "'column-names'"])
    }

    @Test func invalidUTF8() {
        var bytes = Array("doc_id,text\nd,ok\nd,Қаз".utf8)
        bytes += [0xD0]  // a lead byte cut off
        bytes += Array("\n".utf8)
        let error = readError(bytes, options: FormatOptions())
        #expect(error?.kind == .encoding)
        #expect(error?.message.contains("row 3, column text") == true)
        #expect(error?.location?.line == 3)
        #expect(error?.location?.column == 6)
        #expect(error?.location?.byteOffset == 25)
    }

    @Test func latin1File() {
        let bytes = Array("doc_id,text\nd,caf".utf8) + [0xE9] + Array("\n".utf8)
        let error = readError(bytes)
        #expect(error?.kind == .encoding)
        #expect(error?.location?.line == 2)
        #expect(error?.location?.column == 6)
    }

    @Test func utf16File() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "doc_id,text\nd,Қаз\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let error = readError(bytes)
        #expect(error?.kind == .encoding)
        #expect(error?.message.contains("UTF-16") == true)
        #expect(error?.location?.line == 1)
    }

    @Test func badBlockKind() {
        Self.check("doc_id,block_id,block_kind,text\nd,d.p1,1️⃣chapter,x\n", kind: .structure, says: ["row 2", "column block_kind", "chapter"])
    }

    @Test func badMetadataJSON() {
        Self.check("doc_id,text,doc_meta\nd,x,1️⃣{title\n", kind: .structure, says: ["row 2", "column doc_meta", "JSON"])
    }

    @Test func badLevel() {
        Self.check("block_id,block_kind,level,text\np1,heading,1️⃣two,x\n", kind: .structure, says: ["row 2", "column level"])
    }

    @Test func sentenceOnAnEmptyBlockRow() {
        Self.check("block_id,sentence_n,text\np1,1️⃣0,Сөз\n", kind: .structure, says: ["row 2", "column sentence_n"])
    }

    @Test func documentSplitApart() {
        Self.check("doc_id,text\na,x\nb,y\n1️⃣a,z\n", kind: .structure, says: ["row 4", "document 'a' appeared earlier"])
    }

    @Test func emptyInputs() {
        #expect(readError("")?.kind == .empty)
        #expect(readError("\n\n")?.kind == .empty)
        #expect(readError([0xEF, 0xBB, 0xBF])?.kind == .empty)
    }

    @Test func binaryInput() {
        let bytes: [UInt8] = [0x00, 0xFF, 0xFE, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        #expect(readError(bytes)?.kind == .encoding)
    }

    @Test func overlongRow() {
        let error = readError("doc_id,text\nd,\"" + String(repeating: "ә", count: 100), options: FormatOptions(["max-row-bytes": "50"]))
        #expect(error?.kind == .syntax)
        #expect(error?.message.contains("row 2") == true)
    }

    @Test("one error per broken table, not a cascade; nothing is sent after it")
    func oneError() throws {
        let (text, _, _) = Self.marked("doc_id,text\na,x\na,\"y\nb,z\n")
        var events: [CorpusEvent] = []
        #expect(throws: CorpusError.self) {
            try CSVReader().read(.string(text, name: "t.csv"), options: FormatOptions(), into: ClosureSink { events.append($0) })
        }
        #expect(!events.contains(.endDocument))
    }

    @Test("the writer refuses an unsegmented block and an unknown column")
    func writerErrors() {
        let doc = Document(id: "d", blocks: [Block(id: "d.p1", content: .text("not split"))])
        #expect(throws: CorpusError.self) { _ = try CSVWriter().write([doc]) }
        #expect(throws: CorpusError.self) { _ = try CSVWriter().write([], options: FormatOptions(["columns": "text,colour"])) }
    }
}

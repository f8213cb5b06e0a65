import CorpusModel
import CorpusText
import Foundation
import Testing

/// Encodings, line ends and bad input of the plain-text reader.
@Suite struct TextReaderEncodingTests {
    func read(_ bytes: [UInt8], _ options: [String: String] = [:], chunk: Int = 1 << 20) throws -> [Document] {
        var reader = TextReader()
        reader.onWarning = { _ in }
        var all = options
        all["chunk-size"] = String(chunk)
        return try reader.readDocuments(.bytes(bytes, name: "t.txt"), options: FormatOptions(all))
    }

    func texts(_ docs: [Document]) -> [String] { docs.flatMap(\.blocks).map(\.plainText) }

    /// Kazakh letters and their bytes in each code page (from Python's `kz1048` and `ptcp154` codecs).
    static let codePages: [(String, [(Character, UInt8)])] = [
        ("kz-1048", [("ә", 0xBC), ("ғ", 0xBA), ("қ", 0x9D), ("ң", 0xBE), ("ө", 0xB4), ("ұ", 0xA2), ("ү", 0xBF), ("һ", 0x9E), ("і", 0xB3),
                     ("Ә", 0xA3), ("Ғ", 0xAA), ("Қ", 0x8D), ("Ң", 0xBD), ("Ө", 0xA5), ("Ұ", 0xA1), ("Ү", 0xAF), ("Һ", 0x8E), ("І", 0xB2)]),
        ("pt154", [("ә", 0xBA), ("ғ", 0x83), ("қ", 0x9D), ("ң", 0x9C), ("ө", 0xB5), ("ұ", 0xB1), ("ү", 0x89), ("һ", 0x9E), ("і", 0xB3),
                   ("Ә", 0xAA), ("Ғ", 0x81), ("Қ", 0x8D), ("Ң", 0x8C), ("Ө", 0xA4), ("Ұ", 0xA6), ("Ү", 0x87), ("Һ", 0x8E), ("І", 0xB2)]),
        ("windows-1251", [("і", 0xB3), ("І", 0xB2), ("а", 0xE0), ("я", 0xFF), ("А", 0xC0), ("Я", 0xDF), ("ё", 0xB8)]),
    ]

    @Test(arguments: codePages.map(\.0))
    func everyKazakhLetterOfACodePage(_ encoding: String) throws {
        let letters = Self.codePages.first { $0.0 == encoding }!.1
        for (letter, byte) in letters {
            // "X" + letter + "а" in that code page; "а" is 0xE0 in all three.
            let docs = try read([0x58, byte, 0xE0], ["encoding": encoding, "layout": "lines"])
            #expect(texts(docs) == ["X\(letter)а"], "\(encoding) byte \(String(byte, radix: 16)) should be \(letter)")
        }
    }

    @Test func codePagesDifferInTheKazakhLetters() throws {
        // Byte 0xBA is ә in PT154 and ғ in KZ-1048: the choice matters.
        #expect(texts(try read([0xBA], ["encoding": "pt154", "layout": "lines"])) == ["ә"])
        #expect(texts(try read([0xBA], ["encoding": "kz-1048", "layout": "lines"])) == ["ғ"])
    }

    @Test func invalidUTF8NamesTheByteOffset() throws {
        let bytes = Array("Бір жол.\nЕкі".utf8) + [0xFF] + Array(" жол.".utf8)
        let error = try #require(throws: CorpusError.self) { try read(bytes) }
        #expect(error.kind == .encoding)
        #expect(error.location?.byteOffset == 21)
        #expect(error.location?.line == 2)
        #expect(error.location?.column == 4)
        #expect(error.file == "t.txt")
        #expect(error.description.contains("t.txt:2:4: error:"))
        #expect(error.message.contains("byte offset 21"))
    }

    @Test func truncatedSequenceAtEndIsAnError() throws {
        let bytes = Array("Сөз".utf8) + [0xD2]
        let error = try #require(throws: CorpusError.self) { try read(bytes) }
        #expect(error.location?.byteOffset == 6)
    }

    @Test func replaceInvalidWarnsAndReplaces() throws {
        let warnings = WarningBox()
        var reader = TextReader()
        reader.onWarning = { warnings.add($0) }
        let bytes = Array("Жақсы ".utf8) + [0xC0, 0x80] + Array(" сөз.".utf8)
        let docs = try reader.readDocuments(.bytes(bytes, name: "w.txt"), options: FormatOptions(["replace-invalid": ""]))
        #expect(texts(docs) == ["Жақсы \u{FFFD}\u{FFFD} сөз."])
        #expect(warnings.all.count == 1)
        #expect(warnings.all.first?.severity == .warning)
        #expect(warnings.all.first?.location?.byteOffset == 11)
    }

    @Test func binaryAndEmptyInputsAreErrors() throws {
        let binary = try #require(throws: CorpusError.self) { try read([0x41, 0x00, 0x42]) }
        #expect(binary.location?.byteOffset == 1)
        let empty = try #require(throws: CorpusError.self) { try read([]) }
        #expect(empty.kind == .empty)
        let blank = try #require(throws: CorpusError.self) { try read(Array(" \n\t\n".utf8)) }
        #expect(blank.kind == .empty)
    }

    @Test(arguments: [1, 2, 3, 7, 1 << 20])
    func lineEndsBOMsAndChunkBoundaries(_ chunk: Int) throws {
        let want = ["Бірінші жол.", "Екінші жол.", "Үшінші жол."]
        let lf = "Бірінші жол.\nЕкінші жол.\nҮшінші жол.\n"
        for variant in [lf, lf.replacingOccurrences(of: "\n", with: "\r\n"), lf.replacingOccurrences(of: "\n", with: "\r")] {
            #expect(texts(try read(Array(variant.utf8), ["layout": "lines"], chunk: chunk)) == want)
            #expect(texts(try read([0xEF, 0xBB, 0xBF] + Array(variant.utf8), ["layout": "lines"], chunk: chunk)) == want)
        }
        var le: [UInt8] = [0xFF, 0xFE]
        var be: [UInt8] = [0xFE, 0xFF]
        for unit in lf.utf16 {
            le += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            be += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        #expect(texts(try read(le, ["layout": "lines"], chunk: chunk)) == want)
        #expect(texts(try read(be, ["layout": "lines", "encoding": "utf-16"], chunk: chunk)) == want)
    }

    @Test func utf16WithoutBOMIsRefused() throws {
        let error = try #require(throws: CorpusError.self) { try read([0x41, 0x00, 0x42, 0x00], ["encoding": "utf-16"]) }
        #expect(error.kind == .encoding)
    }

    @Test func badOptionsAreUsageErrors() throws {
        let layout = try #require(throws: CorpusError.self) { try read(Array("a".utf8), ["layout": "columns"]) }
        #expect(layout.kind == .usage)
        let encoding = try #require(throws: CorpusError.self) { try read(Array("a".utf8), ["encoding": "koi9"]) }
        #expect(encoding.kind == .usage)
    }

    @Test func documentIdAndLanguage() throws {
        let reader = TextReader()
        let doc = try #require(try reader.readDocuments(.bytes(Array("Сөз.".utf8), name: "/tmp/dir/2024 report.v2.txt")).first)
        #expect(doc.id == "doc_2024_report.v2")
        #expect(doc.metadata.language == "kk")
        #expect(doc.blocks.first?.id == "doc_2024_report.v2.p1")
        let named = try #require(try reader.readDocuments(.string("Word."), options: FormatOptions(["id": "mine", "lang": "en"])).first)
        #expect(named.id == "mine")
        #expect(named.metadata.language == "en")
    }
}

/// Collects warnings from the reader's callback.
final class WarningBox: @unchecked Sendable {
    private let lock = ConditionLock()
    private var items: [Diagnostic] = []
    func add(_ d: Diagnostic) { lock.withLock { items.append(d) } }
    var all: [Diagnostic] { lock.withLock { items } }
}

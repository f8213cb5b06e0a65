import CorpusModel
import Foundation
import Testing

@testable import CorpusText

/// Input that is not text, or has no end in sight, ends in a clear error while
/// memory stays bounded: a NUL byte at once, a line or paragraph past the limit.
@Suite struct EndlessInputTests {
    func read(_ bytes: [UInt8], _ options: [String: String] = [:]) throws -> [Document] {
        var reader = TextReader()
        reader.onWarning = { _ in }
        return try reader.readDocuments(.bytes(bytes, name: "t.txt"), options: FormatOptions(options))
    }

    /// Chunks of zeros (what `/dev/zero` gives): the first chunk fails, so no more is
    /// read or held. The reader used to keep every zero as one growing line.
    @Test func nulStopsAtTheFirstChunk() throws {
        var splitter = LineSplitter(inputName: "/dev/zero", replaceInvalid: false) { _ in }
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        var fed = 0
        let error = #expect(throws: CorpusError.self) {
            for _ in 0..<64 {
                try zeros.withUnsafeBytes { try splitter.feed($0) { _ in } }
                fed += 1
            }
        }
        #expect(fed == 0)
        #expect(error?.kind == .encoding)
        #expect(error?.location?.byteOffset == 0)
        #expect(error?.message.contains("NUL byte at byte offset 0") == true)
    }

    @Test func nulInTheMiddleNamesItsPlace() throws {
        let bytes = Array("Бірінші жол.\nекі\u{0}үш\n".utf8)
        let error = #expect(throws: CorpusError.self) { try read(bytes) }
        #expect(error?.location?.line == 2)
        #expect(error?.location?.column == 4)
        #expect(error?.location?.byteOffset == Array("Бірінші жол.\nекі".utf8).count)
        #expect(error?.description.hasPrefix("t.txt:2:4: error: NUL byte at byte offset 29") == true, "\(error?.description ?? "")")
    }

    @Test func replaceInvalidTurnsNULIntoReplacementCharacter() throws {
        let docs = try read(Array("a\u{0}b\n".utf8), ["replace-invalid": "true", "layout": "lines"])
        #expect(docs.flatMap(\.blocks).map(\.plainText) == ["a\u{FFFD}b"])
    }

    @Test func lineOverTheLimitIsAnError() throws {
        let line = [UInt8](repeating: UInt8(ascii: "a"), count: 5000)
        for layout in ["auto", "lines", "sentences"] {
            let error = #expect(throws: CorpusError.self) {
                try read(Array("ok\n".utf8) + line + [0x0A], ["max-block-bytes": "1000", "layout": layout])
            }
            #expect(error?.location?.line == 2, "\(layout)")
            #expect(error?.message.contains("line 2 is longer than 1000 bytes") == true, "\(layout): \(error?.message ?? "")")
        }
        // Fed in small chunks, the line is refused as soon as it passes the limit.
        var splitter = LineSplitter(inputName: "t.txt", replaceInvalid: false, maximumLineBytes: 1000) { _ in }
        var fed = 0
        #expect(throws: CorpusError.self) {
            for _ in 0..<100 {
                try line.prefix(100).withUnsafeBytes { try splitter.feed($0) { _ in } }
                fed += 100
            }
        }
        #expect(fed == 1000)
    }

    /// Hard-wrapped lines that never reach a paragraph break or a full stop.
    @Test func paragraphOverTheLimitIsAnError() throws {
        let text = String(repeating: "сөз сөз сөз сөз\n", count: 200)
        for layout in ["paragraphs", "indented", "tabbed"] {
            let error = #expect(throws: CorpusError.self) { try read(Array(text.utf8), ["max-block-bytes": "2000", "layout": layout]) }
            #expect(error?.message.contains("paragraph longer than 2000 bytes") == true, "\(layout): \(error?.message ?? "")")
            #expect(error?.location?.line != nil)
        }
        // Under the limit the same text reads.
        #expect(try read(Array(text.utf8), ["layout": "paragraphs"]).flatMap(\.blocks).count == 1)
    }

    @Test func limitCanBeLoweredNeverRaised() throws {
        #expect(ReadLimits.maximumUnitBytes == 256 << 20)
        #expect(try ReadLimits.unitBytes(FormatOptions()) == 256 << 20)
        #expect(try ReadLimits.unitBytes(FormatOptions(["max-block-bytes": "10"])) == 10)
        let spec = try #require(TextReader().optionSpecs.first { $0.key == "max-block-bytes" })
        #expect(spec.problem(with: String(256 << 20)) == nil)
        #expect(spec.problem(with: String((256 << 20) + 1)) != nil)
        for bad in ["0", "-1", String((256 << 20) + 1), "lots"] {
            let error = #expect(throws: CorpusError.self) { try read(Array("x\n".utf8), ["max-block-bytes": bad]) }
            #expect(error?.kind == .usage)
        }
    }

    /// Encoding errors found by iconv carry a line and column too, not only a byte offset.
    @Test func conversionErrorsArePathLineColumn() throws {
        let utf16: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00, 0x62, 0x00, 0x00, 0xD8, 0x63, 0x00]  // a⏎b, then a lone surrogate
        let error = #expect(throws: CorpusError.self) { try read(utf16) }
        #expect(error?.description.hasPrefix("t.txt:2:2: error: ") == true, "\(error?.description ?? "")")
        #expect(error?.location?.byteOffset == 8)
        let bom = #expect(throws: CorpusError.self) { try read([0xEF, 0xBB, 0xBF, 0x61], ["encoding": "utf-16"]) }
        #expect(bom?.description.hasPrefix("t.txt:1:1: error: ") == true, "\(bom?.description ?? "")")
    }

    @Test func replacedBytesWarnThroughTheOptionsHandler() throws {
        let seen = WarningBox()
        let options = FormatOptions(["replace-invalid": "true"], onWarning: WarningHandler { seen.add($0) })
        _ = try TextReader().readDocuments(.bytes([0x61, 0xFF, 0x0A], name: "w.txt"), options: options)
        #expect(seen.all.count == 1)
        #expect(seen.all.first?.severity == .warning)
        #expect(seen.all.first?.file == "w.txt")
    }


}

/// The abbreviation lists are data the segmenter cannot do without.
@Suite struct AbbreviationDataTests {
    @Test func bundledListsLoad() throws {
        for language in ["kk", "ru", "en", "kk-Cyrl"] {
            #expect(try AbbreviationList.bundled(for: language).count > 50, "\(language)")
        }
        #expect(try AbbreviationList.bundled(for: "kk").role(of: "млн.") == .inside)
    }

    @Test func aListWithoutEntriesIsAnError() throws {
        let error = #expect(throws: CorpusError.self) {
            try AbbreviationList.parse(Array("# only a comment\n\n".utf8), file: "Abbreviations/kk.txt")
        }
        #expect(error?.kind == .io)
        #expect(error?.file == "Abbreviations/kk.txt")
        #expect(error?.message.contains("no entries") == true)
    }
}

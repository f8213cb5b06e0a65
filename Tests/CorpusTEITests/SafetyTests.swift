import CorpusModel
import CorpusTestSupport
import Foundation
import Testing

@testable import CorpusTEI

/// Hostile and broken inputs end in a clear error or a safe result.
@Suite struct SafetyTests {
    /// Bytes that break the declared encoding end in an error with the place,
    /// never in a document silently cut short (libxml2 reports these only
    /// through its return code and its stderr printer, both handled now).
    /// Found by the fuzzer (Fuzz/Findings/FuzzTEIReader/utf7-open-document):
    /// a UTF-7 declaration stopped libxml2 mid-document and the reader used
    /// to return a document cut short, still open.
    @Test func fuzzFindingUTF7StopsWithAnError() throws {
        let path = Fixtures.packageRoot.appendingPathComponent("Fuzz/Findings/FuzzTEIReader/utf7-open-document").path
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let error = #expect(throws: CorpusError.self) {
            _ = try TEIReader().readDocuments(.bytes(bytes, name: "fuzz"))
        }
        #expect(error?.file == "fuzz")
        #expect(error?.location?.line == 3)
    }

    @Test(arguments: ["SHIFT_JIS", "EUC-JP", "BIG5"])
    func bytesInvalidInTheDeclaredEncodingAreAnError(encoding: String) throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n<TEI><text><body><p>ok ".utf8)
        bytes += [0x80, 0xFF] + Array(" lost?</p></body></text></TEI>".utf8)
        let error = #expect(throws: CorpusError.self) {
            _ = try TEIReader().readDocuments(.bytes(bytes, name: "enc.xml"))
        }
        #expect(error?.kind == .encoding)
        #expect(error?.location?.line == 2)
        #expect(error?.file == "enc.xml")
    }

    @Test func billionLaughsIsRefused() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [\n<!ENTITY lol \"lol\">\n"
        xml += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        for i in 2...9 { xml += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">\n" }
        xml += "]>\n<TEI><teiHeader/><text><body><p>&lol9;</p></body></text></TEI>\n"
        var blockBytes = 0
        let sink = ClosureSink { event in
            if case .block(let b) = event { blockBytes += b.plainText.utf8.count }
        }
        let error = #expect(throws: CorpusError.self) {
            try TEIReader().read(.string(xml, name: "lol.xml"), options: FormatOptions(), into: sink)
        }
        #expect(blockBytes < 1 << 20)
        #expect(error?.file == "lol.xml")
        #expect(error?.kind == .unsafe)
        #expect(error?.location?.line == 14)  // the line of the reference, not of the entity text
        print("billion laughs: \(error.map(String.init(describing:)) ?? "-")")
    }

    @Test func externalEntityIsNeverRead() throws {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<TEI><teiHeader/><text><body><p>a &x; b</p></body></text></TEI>"
        var seen = ""
        let sink = ClosureSink { event in if case .block(let b) = event { seen += b.plainText } }
        let error = #expect(throws: CorpusError.self) {
            try TEIReader().read(.string(xml, name: "xxe.xml"), options: FormatOptions(["entities": "keep"]), into: sink)
        }
        #expect(error?.kind == .unsafe)
        #expect(error?.location?.line == 3)
        #expect(!seen.contains("root:"))
    }

    @Test func externalDTDIsNotLoaded() throws {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI SYSTEM \"file:///etc/passwd\">\n<TEI><teiHeader/><text><body><p>fine</p></body></text></TEI>"
        let docs = try TEIReader().readDocuments(.string(xml))
        #expect(docs.flatMap(\.blocks).map(\.plainText) == ["fine"])
    }

    @Test func fiftyMegabyteTextNodeEndsSafely() throws {
        var bytes = Array("<?xml version=\"1.0\"?><TEI><teiHeader/><text><body><p>".utf8)
        let word = Array("сөз ".utf8)
        let target = 50 << 20
        bytes.reserveCapacity(target + 200)
        while bytes.count < target { bytes.append(contentsOf: word) }
        bytes.append(contentsOf: Array("</p></body></text></TEI>".utf8))
        var largest = 0
        let sink = ClosureSink { event in if case .block(let b) = event { largest = max(largest, b.plainText.utf8.count) } }
        do {
            try TEIReader().read(.bytes(bytes, name: "big.xml"), options: FormatOptions(), into: sink)
            #expect(largest > 40 << 20)  // read whole: the one block is the text node
            print("50 MB text node: read as one block of \(largest) bytes")
        } catch let error as CorpusError {
            #expect(error.file == "big.xml")  // or refused by libxml2's default limits, with a place
            print("50 MB text node: \(error)")
        }
    }

    @Test func brokenXMLNamesFileLineAndColumn() throws {
        let xml = "<TEI>\n<teiHeader/>\n<text><body><p>a</b></body></text></TEI>"
        let error = #expect(throws: CorpusError.self) { try TEIReader().readDocuments(.string(xml, name: "broken.xml")) }
        #expect(error?.kind == .syntax)
        #expect(error?.location?.line == 3)
        #expect(error?.location?.column != nil)
        #expect(error?.description.hasPrefix("broken.xml:3:") == true)
    }

    @Test func emptyFileIsAnEmptyError() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("empty.xml").path
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let error = #expect(throws: CorpusError.self) { try TEIReader().readDocuments(.file(path)) }
        #expect(error?.kind == .empty)
        #expect(error?.file == path)
    }

    @Test func binaryFileIsAnErrorWithAPlace() throws {
        var rng = SplitMix64(seed: 7)
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let error = #expect(throws: CorpusError.self) { try TEIReader().readDocuments(.bytes(bytes, name: "bin.dat")) }
        #expect(error?.file == "bin.dat")
        #expect(error?.location?.line != nil)
    }

    @Test func invalidUTF8IsAnError() throws {
        let bytes = Array("<TEI><teiHeader/><text><body><p>ok ".utf8) + [0xFF, 0xFE] + Array("</p></body></text></TEI>".utf8)
        let error = #expect(throws: CorpusError.self) { try TEIReader().readDocuments(.bytes(bytes, name: "bad.xml")) }
        #expect(error?.location?.line == 1)
    }

    @Test func truncatedInputIsAnError() throws {
        let error = #expect(throws: CorpusError.self) {
            try TEIReader().readDocuments(.string("<TEI><teiHeader/><text><body><p>cut", name: "cut.xml"))
        }
        #expect(error?.kind == .syntax)
    }
}

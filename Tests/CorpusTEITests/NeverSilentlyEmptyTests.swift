import CorpusModel
import Foundation
import Testing

@testable import CorpusTEI

/// Inputs that used to convert to nothing with exit 0 now give their text, or a warning.
@Suite struct NeverSilentlyEmptyTests {
    /// The ELTeC novel with its `<text>` wrapper removed (as some ELTeC files are):
    /// the same blocks as the original, and one warning at the first `<front>`.
    @Test func frontBodyBackDirectlyUnderTEIAreRead() throws {
        let original = try String(contentsOfFile: Fixtures.sample("ENG18952_Wells.xml"), encoding: .utf8)
        let unwrapped = original
            .replacingOccurrences(of: "<text type=\"T3MSH\">", with: "")
            .replacingOccurrences(of: "</text>", with: "")
        #expect(unwrapped.count < original.count)
        let expected = try TEIReader().readDocuments(.string(original, name: "wells.xml"))
        let log = WarningLog()
        let docs = try TEIReader().readDocuments(.string(unwrapped, name: "wells.xml"), options: log.options())
        #expect(docs.count == 1)
        #expect(docs[0].blocks.count > 100)
        #expect(docs[0].blocks == expected[0].blocks)
        #expect(docs[0].metadata.title == expected[0].metadata.title)
        #expect(log.all.count == 1)
        #expect(log.all.first?.message.contains("<front> sits directly in <TEI> with no <text>") == true)
        #expect(log.all.first?.location?.line == 65)
        #expect(log.all.first?.file == "wells.xml")
    }

    /// After an unwrapped `body`, elements that are not text (`standOff`) stay out of it.
    @Test func onlyTheBodyPartsBecomeText() throws {
        let xml = """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><body><p>one</p></body>
            <standOff><listPerson><person><persName>Not text</persName></person></listPerson></standOff>
            <back><p>two</p></back></TEI>
            """
        let docs = try TEIReader().readDocuments(.string(xml), options: FormatOptions([:], onWarning: WarningHandler { _ in }))
        #expect(docs.flatMap(\.blocks).map(\.plainText) == ["one", "two"])
    }

    /// A `body` straight in a `teiCorpus` (no `TEI` around it) is no document's text:
    /// it is skipped as before, and the corpus header stands alone.
    @Test func bodyOutsideAnyDocumentIsNotADocument() throws {
        let xml = "<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/><body><p>x</p></body><TEI><teiHeader/><text><body><p>one</p></body></text></TEI></teiCorpus>"
        let docs = try TEIReader().readDocuments(.string(xml, name: "c.xml"), options: FormatOptions([:], onWarning: .fatal()))
        #expect(docs.map(\.id) == ["c_1"])
        #expect(docs.flatMap(\.blocks).map(\.plainText) == ["one"])
    }

    /// A strict caller makes the warning fatal through its handler.
    @Test func warningHandlerCanMakeItAnError() throws {
        let xml = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/>\n<body><p>one</p></body></TEI>"
        let error = #expect(throws: CorpusError.self) {
            try TEIReader().readDocuments(.string(xml, name: "s.xml"), options: FormatOptions([:], onWarning: .fatal()))
        }
        #expect(error?.file == "s.xml")
        #expect(error?.location?.line == 2)
    }

    /// Text or an empty-`n` note directly in a header never makes a pair with an empty key.
    @Test func headerPairsNeverHaveEmptyKeys() throws {
        let xml = """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>stray words<fileDesc><titleStmt><title>T</title></titleStmt>
            <notesStmt><note n="">empty n</note><note n="k">v</note></notesStmt></fileDesc></teiHeader><text><body><p>x</p></body></text></TEI>
            """
        let m = try TEIReader().readDocuments(.string(xml))[0].metadata
        #expect(m.extra.allSatisfy { !$0.key.isEmpty })
        #expect(m.extraValue("teiHeader") == "stray words")
        #expect(m.extraValue("fileDesc/notesStmt/note") == "empty n")
        #expect(m.extraValue("k") == "v")
    }
}

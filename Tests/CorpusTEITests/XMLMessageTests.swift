import CorpusModel
import Foundation
import Testing

@testable import CorpusTEI

/// libxml2's failures in the user's terms, classified by libxml2's error code and
/// domain — never by its English message text.
@Suite struct XMLMessageTests {
    func readError(_ xml: String, name: String = "x.xml") -> CorpusError? {
        #expect(throws: CorpusError.self) { try TEIReader().readDocuments(.string(xml, name: name)) }
    }

    /// Cut short anywhere inside the body, the message names the innermost open element
    /// and where it opened (libxml2 itself said "Extra content at the end of the document").
    @Test func truncatedFileNamesTheOpenElementAndWhereItOpened() throws {
        let xml = """
            <?xml version="1.0"?>
            <TEI xmlns="http://www.tei-c.org/ns/1.0">
              <teiHeader/>
              <text>
                <body>
                  <p>Бірінші абзац.</p>
                  <p
                     rend="x">Екінші абзац
            """
        let error = readError(xml)
        #expect(error?.kind == .syntax)
        #expect(error?.message == "unexpected end of file: <p> opened at 7:7 is not closed (nor are the 3 elements around it)")
        #expect(error?.location?.line == 8)
        #expect(error?.description.hasPrefix("x.xml:8:") == true)
        #expect(error?.message.contains("Extra content") == false)
    }

    @Test func truncatedInsideATagSaysWhatLibXMLSaw() throws {
        let error = readError("<TEI><teiHeader/><text><body><p>cu<hi rend=\"x")
        #expect(error?.message.hasPrefix("unexpected end of file (") == true, "\(error?.message ?? "")")
        #expect(error?.message.hasSuffix("<p> opened at 1:30 is not closed (nor are the 3 elements around it)") == true)
    }

    @Test func truncatedAtEveryByteIsAnErrorWithAPlace() throws {
        let xml = Array("<TEI><teiHeader/><text><body><p>a <hi>b</hi> c</p></body></text></TEI>".utf8)
        for n in 1..<(xml.count - 1) {
            let error = #expect(throws: CorpusError.self, "cut at \(n)") {
                try TEIReader().readDocuments(.bytes(Array(xml.prefix(n)), name: "cut.xml"))
            }
            #expect(error?.location?.line == 1, "cut at \(n)")
            #expect(error?.message.contains("unexpected end of file") == true || error?.message.hasPrefix("not XML") == true,
                    "cut at \(n): \(String(decoding: xml.prefix(n), as: UTF8.self)) → \(error?.message ?? "")")
        }
    }

    @Test func endAfterTheDeclarationSaysNoRootElement() throws {
        let error = readError("<?xml version=\"1.0\"?>\n<!-- nothing else -->\n")
        #expect(error?.message.hasPrefix("unexpected end of file: no root element") == true, "\(error?.message ?? "")")
    }

    /// `--from tei` on plain text or binary data: "not XML", not "Document is empty".
    @Test(arguments: ["Бұл жай мәтін.\nXML емес.\n", "hello", "\u{1}\u{2}binary"])
    func nonXMLSaysItIsNotXML(text: String) throws {
        let error = readError(text, name: "plain.txt")
        #expect(error?.message.hasPrefix("not XML:") == true, "\(error?.message ?? "")")
        #expect(error?.description.hasPrefix("plain.txt:1:1: error: not XML") == true)
    }

    /// Extra content after the root is still libxml2's own (true) message.
    @Test func contentAfterTheRootIsNotATruncation() throws {
        let error = readError("<TEI><teiHeader/><text><body><p>a</p></body></text></TEI>trailing")
        #expect(error?.message.contains("unexpected end of file") == false)
        #expect(error?.kind == .syntax)
    }

    /// The classification reads codes: a message that mentions entities, loops or
    /// encodings changes nothing, and the same code is classified the same whatever
    /// libxml2's text says.
    @Test func kindComesFromCodeAndDomainNotFromText() {
        func issue(_ code: Int, domain: Int = 1, bytes: Bool = false, _ message: String) -> XMLIssue {
            var i = XMLIssue(level: .fatal, code: code, message: message, line: 1, column: 1)
            i.domain = domain
            i.quotesBytes = bytes
            return i
        }
        #expect(issue(89, "anything at all").kind == .unsafe)  // XML_ERR_ENTITY_LOOP
        #expect(issue(73, "Detected an entity reference loop (amplification); encoding UTF-8").kind == .syntax)
        #expect(issue(32, "no words about it").kind == .encoding)  // XML_ERR_UNSUPPORTED_ENCODING
        #expect(issue(81, "").kind == .encoding)  // XML_ERR_INVALID_ENCODING
        #expect(issue(6003, domain: 27, "").kind == .encoding)  // XML_FROM_I18N
        #expect(issue(9, bytes: true, "").kind == .encoding)  // not UTF-8: libxml2 quotes the bytes
        #expect(issue(9, "Input is not proper UTF-8").kind == .syntax)  // a forbidden character: no bytes quoted
    }

    /// End to end: a control character is a syntax error; bytes that are not UTF-8 an encoding error.
    @Test func controlCharacterIsSyntaxInvalidUTF8IsEncoding() throws {
        let control = readError("<TEI><teiHeader/><text><body><p>a\u{1}b</p></body></text></TEI>")
        #expect(control?.kind == .syntax)
        let bytes = Array("<TEI><teiHeader/><text><body><p>a".utf8) + [0xFF, 0xFE] + Array("</p></body></text></TEI>".utf8)
        let invalid = #expect(throws: CorpusError.self) { try TEIReader().readDocuments(.bytes(bytes, name: "b.xml")) }
        #expect(invalid?.kind == .encoding)
    }

    /// No Swift source in the TEI target reads libxml2's message text to decide anything.
    @Test func noSourceMatchesOnLibXMLMessageText() throws {
        let dir = Fixtures.packageRoot.appendingPathComponent("Sources/CorpusTEI")
        let files = FileManager.default.enumerator(atPath: dir.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOfFile: dir.appendingPathComponent(file).path, encoding: .utf8)
            for pattern in ["message.contains(", "message.hasPrefix(", "message.hasSuffix(", "message.range(of:"] {
                #expect(!text.contains(pattern), "\(file) matches on message text: \(pattern)")
            }
        }
    }
}

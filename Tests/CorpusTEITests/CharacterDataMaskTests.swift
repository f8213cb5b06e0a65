import CorpusModel
import CorpusTestSupport
import Foundation
import Testing

@testable import CorpusTEI

/// libxml2 fed masked text (``CharacterDataMask``) must report exactly what it reports fed
/// the input as it is: the same elements, attributes, text, entities, and the same first
/// error with the same line and column, for any chunk size.
@Suite struct CharacterDataMaskTests {
    /// Every event, text merged between the other events (libxml2 splits text differently
    /// on its fast and slow paths; the handler's text handling does not depend on the split).
    final class Recorder: SAXEventHandler {
        var events: [String] = []
        var text: [UInt8] = []

        func flush() {
            guard !text.isEmpty else { return }
            events.append("text " + String(decoding: text, as: UTF8.self))
            text = []
        }

        func startElement(_ localName: String, namespace: XMLNamespaceKind, attributes: XMLAttributes) throws {
            flush()
            let attributes = attributes.all().map { "\($0.name)=\($0.value)" }.joined(separator: " ")
            events.append("start \(localName) \(namespace) \(attributes)")
        }

        func endElement(_ localName: String, namespace: XMLNamespaceKind) throws {
            flush()
            events.append("end \(localName)")
        }

        func characters(_ text: UnsafeBufferPointer<UInt8>) throws { self.text.append(contentsOf: text) }

        func unexpandedEntity(_ name: String, systemID: String?) throws {
            flush()
            events.append("entity \(name) \(systemID ?? "-")")
        }
    }

    static func parse(_ bytes: [UInt8], masked: Bool, chunkSize: Int) -> [String] {
        let recorder = Recorder()
        let parser = SAXPushParser(handler: recorder, fileName: "t.xml", masksText: masked)
        var outcome = "ok"
        do {
            try parser.parse(.bytes(bytes, name: "t.xml"), chunkSize: chunkSize)
        } catch let error as CorpusError {
            outcome = "error \(error.kind) \(error.description)"
        } catch {
            outcome = "error \(error)"
        }
        recorder.flush()
        return recorder.events + [outcome]
    }

    /// The masked parse gives what the plain one gives, at each chunk size.
    static func expectSame(_ bytes: [UInt8], label: String, chunkSizes: [Int] = [1, 3, 7, 64, 4096, 1 << 20]) {
        let plain = parse(bytes, masked: false, chunkSize: 1 << 20)
        for size in chunkSizes {
            let masked = parse(bytes, masked: true, chunkSize: size)
            #expect(masked == plain, "\(label), chunks of \(size)")
        }
    }

    static let kazakh = "Оның үстіне ГФР-дың экономикалық үлгісі біз үшін неғұрлым тартымды."
    static func tei(_ body: String, declaration: String = #"<?xml version="1.0" encoding="UTF-8"?>"#) -> String {
        declaration + "\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>Тақырып</title></titleStmt></fileDesc></teiHeader>\n<text><body>\n"
            + body + "\n</body></text></TEI>\n"
    }

    static let hostile: [(String, [UInt8])] = {
        var cases: [(String, [UInt8])] = []
        func add(_ label: String, _ text: String) { cases.append((label, Array(text.utf8))) }
        func addBytes(_ label: String, _ bytes: [UInt8]) { cases.append((label, bytes)) }
        let k = kazakh
        add("plain", tei("<p xml:id=\"p1\"><s xml:id=\"p1.s1\">\(k)</s><s>\(k) \(k)</s></p>"))
        add("no declaration", "<TEI><text><body><p>\(k)</p></body></text></TEI>")
        add("single-quoted declaration", tei("<p>\(k)</p>", declaration: "<?xml version='1.0' encoding = 'utf-8' ?>"))
        add("declaration without encoding", tei("<p>\(k)</p>", declaration: "<?xml version=\"1.0\"?>"))
        add("BOM and CRLF", "\u{FEFF}" + tei("<p>\r\n\(k)\r\n<lb/>\(k)\r\n</p>").replacingOccurrences(of: "\n", with: "\r\n"))
        add("lone CR", tei("<p>\(k)\r\(k)</p>"))
        add("tabs and newlines", tei("<p>\n\t\(k)\n\n\t  \(k)  \n</p>"))
        add("markup in attributes", tei("<p n=\"a>b 'ы'\" rend='\"қ\">'>\(k)<hi rend=\"x/\">\(k)</hi><lb/>\(k)</p>"))
        add("comments, PIs, CDATA", tei("<p><!-- \(k) <s> --> \(k)<?pi \(k) > ?>\(k)<![CDATA[\(k) <b> ]] ]]>\(k)</p>"))
        add("entities and references", tei("<p>\(k) &amp; \(k) &#1040;&#x4d8; &lt;\(k)&gt; \(k)</p>"))
        add("internal subset", "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [<!ENTITY k \"\(k) <hi>қ</hi>\">]>\n<TEI><text><body><p>&k; \(k)</p></body></text></TEI>")
        add("undeclared entity", tei("<p>\(k) &nbsp; \(k)</p>"))
        add("external entity", "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<TEI><text><body><p>\(k) &x;</p></body></text></TEI>")
        add("CJK, emoji, NEL, BOM inside", tei("<p>漢字テキスト 😀🇰🇿 \u{85} \u{FEFF} ꙮ \(k)</p>"))
        add("Cyrillic element names", tei("<p><сөз түрі=\"зат\">\(k)</сөз></p>"))
        add("mismatched tag after text", tei("<p>\(k) \(k)</s></p>"))
        add("text after the root", tei("<p>\(k)</p>") + "\(k)\n")
        add("text before the root", "<?xml version=\"1.0\"?>\n\(k)<TEI/>")
        add("cut short inside text", String(tei("<p>\(k) \(k)</p>").prefix(260)))
        add("cut short inside a tag", String(tei("<p>\(k)<hi rend=\"қазақ\">\(k)</hi></p>").prefix(270)))
        add("]]> in text", tei("<p>\(k) ]]> \(k)</p>"))
        add("] and ]] in text", tei("<p>\(k) ] ]] ]>\(k)</p>"))
        add("control byte", tei("<p>\(k)\u{01}\(k)</p>"))
        add("DEL", tei("<p>\(k)\u{7F}\(k)</p>"))
        add("U+FFFE", tei("<p>\(k)\u{FFFE}\(k)</p>"))
        add("bad comment", tei("<p>\(k)<!-- қ -- қ -->\(k)</p>"))
        add("self-closing root", "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"/>")
        add("xml-stylesheet first", "<?xml-stylesheet href=\"a.xsl\"?><TEI><text><body><p>\(k)</p></body></text></TEI>")
        add("runs of 1 to 40 two-byte characters", tei((1...40).map { "<p>" + String(repeating: "ө", count: $0) + "</p><p>" + String(repeating: "ә", count: $0) + "x</p>" }.joined()))
        add("long run", tei("<p>" + String(repeating: k + " ", count: 1200) + "</p>"))
        add("many short runs", tei((0..<300).map { "<p xml:id=\"p\($0)\"><s>\(k)</s>\n<s>\($0) \(k)</s></p>" }.joined(separator: "\n")))
        let valid = Array(tei("<p>\(k)<hi>XX</hi>\(k)</p>").utf8)
        func spliced(_ label: String, _ bad: [UInt8], at marker: String = "XX") {
            var bytes = valid
            let m = Array(marker.utf8)
            if let i = (0...(bytes.count - m.count)).first(where: { Array(bytes[$0..<($0 + m.count)]) == m }) {
                bytes.replaceSubrange(i..<(i + m.count), with: bad)
            }
            addBytes(label, bytes)
        }
        spliced("lone continuation byte", [0x41, 0x80, 0x42])
        spliced("truncated sequence before <", [0xD0])
        spliced("overlong", [0xC0, 0x80])
        spliced("surrogate", [0xED, 0xA0, 0x80])
        spliced("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80])
        spliced("F5 lead", [0xF5, 0x80, 0x80, 0x80])
        spliced("U+FFFF", [0xEF, 0xBF, 0xBF])
        spliced("NUL", [0x00])
        addBytes("bad UTF-8 ending an attribute, text after it",
                 Array(tei("<p><hi rend=\"ab").utf8) + [0xD0] + Array("\">\(k)</hi></p>".utf8))
        addBytes("bad UTF-8 ending a comment, text after it",
                 Array(tei("<p><!-- ab").utf8) + [0xE2, 0x82] + Array("-->\(k)</p>".utf8))
        addBytes("bad UTF-8 ending a PI, text after it",
                 Array(tei("<p><?pi ab").utf8) + [0xF0, 0x9F] + Array("?>\(k)</p>".utf8))
        addBytes("bad UTF-8 in an end tag name", Array(tei("<p>\(k)</p").utf8) + [0xD0] + Array(">\(k)</p>".utf8))
        // Other encodings: masking must stay off.
        let latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><TEI><text><body><p>caf\u{E9} \u{C0}</p></body></text></TEI>"
        addBytes("ISO-8859-1", Array(latin1.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }))
        addBytes("windows-1251 declared, UTF-8 bytes", Array(tei("<p>\(k)</p>", declaration: "<?xml version=\"1.0\" encoding=\"windows-1251\"?>").utf8))
        addBytes("US-ASCII declared", Array(tei("<p>\(k)</p>", declaration: "<?xml version=\"1.0\" encoding=\"US-ASCII\"?>").utf8))
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in tei("<p>\(k)</p>", declaration: "<?xml version=\"1.0\" encoding=\"UTF-16\"?>").utf16 {
            utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        addBytes("UTF-16LE with BOM", utf16)
        addBytes("leading space", Array((" " + tei("<p>\(k)</p>", declaration: "")).utf8))
        addBytes("empty", [])
        addBytes("not XML", Array("\(k)\n\(k)\n".utf8))
        return cases
    }()

    @Test func hostileInputsParseTheSameMaskedOrNot() {
        for (label, bytes) in Self.hostile {
            Self.expectSame(bytes, label: label)
        }
    }

    @Test func masksOnlyWhereItShould() {
        #expect(Self.hostile.count > 45)
        // The plain Kazakh case really was masked: libxml2 got fewer bytes than the input.
        let mask = CharacterDataMask()
        let bytes = Array(Self.tei("<p>\(Self.kazakh)</p>").utf8)
        var fed = 0
        bytes.withUnsafeBytes { raw in
            mask.mask(raw) { fed += $0.count }
            mask.finish { fed += $0.count }
        }
        #expect(mask.isActive)
        let title = "Тақырып"  // in the header, also element text
        #expect(fed == bytes.count - (Self.kazakh.utf8.count - Self.kazakh.count) - (title.utf8.count - title.count))
        // ISO-8859-1 input never is.
        let latin = CharacterDataMask()
        let declared = Array(Self.tei("<p>\(Self.kazakh)</p>", declaration: #"<?xml version="1.0" encoding="ISO-8859-1"?>"#).utf8)
        fed = 0
        declared.withUnsafeBytes { raw in
            latin.mask(raw) { fed += $0.count }
            latin.finish { fed += $0.count }
        }
        #expect(!latin.isActive)
        #expect(fed == declared.count)
    }

    @Test func samplesParseTheSameMaskedOrNot() throws {
        for name in Fixtures.sampleFiles() {
            let bytes = try InputSource.file(Fixtures.sample(name)).readAll()
            Self.expectSame(bytes, label: name, chunkSizes: [4096, 1 << 20])
        }
    }

    /// Damaged copies of Kazakh TEI (bytes replaced by markup characters, invalid UTF-8,
    /// control bytes; bytes deleted; cut short) give the same events and errors.
    @Test func damagedInputsParseTheSameMaskedOrNot() {
        let original = Array(Self.tei((0..<12).map { "<p xml:id=\"p\($0)\"><s xml:id=\"p\($0).s1\">\(Self.kazakh)</s>\n<s n='\($0)'>\(Self.kazakh) <hi rend=\"қ\">\(Self.kazakh)</hi></s></p>" }
            .joined(separator: "\n")).utf8)
        let replacements: [UInt8] = Array("<>&]/\"'!?-;\r\n\t".utf8) + [0x00, 0x01, 0x80, 0xBF, 0xC0, 0xD0, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        var rng = SplitMix64(seed: 11)
        for round in 0..<400 {
            var bytes = original
            switch round % 3 {
            case 0:
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = replacements.randomElement(using: &rng)!
                }
            case 1:
                let start = Int.random(in: 0..<bytes.count, using: &rng)
                bytes.removeSubrange(start..<min(bytes.count, start + Int.random(in: 1...12, using: &rng)))
            default:
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
            }
            Self.expectSame(bytes, label: "round \(round)", chunkSizes: [Int.random(in: 1...300, using: &rng), 1 << 20])
        }
    }

    /// libxml2 passes one text node in pieces (at its 300-byte buffer, at the first
    /// non-ASCII character after ASCII, at entities): loose header text and loose text
    /// in a `choice` still make one value each, with or without masking.
    @Test func textInPiecesMakesOneValue() throws {
        let long = String(repeating: Self.kazakh + " ", count: 8)
        let text = "Beschwert sich über die \(long) &amp; more"
        let expected = "Beschwert sich über die \(long)& more"
        let xml = """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc>
            <profileDesc><textDesc><purpose>\(text)</purpose></textDesc></profileDesc></teiHeader>
            <text><body><p><choice>\(text)</choice></p></body></text></TEI>
            """
        let docs = try TEIReader().readDocuments(.string(xml, name: "t.xml"))
        let purposes = docs[0].metadata.extra.filter { $0.key.hasSuffix("purpose") }.map(\.value)
        #expect(purposes == [expected])
        #expect(docs[0].blocks.map(\.plainText) == [expected])
    }
}

import Testing

@testable import CorpusModel

@Suite("Model")
struct ModelTests {
    @Test func idsFollowTheSharedScheme() {
        let block = CorpusID.block("DOC", 3)
        let sentence = CorpusID.sentence(block, 2)
        #expect(block == "DOC.p3")
        #expect(sentence == "DOC.p3.s2")
        #expect(CorpusID.token(sentence, 5) == "DOC.p3.s2.w5")
    }

    @Test("document ids from file names are NCNames", arguments: [
        ("000_41c5c0974157b10e", "doc_000_41c5c0974157b10e"),
        ("report", "report"),
        ("мәтін 1", "мәтін_1"),
        ("a:b", "a_b"),
        ("", "doc"),
        (".hidden", "doc_.hidden"),
    ])
    func documentIDs(raw: String, expected: String) {
        let id = CorpusID.documentID(from: raw)
        #expect(id == expected)
        #expect(CorpusID.isNCName(id))
    }

    @Test func ncnameRules() {
        #expect(CorpusID.isNCName("s1"))
        #expect(CorpusID.isNCName("қаз.p1"))
        #expect(!CorpusID.isNCName("2s"))
        #expect(!CorpusID.isNCName("a:b"))
        #expect(!CorpusID.isNCName(""))
        #expect(!CorpusID.isNCName("a b"))
    }

    /// The ASCII bit masks agree with the scalar rules for every ASCII byte, first and later.
    @Test func ncnameASCIIMasksMatchScalarRules() {
        for value in UInt8(0)..<0x80 {
            let c = Unicode.Scalar(value)
            #expect(CorpusID.asciiNameStart(value) == CorpusID.isNameStart(c), "start \(value)")
            #expect(CorpusID.asciiNameChar(value) == CorpusID.isNameChar(c), "char \(value)")
            #expect(CorpusID.isNCName(String(c)) == CorpusID.isNameStart(c), "alone \(value)")
            #expect(CorpusID.isNCName("a" + String(c)) == CorpusID.isNameChar(c), "after a letter \(value)")
            // Long (heap) and small strings, and a non-ASCII scalar after the byte.
            #expect(CorpusID.isNCName("doc.p12345.s678" + String(c)) == CorpusID.isNameChar(c), "long \(value)")
            #expect(CorpusID.isNCName("a" + String(c) + "ә") == CorpusID.isNameChar(c), "before non-ASCII \(value)")
        }
        #expect(CorpusID.isNCName("corpus.p123456.s12"))
        #expect(!CorpusID.isNCName("corpus.p123456.s12:x"))
    }

    @Test func locationCountsCharactersNotBytes() {
        let bytes = Array("әб\nвгд".utf8)
        let loc = SourceLocation.of(byteOffset: bytes.count - 2, in: bytes)
        #expect(loc.line == 2)
        #expect(loc.column == 3)
    }

    @Test func errorsPrintLikeCompilers() {
        let e = CorpusError(.syntax, "bad thing", file: "a.xml", location: SourceLocation(line: 3, column: 7))
        #expect(e.description == "a.xml:3:7: error: bad thing")
        let b = CorpusError(.encoding, "invalid UTF-8", file: "a.txt", location: SourceLocation(byteOffset: 12))
        #expect(b.description == "a.txt: error: invalid UTF-8 (at byte 12)")
        #expect(CorpusError(.usage, "x").naming("f").file == "f")
    }

    @Test func collectorAndReplayAreInverse() throws {
        let doc = Document(id: "d", metadata: Metadata(title: "T"), blocks: [
            Block(id: "d.p1", kind: .heading(level: 2), content: .text("Басы")),
            Block(id: "d.p2", content: .sentences([Sentence(id: "d.p2.s1", text: "Иә.")])),
        ])
        let collector = DocumentCollector()
        try collector.receive(document: doc)
        try collector.receive(document: Document(id: "e"))
        try collector.finish()
        #expect(collector.documents == [doc, Document(id: "e")])
    }

    @Test func tokensRebuildText() {
        let tokens = [Token("Иә", kind: .word, spaceAfter: false), Token(",", kind: .punctuation, spaceAfter: true),
                      Token("рас", kind: .word, spaceAfter: false), Token(".", kind: .punctuation, spaceAfter: true)]
        #expect(Token.rebuild(tokens) == "Иә, рас.")
    }

    @Test func optionsParseAndReject() throws {
        let o: FormatOptions = ["indent": "2", "tokens": "", "layout": "odd"]
        #expect(try o.integer("indent", default: 0) == 2)
        #expect(o.flag("tokens"))
        #expect(!o.flag("missing"))
        #expect(throws: CorpusError.self) { try o.choice("layout", ["auto", "tabbed"], default: "auto") }
        #expect(try FormatOptions().choice("layout", ["auto"], default: "auto") == "auto")
    }

    @Test func blockKindNamesRoundTrip() {
        for name in BlockKind.allNames {
            #expect(BlockKind(name: name, level: 2)?.name == name)
        }
        #expect(BlockKind(name: "heading", level: 3) == .heading(level: 3))
        #expect(BlockKind(name: "chapter") == nil)
    }
}

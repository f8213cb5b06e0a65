import CorpusModel
import Foundation
import CorpusTestSupport
import Testing

@testable import CorpusVRT

/// The VRT reader: structures to the model, multiword lines, errors with their place.
@Suite struct VRTReaderTests {
    static let small = """
        <text id="t1" title="Тест" lang="kk">
        <p id="t1.p1">
        <s id="t1.p1.s1">
        Сәлем\tсәлем\tINTJ
        <g/>
        !\t!\tPUNCT
        </s>
        </p>
        </text>

        """

    func read(_ text: String, options: FormatOptions = ["p-attrs": "word,lemma,upos"]) throws -> [Document] {
        try VRTReader().readDocuments(.string(text, name: "x.vrt"), options: options)
    }

    @Test func readsDocumentsBlocksSentencesAndTokens() throws {
        let docs = try read(Self.small)
        #expect(docs.count == 1)
        #expect(docs[0].id == "t1" && docs[0].metadata.title == "Тест" && docs[0].metadata.language == "kk")
        let s = try #require(docs[0].blocks.first?.sentences.first)
        #expect(s.id == "t1.p1.s1")
        #expect(s.text == "Сәлем!")
        #expect(s.tokens?.map(\.lemma) == ["сәлем", "!"])
        #expect(s.tokens?.map(\.kind) == [.word, .punctuation])
    }

    /// A file of several MiB is read in 1 MiB chunks: lines cut by a chunk edge must come out whole.
    @Test func aLargeFileReadsBackAsWritten() throws {
        var sentences: [Sentence] = []
        for n in 1...12_000 {
            let tokens = [
                Token("сөз\(n)", kind: .word, spaceAfter: true, lemma: "сөз", upos: "NOUN", feats: "Case=Nom|Number=Sing", head: 2, deprel: "nsubj"),
                Token("бар", kind: .word, spaceAfter: false, lemma: "бар", upos: "VERB", head: 0, deprel: "root"),
                Token(".", kind: .punctuation, spaceAfter: true, lemma: ".", upos: "PUNCT", head: 2, deprel: "punct"),
            ]
            sentences.append(Sentence(id: "big.p1.s\(n)", text: Token.rebuild(tokens), tokens: tokens))
        }
        let doc = Document(id: "big", blocks: [Block(id: "big.p1", content: .sentences(sentences))])
        let bytes = try VRTWriter().write([doc])
        #expect(bytes.count > 1 << 20)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("corpuskit-vrt-\(UUID().uuidString).vrt").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let back = try VRTReader().readDocuments(.file(path))
        #expect(back == [doc])
    }

    @Test func tokensWithoutStructuresStillMakeSentences() throws {
        let docs = try read("a\ta\tX\nb\tb\tX\n")
        #expect(docs.count == 1)
        #expect(docs[0].id == "x")
        #expect(docs[0].blocks.first?.sentences.first?.text == "a b")
    }

    @Test(arguments: [
        ("<s id=\"a\">\nw\tl\n</s>\n", 2, 4, "2 column(s)"),
        ("<s id=\"a\">\nw\tl\tX\textra\n</s>\n", 2, 7, "4 column(s)"),
        ("<p id=\"p\">\n<s id=\"a\">\nw\tl\tX\n</p>\n", 4, 1, "does not match <s> opened on line 2"),
        ("</s>\n", 1, 1, "closes nothing"),
        ("<s id=\"a>\n", 1, 7, "not closed"),
        ("<s id=\"a\"\n", 1, 10, "end with '>'"),
        ("<s>\nw &bogus; x\tl\tX\n</s>\n", 2, 3, "unknown entity"),
        ("<s>\nсөз\rx\tl\tX\r\n</s>\n", 2, 4, "carriage return"),  // a fuzz finding: CR inside a value
        ("<s>\n\tl\tX\n</s>\n", 2, 1, "needs a word"),
        ("<s>\nсөз&#+0;\tl\tX\n</s>\n", 2, 4, "unknown entity"),  // a fuzz finding: NUL by reference
        ("<s>\nw\tl&#x9;\tX\n</s>\n", 2, 4, "unknown entity"),
    ])
    func badInputIsALocatedError(input: String, line: Int, column: Int, message: String) throws {
        let error = #expect(throws: CorpusError.self) { try read(input) }
        #expect(error?.file == "x.vrt")
        #expect(error?.location?.line == line)
        #expect(error?.location?.column == column, "\(error?.description ?? "")")
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    @Test func invalidUTF8IsAnEncodingErrorWithItsPlace() throws {
        let bytes: [UInt8] = Array("<s>\nab".utf8) + [0xFF] + Array("\tl\tX\n</s>\n".utf8)
        let error = #expect(throws: CorpusError.self) {
            try VRTReader().readDocuments(.bytes(bytes, name: "x.vrt"), options: ["p-attrs": "word,lemma,upos"])
        }
        #expect(error?.kind == .encoding)
        #expect(error?.location?.line == 2 && error?.location?.column == 3)
    }

    @Test func sniffRecognisesVerticalText() {
        #expect(VRTReader().sniff(Array(Self.small.utf8)) == .certain)
        #expect(VRTReader().sniff(Array("<?xml version=\"1.0\"?>\n<TEI>".utf8)) == .no)
        #expect(VRTReader().sniff(Array("plain text\n".utf8)) == .no)
    }

    /// Damaged copies (truncated, bytes flipped, bytes deleted) of a VRT with every structure
    /// end in documents or a located `CorpusError`, never a crash; what reads writes again.
    @Test func damagedInputNeverCrashes() throws {
        let original = try VRTWriter().write([VRTWriterTests.sample()])
        var rng = SplitMix64(seed: 12)
        var errors = 0
        var results = 0
        for round in 0..<600 {
            var bytes = original
            switch round % 3 {
            case 0: bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
            case 1:
                for _ in 0..<Int.random(in: 1...6, using: &rng) {
                    let pool: [UInt8] = [0x3C, 0x3E, 0x2F, 0x09, 0x0A, 0x22, 0x26, 0x7C, 0x3D, 0xFF, 0x20, 0x41]
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = pool.randomElement(using: &rng) ?? 0
                }
            default:
                let start = Int.random(in: 0..<bytes.count, using: &rng)
                bytes.removeSubrange(start..<min(bytes.count, start + Int.random(in: 1...40, using: &rng)))
            }
            do {
                let docs = try VRTReader().readDocuments(.bytes(bytes, name: "m\(round).vrt"))
                _ = try VRTWriter().write(docs)
                results += 1
            } catch let error as CorpusError {
                #expect(error.file == "m\(round).vrt" || error.file == "<memory>", "\(error)")
                if error.file == "m\(round).vrt" { #expect(error.location?.line != nil, "\(error)") }
                errors += 1
            }
        }
        #expect(errors > 0 && results > 0)
        print("VRT mutations: \(results) read and written again, \(errors) located errors, no crash")
    }

    /// A fuzz finding: a multiword line whose columns do not have one value per word.
    @Test func multiwordColumnsMustHaveOneValuePerWordOrOneForAll() throws {
        let columns: FormatOptions = ["p-attrs": "word,norm,lemma,id"]
        let ok = try read("<s>\nдуле\tде|ле\tде\tw1|w2\n</s>\n", options: columns)
        let s = try #require(ok.first?.blocks.first?.sentences.first)
        #expect(s.tokens?.map(\.form) == ["де", "ле"])
        #expect(s.tokens?.map(\.lemma) == ["де", "де"])  // one value for both words
        #expect(s.multiwordTokens == [MultiwordToken(first: 1, last: 2, form: "дуле")])
        let error = #expect(throws: CorpusError.self) {
            try read("<s>\nx\tде|ле\tде\tw1|w2|w3\n</s>\n", options: columns)
        }
        #expect(error?.location?.line == 2)
        #expect(error?.message.contains("column 2 (norm) has 2") == true, "\(error?.message ?? "")")
    }
}

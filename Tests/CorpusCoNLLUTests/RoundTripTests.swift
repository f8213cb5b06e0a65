import CorpusModel
import Foundation
import Testing

@testable import CorpusCoNLLU

/// CoNLL-U → model → CoNLL-U gives the same bytes, on a real treebank and on the
/// specification's cases, and the model holds what the file says.
@Suite("CoNLL-U round trips")
struct RoundTripTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return Array(try Data(contentsOf: url))
    }

    static func roundTrip(_ bytes: [UInt8], name: String = "x.conllu") throws -> [UInt8] {
        try CoNLLUWriter().write(try CoNLLUReader().readDocuments(.bytes(bytes, name: name)))
    }

    @Test("UD Kazakh KTB train round-trips byte for byte", arguments: ["kk_ktb-ud-train.conllu", "empty-nodes.conllu"])
    func byteIdentical(name: String) throws {
        let original = try Self.fixture(name)
        let again = try Self.roundTrip(original, name: name)
        #expect(again == original, "first difference at byte \(Array(zip(again, original)).firstIndex { $0.0 != $0.1 } ?? min(again.count, original.count))")
    }

    @Test("a file larger than one read chunk (1 MiB) round-trips byte for byte")
    func largerThanAChunk() throws {
        let ktb = try Self.fixture("kk_ktb-ud-train.conllu")
        let big = Array((0..<30).map { _ in ktb }.joined())
        #expect(big.count > 1 << 20)
        let docs = try CoNLLUReader().readDocuments(.bytes(big, name: "big.conllu"))
        #expect(docs.flatMap(\.blocks).flatMap(\.sentences).count == 31 * 30)
        #expect(try CoNLLUWriter().write(docs) == big)
    }

    @Test("KTB in the model: 31 sentences, 529 words, 9 ranges; text rebuilt; source ids kept")
    func ktbModel() throws {
        let docs = try CoNLLUReader().readDocuments(.bytes(try Self.fixture("kk_ktb-ud-train.conllu"), name: "kk_ktb-ud-train.conllu"))
        #expect(docs.count == 1)
        #expect(docs[0].id == "kk_ktb-ud-train")
        #expect(docs[0].metadata.extraValue(CoNLLUFormat.noNewdocKey) == CoNLLUFormat.absent)
        let sentences = docs[0].blocks.flatMap(\.sentences)
        #expect(sentences.count == 31)
        #expect(sentences.reduce(0) { $0 + ($1.tokens?.count ?? 0) } == 529)
        #expect(sentences.reduce(0) { $0 + $1.multiwordTokens.count } == 9)
        for s in sentences { #expect(s.rebuiltText == s.text) }
        let first = sentences[0]
        // `sholpan.tagged.txt:1:0` is not an XML NCName: the id is generated, the source id kept.
        #expect(first.id == "kk_ktb-ud-train.p1.s1")
        #expect(first.attributes == [MetadataPair("sent_id", "sholpan.tagged.txt:1:0")])
        let range = try #require(first.multiwordTokens.first)
        #expect(range == MultiwordToken(first: 12, last: 13, form: "Баласыз", spaceAfter: true, misc: nil))
        let tokens = try #require(first.tokens)
        #expect(tokens[8].form == "кеңескенде" && tokens[8].spaceAfter == false && tokens[8].misc == nil)
        #expect(tokens[3].feats == "Case=Nom|Number[psor]=Plur,Sing|Person[psor]=3")
        #expect(tokens[23].head == 0 && tokens[23].deprel == "root" && tokens[23].kind == .word)
        #expect(tokens[9].kind == .punctuation && tokens[9].xpos == "sent")
        #expect(first.text.hasPrefix("Шолпан Сәрсенбайға шыққан жылы") && first.text.contains("«Баласыз өмірдің"))
    }

    @Test("empty nodes, ranges, comments, newdoc and newpar from the specification's cases")
    func specificationCases() throws {
        let docs = try CoNLLUReader().readDocuments(.bytes(try Self.fixture("empty-nodes.conllu")))
        #expect(docs.map(\.id) == ["spec-examples"])
        #expect(docs[0].blocks.map(\.id) == ["spec-examples-p1", "spec-examples-p2"])
        let s = docs[0].blocks.flatMap(\.sentences)
        #expect(s.map(\.id) == ["gapping", "two-empty-nodes", "ranges", "empty-node-first"])
        #expect(s[0].emptyNodes == [EmptyNode(after: 5, index: 1, form: "likes", lemma: "like", upos: "VERB", xpos: "VBZ",
                                              feats: "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin", deps: "2:conj",
                                              misc: "CopyOf=2")])
        #expect(s[0].comments == ["source = CoNLL-U specification, enhanced dependencies (gapping)"])
        #expect(s[0].tokens?[5].spaceAfter == false && s[0].text == "Sue likes coffee and Bill tea.")
        #expect(s[1].emptyNodes.map { "\($0.after).\($0.index)" } == ["4.1", "4.2"])
        #expect(s[1].emptyNodes[0].form == nil)
        #expect(s[2].multiwordTokens.map(\.form) == ["vámonos", "al"] && s[2].text == "vámonos al mar")
        #expect(s[2].tokens?.map(\.form) == ["vamos", "nos", "a", "el", "mar"])
        #expect(s[3].emptyNodes.first?.after == 0 && s[3].text == "Yes.")
    }

    @Test("a # text the words do not spell stays a comment; the sentence text is what they spell")
    func mismatchedText() throws {
        let file = "# sent_id = a\n# text = Hello  world\n1\tHello\t_\t_\t_\t_\t_\t_\t_\t_\n2\tworld\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
        let docs = try CoNLLUReader().readDocuments(.string(file))
        let s = try #require(docs.first?.blocks.first?.sentences.first)
        #expect(s.text == "Hello world")
        #expect(s.comments == ["text = Hello  world"])
        #expect(try CoNLLUWriter().string(docs) == file)
    }

    @Test("a repeated # text, newdoc or sent_id stays a comment and survives a second round trip")
    func repeatedComments() throws {
        let w = "1\tHi\t_\t_\t_\t_\t_\t_\t_\t_\n"
        let file = "# sent_id = a\n# text = Hi\n# newdoc id = b\n# sent_id = c\n# text = Hi\n# text = other\n" + w + "\n"
        let docs = try CoNLLUReader().readDocuments(.string(file))
        let s = try #require(docs.first?.blocks.first?.sentences.first)
        #expect(s.comments == ["newdoc id = b", "sent_id = c", "text = Hi", "text = other"])
        let written = try CoNLLUWriter().string(docs)
        #expect(written == file)
        #expect(try CoNLLUReader().readDocuments(.string(written)) == docs)
    }

    @Test("a form that starts with a combining mark: # text still matches (scalars, not characters)")
    func combiningMarkAfterEquals() throws {
        let file = "# sent_id = a\n# text = \u{0615}x\n1\t\u{0615}x\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
        let docs = try CoNLLUReader().readDocuments(.string(file))
        #expect(docs.first?.blocks.first?.sentences.first?.comments == [])
        #expect(try CoNLLUWriter().string(docs) == file)
    }

    @Test("without # text the text is rebuilt, and the writer adds # sent_id and # text")
    func missingText() throws {
        let file = "1-2\tdu\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n1\tde\t_\t_\t_\t_\t_\t_\t_\t_\n2\tle\t_\t_\t_\t_\t_\t_\t_\t_\n3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n"
        let docs = try CoNLLUReader().readDocuments(.string(file, name: "m.conllu"))
        let s = try #require(docs.first?.blocks.first?.sentences.first)
        #expect(s.text == "du.")
        #expect(try CoNLLUWriter().string(docs) == "# sent_id = m.p1.s1\n# text = du.\n" + file + "\n")
    }
}

/// The reader recognizes CoNLL-U by its first lines (for stdin and unknown extensions).
@Suite("CoNLL-U sniffing")
struct SniffTests {
    @Test("comments or a 10-column word line say CoNLL-U; text and sentence tables do not")
    func sniff() throws {
        let reader = CoNLLUReader()
        #expect(reader.sniff(Array(try RoundTripTests.fixture("kk_ktb-ud-train.conllu").prefix(4096))) == .likely)
        #expect(reader.sniff(Array("1\ta\t_\t_\t_\t_\t0\troot\t_\t_\r\n".utf8)) == .likely)
        #expect(reader.sniff(Array("Бұл мәтін. Екінші сөйлем.\n".utf8)) == .no)
        #expect(reader.sniff(Array("doc_id\tblock_id\ttext\nd\td.p1\tСәлем\n".utf8)) == .no)
    }
}

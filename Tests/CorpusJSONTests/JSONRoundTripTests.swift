import CorpusModel
import Foundation
import Testing

@testable import CorpusJSON

@Suite("JSON round trips")
struct JSONRoundTripTests {
    static let seeds: [UInt64] = Array(1...60)

    @Test("model → JSON → model is identity (pretty and compact)", arguments: seeds)
    func modelRoundTrip(seed: UInt64) throws {
        var generator = DocumentGenerator(seed: seed)
        let documents = (0..<3).map { generator.document($0) }
        for options in [FormatOptions(), FormatOptions(["compact": "true"])] {
            let bytes = try JSONWriter().write(documents, options: options)
            let back = try JSONReader().readDocuments(.bytes(bytes))
            #expect(back == documents)
        }
    }

    @Test("model → JSON Lines → model is identity, one document per line", arguments: seeds)
    func linesRoundTrip(seed: UInt64) throws {
        var generator = DocumentGenerator(seed: seed)
        let documents = (0..<4).map { generator.document($0) }
        let bytes = try JSONLinesWriter().write(documents)
        #expect(bytes.filter { $0 == 0x0A }.count == documents.count)
        let back = try JSONLinesReader().readDocuments(.bytes(bytes))
        #expect(back == documents)
    }

    @Test("the hand-written writer and the model's Codable agree")
    func writerMatchesCodable() throws {
        var generator = DocumentGenerator(seed: 99)
        let documents = (0..<5).map { generator.document($0) }
        let ours = try JSONDecoder().decode(CorpusFile.self, from: Data(try JSONWriter().write(documents)))
        let encoded = try JSONEncoder().encode(documents)
        let theirs = try JSONDecoder().decode([Document].self, from: encoded)
        #expect(ours.documents == theirs)
    }

    @Test("a JSON file converts to JSON byte for byte")
    func byteForByte() throws {
        let url = Bundle.module.url(forResource: "small", withExtension: "json", subdirectory: "Fixtures")!
        let original = try JSONWriter().write(try JSONReader().readDocuments(.file(url.path)))
        let again = try JSONWriter().write(try JSONReader().readDocuments(.bytes(original)))
        #expect(original == again)
        let compact = try JSONWriter().write(try JSONReader().readDocuments(.bytes(original)), options: ["compact": "true"])
        #expect(!compact.contains(0x0A) || compact.firstIndex(of: 0x0A) == compact.count - 1)
    }

    @Test("pretty output is deterministic across runs and streams large documents")
    func deterministic() throws {
        var generator = DocumentGenerator(seed: 7)
        let documents = (0..<3).map { generator.document($0) }
        #expect(try JSONWriter().write(documents) == JSONWriter().write(documents))
    }

    @Test("the generated seeds carry version 2 annotation: token fields, ranges, empty nodes, comments")
    func seedsAreAnnotated() {
        let sentences = Self.seeds.flatMap { seed -> [Sentence] in
            var generator = DocumentGenerator(seed: seed)
            return (0..<3).flatMap { generator.document($0).blocks.flatMap(\.sentences) }
        }
        #expect(sentences.contains { !$0.multiwordTokens.isEmpty })
        #expect(sentences.contains { !$0.emptyNodes.isEmpty })
        #expect(sentences.contains { !$0.comments.isEmpty })
        let tokens = sentences.flatMap { $0.tokens ?? [] }
        #expect(tokens.contains { (t: Token) in t.head != nil && t.feats != nil && !t.attributes.isEmpty })
    }

    @Test("an annotated token is written on one line in the published key order")
    func annotatedTokenLayout() throws {
        let token = Token("du", kind: .word, spaceAfter: false, lemma: "de", upos: "ADP", xpos: "P", feats: "Case=Gen",
                          head: 0, deprel: "root", deps: "0:root", misc: "NER=O", attributes: [MetadataPair("ner", "O")])
        let sentence = Sentence(id: "d.p1.s1", text: "du", tokens: [token], comments: ["c"],
                                multiwordTokens: [MultiwordToken(first: 1, last: 1, form: "du")],
                                emptyNodes: [EmptyNode(after: 1, index: 1, deps: "1:dep")])
        let doc = Document(id: "d", blocks: [Block(id: "d.p1", content: .sentences([sentence]))])
        let json = try JSONWriter().string([doc], options: ["compact": "true"])
        #expect(json.contains(#"{"form":"du","kind":"word","space":false,"lemma":"de","upos":"ADP","xpos":"P","feats":"Case=Gen","head":0,"deprel":"root","deps":"0:root","misc":"NER=O","attributes":[{"key":"ner","value":"O"}]}"#))
        #expect(json.contains(#""multiwordTokens":[{"first":1,"last":1,"form":"du","space":true}],"emptyNodes":[{"after":1,"index":1,"deps":"1:dep"}],"comments":["c"]"#))
        #expect(json.hasPrefix(#"{"version":2,"#))
        #expect(try JSONReader().readDocuments(.string(json)) == [doc])
    }

    @Test("version 1 files are still read (plain tokens, no annotation keys)")
    func readsVersionOne() throws {
        let v1 = #"{"version":1,"documents":[{"id":"d","metadata":{},"blocks":[{"id":"d.p1","kind":"paragraph","sentences":[{"id":"d.p1.s1","text":"Иә.","tokens":[{"form":"Иә","kind":"word","space":false},{"form":".","kind":"punctuation","space":false}]}]}]}]}"#
        let docs = try JSONReader().readDocuments(.string(v1))
        let tokens = try #require(docs.first?.blocks.first?.sentences.first?.tokens)
        #expect(tokens.map(\.form) == ["Иә", "."])
        #expect(tokens.allSatisfy { !$0.isAnnotated })
    }
}

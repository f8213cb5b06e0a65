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
}

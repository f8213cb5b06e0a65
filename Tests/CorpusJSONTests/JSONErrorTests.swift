import CorpusModel
import Testing

@testable import CorpusJSON

@Suite("JSON errors name the file and the place")
struct JSONErrorTests {
    func error(_ text: String, reader: any CorpusReader = JSONReader()) -> CorpusError? {
        do {
            _ = try reader.readDocuments(.string(text, name: "in.json"))
            return nil
        } catch let e as CorpusError {
            return e
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    @Test func malformedJSONHasLineAndColumn() throws {
        let e = try #require(error("{\"version\": 1,\n  \"documents\": [ {\"id\": \"x\",, } ]}"))
        #expect(e.kind == .syntax)
        #expect(e.location?.line == 2)
        #expect(e.location?.column == 29)
        #expect(e.description.hasPrefix("in.json:2:29: error: malformed JSON"))
    }

    @Test func unterminatedString() throws {
        let e = try #require(error("{\"version\": 1, \"documents\": [\"abc"))
        #expect(e.kind == .syntax)
        #expect(e.message.contains("unterminated string"))
        #expect(e.location?.column == 30)
    }

    @Test func wrongVersion() throws {
        let e = try #require(error("{\"version\": 3, \"documents\": []}"))
        #expect(e.kind == .structure)
        #expect(e.message.contains("unsupported version 3"))
    }

    @Test func missingVersion() throws {
        let e = try #require(error("{\"documents\": []}"))
        #expect(e.message.contains("missing \"version\""))
    }

    @Test func emptyInput() throws {
        for text in ["", "  \n"] {
            let e = try #require(error(text))
            #expect(e.kind == .empty)
            #expect(e.file == "in.json")
        }
        #expect(error("", reader: JSONLinesReader())?.kind == .empty)
    }

    @Test func wrongTypeNamesTheJSONPath() throws {
        let e = try #require(error("""
            {"version": 1, "documents": [{"id": "d", "metadata": {}, "blocks": [{"id": "d.p1", "kind": "paragraph", "text": 5}]}]}
            """))
        #expect(e.kind == .structure)
        #expect(e.message.contains("$.documents[0].blocks[0].text"))
        #expect(e.location?.line == 1)
        #expect(e.location?.column == 113)
    }

    @Test func blockWithoutContent() throws {
        let e = try #require(error("""
            {"version": 1, "documents": [{"id": "d", "metadata": {}, "blocks": [{"id": "d.p1", "kind": "note"}]}]}
            """))
        #expect(e.message.contains("neither 'text' nor 'sentences'"))
    }

    @Test func jsonLinesErrorNamesTheLine() throws {
        let good = #"{"version":1,"id":"a","metadata":{},"blocks":[]}"#
        let e = try #require(error(good + "\n" + good + "\n{\"version\":1,\"id\":", reader: JSONLinesReader()))
        #expect(e.location?.line == 3)
        let v = try #require(error(good + "\n" + #"{"version":3,"id":"a","metadata":{},"blocks":[]}"#, reader: JSONLinesReader()))
        #expect(v.location?.line == 2)
        #expect(v.message.contains("unsupported version 3"))
    }

    @Test func binaryInputIsAnError() throws {
        let bytes: [UInt8] = [0x00, 0xFF, 0xFE, 0x7B, 0x80]
        #expect(throws: CorpusError.self) { try JSONReader().readDocuments(.bytes(bytes, name: "bin.json")) }
    }

    @Test func hostileNestingDoesNotCrash() throws {
        let deep = String(repeating: "[", count: 100_000)
        let e = try #require(error("{\"version\":1,\"documents\":" + deep))
        #expect(e.file == "in.json")
    }
}

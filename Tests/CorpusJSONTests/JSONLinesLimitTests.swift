import CorpusModel
import Foundation
import Testing

@testable import CorpusJSON

/// A JSON Lines file with no line end in sight is refused at the limit, not held whole.
@Suite struct JSONLinesLimitTests {
    @Test func lineOverTheLimitIsAnError() throws {
        let first = #"{"version":1,"id":"a","metadata":{},"blocks":[]}"#
        let endless = "{\"version\":1,\"id\":\"" + String(repeating: "x", count: 10_000)
        let error = #expect(throws: CorpusError.self) {
            try JSONLinesReader().readDocuments(.string(first + "\n" + endless, name: "e.jsonl"), options: FormatOptions(["max-block-bytes": "4096"]))
        }
        #expect(error?.file == "e.jsonl")
        #expect(error?.location?.line == 2)
        #expect(error?.message.contains("longer than 4 KiB") == true, "\(error?.message ?? "")")
        // The same file under the default limit fails only as malformed JSON.
        let malformed = #expect(throws: CorpusError.self) {
            try JSONLinesReader().readDocuments(.string(first + "\n" + endless, name: "e.jsonl"))
        }
        #expect(malformed?.message.contains("longer than") == false)
    }

    @Test func nulStopsTheReadAfterTheLinesBeforeIt() throws {
        let first = #"{"version":1,"id":"a","metadata":{},"blocks":[]}"#
        var ids: [String] = []
        let sink = ClosureSink { if case .startDocument(let d) = $0 { ids.append(d.id) } }
        let error = #expect(throws: CorpusError.self) {
            try JSONLinesReader().read(.bytes(Array((first + "\n{\"ver").utf8) + [0, 0, 0], name: "z.jsonl"), options: FormatOptions(), into: sink)
        }
        #expect(ids == ["a"])
        #expect(error?.description.hasPrefix("z.jsonl:2:6: error: NUL byte at byte offset \(first.utf8.count + 6)") == true, "\(error?.description ?? "")")
    }
}

/// A JSON file is decoded whole, so what cannot be one is refused before it is all held.
@Suite struct JSONDocumentLimitTests {
    static let valid = #"{"version":1,"documents":[{"id":"a","metadata":{},"blocks":[]}]}"#

    @Test func nulIsRefusedAtOnce() throws {
        let bytes = Array("{\"version\":1,\n\"documents\":[".utf8) + [0] + Array("]}".utf8)
        let error = #expect(throws: CorpusError.self) { try JSONReader().readDocuments(.bytes(bytes, name: "z.json")) }
        #expect(error?.message == "NUL byte at byte offset 27: binary data, not JSON")
        #expect(error?.location?.line == 2)
    }

    @Test func notStartingWithABraceIsRefusedAtOnce() throws {
        for text in ["y\ny\ny\n", "  [1, 2]", "\u{FEFF}hello"] {
            let error = #expect(throws: CorpusError.self) { try JSONReader().readDocuments(.string(text, name: "y.json")) }
            #expect(error?.message.hasPrefix("not a CorpusKit JSON file") == true, "\(text)")
        }
        #expect(try JSONReader().readDocuments(.string("\u{FEFF}\n " + Self.valid)).map(\.id) == ["a"])
    }

    @Test func fileOverTheLimitIsRefused() throws {
        let big = #"{"version":1,"documents":[{"id":"a","metadata":{"title":""# + String(repeating: "x", count: 5000) + #""},"blocks":[]}]}"#
        let error = #expect(throws: CorpusError.self) {
            try JSONReader().readDocuments(.string(big, name: "big.json"), options: FormatOptions(["max-document-bytes": "1000"]))
        }
        #expect(error?.message.hasPrefix("larger than 1000 bytes") == true, "\(error?.message ?? "")")
        #expect(try JSONReader().readDocuments(.string(big)).count == 1)
        #expect(ReadLimits.maximumDocumentBytes == 1 << 30)
        #expect(JSONReader().optionSpecs.map(\.key) == ["max-document-bytes"])
        #expect(JSONLinesReader().optionSpecs.map(\.key) == ["max-block-bytes"])
    }
}

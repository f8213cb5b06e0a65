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
}

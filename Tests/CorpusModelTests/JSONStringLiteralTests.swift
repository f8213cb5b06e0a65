import CorpusModel
import Foundation
import Testing

@Suite("JSON string literals")
struct JSONStringLiteralTests {
    /// What a JSON parser reads back from the literal of `s`.
    private func parsed(_ literal: String) throws -> String {
        try JSONDecoder().decode(String.self, from: Data(literal.utf8))
    }

    @Test func escapesWhatJSONForbidsOrHidesAndKeepsTheRest() throws {
        let s = "Жол \"бір\" \\ a\u{1}b\u{1F}\u{7F}\n\r\t \u{80}\u{85}\u{9F}\u{A0}ä \u{2028}\u{2029}\u{2027}\u{202A} 𝔸😀"
        var out = ""
        JSONStringLiteral.append(s, to: &out)
        #expect(out == "\"Жол \\\"бір\\\" \\\\ a\\u0001b\\u001f\\u007f\\n\\r\\t \\u0080\\u0085\\u009f\u{A0}ä \\u2028\\u2029\u{2027}\u{202A} 𝔸😀\"")
        #expect(try parsed(out) == s)
    }

    @Test func bytesAndStringAgreeOnEveryScalarClass() throws {
        // Each scalar that needs an escape, its UTF-8 neighbours that do not, at the start, middle and end.
        let samples: [Unicode.Scalar] = [
            "\u{0}", "\u{8}", "\u{1F}", " ", "\"", "\\", "~", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "\u{BF}",
            "\u{C0}", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{E000}", "\u{10FFFF}",
        ]
        for a in samples {
            for b in samples {
                let s = String(String.UnicodeScalarView([a, "x", b, a]))
                var text = ""
                var bytes: [UInt8] = []
                JSONStringLiteral.append(s, to: &text)
                JSONStringLiteral.append(s, to: &bytes)
                #expect(Array(text.utf8) == bytes)
                #expect(try parsed(text) == s)
            }
        }
    }
}

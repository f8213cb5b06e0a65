import CorpusModel
import Foundation
import Testing

/// The annotation model: the surface with multiword ranges, Codable without empty keys,
/// kinds from UPOS.
@Suite("Annotation model")
struct AnnotationModelTests {
    static let words = ["vamos", "nos", "a", "el", "mar"].map { Token($0, kind: .word, spaceAfter: true) }

    @Test("ranges replace their words in the surface, with their own spacing")
    func rebuildWithRanges() {
        let ranges = [MultiwordToken(first: 1, last: 2, form: "vámonos"), MultiwordToken(first: 3, last: 4, form: "al")]
        #expect(Token.rebuild(Self.words, multiwordTokens: ranges) == "vámonos al mar")
        #expect(Token.rebuild(Self.words, multiwordTokens: []) == "vamos nos a el mar")
        let glued = [MultiwordToken(first: 4, last: 5, form: "elmar", spaceAfter: false)]
        #expect(Token.rebuild(Self.words, multiwordTokens: glued) == "vamos nos a elmar")
        let s = Sentence(id: "s", text: "vámonos al mar", tokens: Self.words, multiwordTokens: ranges)
        #expect(s.rebuiltText == s.text)
        #expect(Sentence(id: "s", text: "x").rebuiltText == nil)
    }

    @Test("ranges that overlap an earlier one or leave the sentence are ignored by rebuild")
    func brokenRangesIgnored() {
        let overlapping = [MultiwordToken(first: 1, last: 3, form: "X"), MultiwordToken(first: 2, last: 3, form: "Y")]
        #expect(Token.rebuild(Self.words, multiwordTokens: overlapping) == "X el mar")
        let outside = [MultiwordToken(first: 5, last: 9, form: "Z")]
        #expect(Token.rebuild(Self.words, multiwordTokens: outside) == "vamos nos a el mar")
    }

    @Test("Codable omits every annotation key that is empty, and keeps the ones that are set")
    func codableKeys() throws {
        let plain = String(decoding: try JSONEncoder().encode(Token("a", kind: .word, spaceAfter: true)), as: UTF8.self)
        #expect(!plain.contains("lemma") && !plain.contains("attributes") && !plain.contains("head"))
        let sentence = String(decoding: try JSONEncoder().encode(Sentence(id: "s", text: "a")), as: UTF8.self)
        #expect(!sentence.contains("comments") && !sentence.contains("multiwordTokens") && !sentence.contains("emptyNodes"))
        let full = Sentence(id: "s", text: "a", tokens: [Token("a", kind: .word, spaceAfter: false, lemma: "a", head: 0, deprel: "root")],
                            comments: ["c"], multiwordTokens: [], emptyNodes: [EmptyNode(after: 1, index: 1)])
        #expect(try JSONDecoder().decode(Sentence.self, from: JSONEncoder().encode(full)) == full)
    }

    @Test("the kind of an annotated token follows its UPOS")
    func kindFromUPOS() {
        #expect(TokenKind(upos: "PUNCT") == .punctuation)
        #expect(TokenKind(upos: "NUM") == .number)
        #expect(TokenKind(upos: "SYM") == .symbol)
        #expect(TokenKind(upos: "NOUN") == .word)
        #expect(TokenKind(upos: nil) == nil)
    }
}

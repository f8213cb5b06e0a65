import CorpusModel
import CorpusText
import Testing

/// NFC over metadata, text, sentences and tokens.
@Suite struct UnicodeNormalizerTests {
    @Test func composesEverything() throws {
        let decomposed = "сәлем и\u{306}"  // и + combining breve = й
        let doc = Document(id: "d", metadata: Metadata(title: decomposed), blocks: [
            Block(id: "d.p1", content: .text(decomposed)),
            Block(id: "d.p2", content: .sentences([Sentence(id: "d.p2.s1", text: decomposed,
                tokens: [Token("сәлем", kind: .word, spaceAfter: true), Token("и", kind: .word, spaceAfter: false), Token("\u{306}", kind: .other, spaceAfter: false)])])),
        ])
        let out = try Pipeline.apply(UnicodeNormalizer(), to: doc)
        #expect(out.metadata.title?.unicodeScalars.count == 7)
        #expect(out.blocks[0].plainText.unicodeScalars.last == "й")
        let sentence = out.blocks[1].sentences[0]
        #expect(sentence.text.unicodeScalars.last == "й")
        #expect(Token.rebuild(sentence.tokens ?? []) == sentence.text)
        #expect(UnicodeNormalizer().normalize("abc") == "abc")
    }
}

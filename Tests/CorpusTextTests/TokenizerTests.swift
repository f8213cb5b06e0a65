import CorpusModel
import CorpusText
import Testing

/// Tokens rebuild every sentence exactly, and their kinds are right.
@Suite struct TokenizerTests {
    @Test(arguments: SampleFiles.names)
    func tokensRebuildEverySentenceOfTheSamples(_ name: String) throws {
        let docs = try TextReader().readDocuments(.file(SampleFiles.sample(name)))
        var count = 0
        for doc in docs {
            let segmented = try Pipeline.apply(SentenceSegmenter(), to: doc)
            let tokenized = try Pipeline.apply(Tokenizer(), to: segmented)
            #expect(tokenized.blocks.map { $0.sentences.map(\.text) } == segmented.blocks.map { $0.sentences.map(\.text) })
            for sentence in tokenized.blocks.flatMap(\.sentences) {
                let tokens = try #require(sentence.tokens)
                #expect(Token.rebuild(tokens) == sentence.text)
                #expect(!tokens.isEmpty)
                count += 1
            }
        }
        #expect(count >= 78)
    }

    @Test func kinds() {
        let tokens = Tokenizer().tokenize("ТМД-ның 2,5 мың (3.5%) ақша-несие [9,264-265] — https://gov.kz/a. Ә...")
        #expect(tokens.map(\.form) == [
            "ТМД-ның", "2,5", "мың", "(", "3.5", "%", ")", "ақша-несие", "[", "9,264-265", "]", "—", "https://gov.kz/a", ".", "Ә", "...",
        ])
        #expect(tokens.map(\.kind) == [
            .word, .number, .word, .punctuation, .number, .punctuation, .punctuation, .word, .punctuation, .number, .punctuation,
            .punctuation, .url, .punctuation, .word, .punctuation,
        ])
        #expect(tokens.map(\.spaceAfter) == [
            true, true, true, false, false, false, true, true, false, false, true, true, false, true, false, false,
        ])
        let symbols = Tokenizer().tokenize("5 $ + 2 № 3 әңғқөұүһі")
        #expect(symbols.map(\.kind) == [.number, .symbol, .symbol, .number, .symbol, .number, .word])
    }

    @Test func whitespaceRunsAreCollapsedForAnExactRebuild() {
        let sentence = Tokenizer().tokenize(Sentence(id: "s", text: "  Бір\tсөз   екі\n"))
        #expect(sentence.text == "Бір сөз екі")
        #expect(Token.rebuild(sentence.tokens ?? []) == sentence.text)
    }

    @Test func emailAndCombiningMarks() {
        let tokens = Tokenizer().tokenize("Жаз: info@mail.kz, сәлем.")
        #expect(tokens.map(\.form) == ["Жаз", ":", "info@mail.kz", ",", "сәлем", "."])
        #expect(tokens[2].kind == .url)
        let marks = Tokenizer().tokenize("са\u{301}лем")
        #expect(marks.count == 1)
    }
}

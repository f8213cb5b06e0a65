import CorpusModel
import CorpusText
import Testing

/// The text writer's two styles, headings, several documents, and the round trip.
@Suite struct TextWriterTests {
    static let doc = Document(id: "d", blocks: [
        Block(id: "d.p1", kind: .heading(level: 1), content: .text("Кіріспе")),
        Block(id: "d.p2", content: .sentences([Sentence(id: "d.p2.s1", text: "Бір."), Sentence(id: "d.p2.s2", text: "Екі  сөз.")])),
        Block(id: "d.p3", content: .text("Бөлінбеген мәтін. Тағы.")),
    ])

    @Test func paragraphStyle() throws {
        #expect(try TextWriter().string([Self.doc]) == "Кіріспе\n\nБір. Екі сөз.\n\nБөлінбеген мәтін. Тағы.\n")
    }

    @Test func sentenceStyle() throws {
        let out = try TextWriter().string([Self.doc], options: FormatOptions(["text-style": "sentences"]))
        #expect(out == "Кіріспе\n\nБір.\nЕкі сөз.\n\nБөлінбеген мәтін. Тағы.\n")
    }

    @Test func severalDocumentsAreSeparatedByTwoBlankLines() throws {
        let out = try TextWriter().string([Self.doc, Document(id: "e", blocks: [Block(id: "e.p1", content: .text("Соңы."))])])
        #expect(out.hasSuffix("Тағы.\n\n\nСоңы.\n"))
        #expect(try TextWriter().string([]) == "")
    }

    @Test func badStyleIsAUsageError() throws {
        let error = try #require(throws: CorpusError.self) {
            try TextWriter().string([Self.doc], options: FormatOptions(["text-style": "columns"]))
        }
        #expect(error.kind == .usage)
    }

    @Test(arguments: SampleFiles.names)
    func textToModelToTextToModelKeepsEverySentence(_ name: String) throws {
        let first = try TextReader().readDocuments(.file(SampleFiles.sample(name))).map { try Pipeline.apply(SentenceSegmenter(), to: $0) }
        let text = try TextWriter().string(first, options: FormatOptions(["text-style": "sentences"]))
        let second = try TextReader().readDocuments(.string(text, name: "\(name).txt"))
        #expect(second.count == 1)
        #expect(second[0].blocks.map { $0.sentences.map(\.text) } == first[0].blocks.map { $0.sentences.map(\.text) })
        #expect(second[0].blocks.map(\.id) == first[0].blocks.map(\.id))
        #expect(second[0].blocks.flatMap(\.sentences).map(\.id) == first[0].blocks.flatMap(\.sentences).map(\.id))
    }
}

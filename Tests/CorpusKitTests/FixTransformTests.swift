import CorpusKit
import Foundation
import Testing

/// The opt-in fixes `latin-lookalikes` and `drop-page-furniture`, through the
/// planner (as `convert --fix` runs them) and through the CLI.
@Suite struct FixTransformTests {
    /// Converts `text` from plain text to one-sentence-per-line text with `fixes` after the reader.
    static func convert(_ text: String, fixes: [String]) throws -> String {
        let registry = Corpus.standardRegistry
        let options: FormatOptions = ["text-style": "sentences"]
        let plan = try Planner(registry: registry).plan(from: "text", to: "text", extra: fixes, options: options)
        let output = ByteOutput.memory()
        try Converter(registry: registry).run(plan, inputs: [.string(text)], output: output, options: options)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    @Test func lookalikesBecomeCyrillicOnlyInsideCyrillicWords() throws {
        let text = "Қaзақстан мeмлекеті (Regional) iPhone-ның Aлматы. Сіз ТМД-ның xабарын оқыдыңыз ба?"
        let fixed = try Self.convert(text, fixes: ["latin-lookalikes"])
        #expect(fixed == "Қазақстан мемлекеті (Regional) iPhone-ның Алматы.\nСіз ТМД-ның хабарын оқыдыңыз ба?\n")
        #expect(try Corpus.stats(fixed).mixedScriptTokens == 0)
    }

    @Test func nothingChangesWithoutBeingAsked() throws {
        let text = "Қaзақстан мeмлекеті.\n\n12\n\nАлматы қаласы."
        #expect(try Self.convert(text, fixes: []) == "Қaзақстан мeмлекеті.\n\n12\n\nАлматы қаласы.\n")
    }

    @Test func lookalikesAreFixedInTokensToo() throws {
        let doc = Document(id: "d", blocks: [Block(id: "d.p1", content: .sentences([
            Sentence(id: "d.p1.s1", text: "Қaзақ тілі", tokens: [Token("Қaзақ", kind: .word, spaceAfter: true), Token("тілі", kind: .word, spaceAfter: false)]),
        ]))])
        let collector = DocumentCollector()
        let sink = try LatinLookalikeFix().makeSink(sendingTo: collector, options: FormatOptions())
        try sink.receive(document: doc)
        try sink.finish()
        let sentence = try #require(collector.documents.first?.blocks.first?.sentences.first)
        #expect(sentence.text == "Қазақ тілі")
        #expect(sentence.tokens?.first?.form == "Қазақ")
    }

    /// PDF-like text written for this test: a running head and page numbers at
    /// each page break, one page break inside a sentence.
    static let paged = """
        Аймақтық интеграция

        Бірінші беттегі абзац. Мұнда аймақтық интеграция туралы айтылады.

        ҚазҰУ Хабаршысы. Экономика сериясы. №2 (2020)

        12

        Екінші абзац басталады және ол Орталық Азия елдерінің сауда байланыстары туралы
        айтып, беттің соңына дейін

        ҚазҰУ Хабаршысы. Экономика сериясы. №2 (2020)

        13

        жалғасады және осында аяқталады.

        Үшінші абзац. Ол қысқа.

        ҚазҰУ Хабаршысы. Экономика сериясы. №2 (2020)

        14

        Төртінші абзац 12 жыл бұрынғы оқиғаны еске алады.

        """

    @Test func pageFurnitureIsDroppedAndTheBrokenSentenceJoined() throws {
        let fixed = try Self.convert(Self.paged, fixes: ["drop-page-furniture"])
        #expect(fixed == """
            Аймақтық интеграция

            Бірінші беттегі абзац.
            Мұнда аймақтық интеграция туралы айтылады.

            Екінші абзац басталады және ол Орталық Азия елдерінің сауда байланыстары туралы айтып, беттің соңына дейін жалғасады және осында аяқталады.

            Үшінші абзац.
            Ол қысқа.

            Төртінші абзац 12 жыл бұрынғы оқиғаны еске алады.

            """)
        let before = try Corpus.stats(Self.paged).json
        #expect(before["page_number_blocks"]?.int == 2)
        #expect(before["suggestions"]?.items.contains { $0["fix"]?.string == "drop-page-furniture" } == true)
        #expect(try Corpus.stats(fixed).json["page_number_blocks"]?.int == 0)
    }

    @Test func convertFixIsNamedInExplain() throws {
        let dir = CLI.scratch()
        let input = dir + "/paged.txt"
        try (Self.paged + "Қaзақстан.\n").write(toFile: input, atomically: true, encoding: .utf8)
        let r = try CLI.run(["convert", input, "--to", "text", "--text-style", "sentences", "--explain",
                             "--fix", "latin-lookalikes", "--fix", "drop-page-furniture"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("latin-lookalikes"))
        #expect(r.stderr.contains("drop-page-furniture"))
        #expect(!r.out.contains("Хабаршысы"))
        #expect(r.out.contains("Қазақстан."))
        let bad = try CLI.run(["convert", input, "--to", "text", "--fix", "spellcheck"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown fix 'spellcheck'"))
    }
}

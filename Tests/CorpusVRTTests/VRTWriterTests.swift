import CorpusModel
import CorpusTestSupport
import Testing

@testable import CorpusVRT

/// The VRT writer: structures, token columns, glue, entities, multiword tokens.
@Suite struct VRTWriterTests {
    static func sample() -> Document {
        var de = Token("de", kind: .word, spaceAfter: true, lemma: "de", upos: "ADP", head: 3, deprel: "case")
        de.attributes = [MetadataPair("ner", "B-ORG")]
        var le = Token("le", kind: .word, spaceAfter: true, lemma: "le", upos: "DET", feats: "Definite=Def|Number=Sing", head: 3, deprel: "det")
        le.attributes = [MetadataPair("ner", "I-ORG")]
        var sénat = Token("Sénat", kind: .word, spaceAfter: false, lemma: "sénat", upos: "PROPN", head: 0, deprel: "root")
        sénat.attributes = [MetadataPair("ner", "I-ORG")]
        let dot = Token(".", kind: .punctuation, spaceAfter: true, lemma: ".", upos: "PUNCT", head: 3, deprel: "punct")
        let tokens = [de, le, sénat, dot]
        let mwt = [MultiwordToken(first: 1, last: 2, form: "Du")]
        let s = Sentence(id: "d.s1", text: Token.rebuild(tokens, multiwordTokens: mwt), tokens: tokens, multiwordTokens: mwt)
        let speech = [MetadataPair("utterance", "d.u1"), MetadataPair("speaker", "PA1"), MetadataPair("ana", "#chair")]
        return Document(id: "d", metadata: Metadata(title: "A & B", language: "fr", extra: [MetadataPair("house", "Lower"), MetadataPair("x/y", "dropped")]), blocks: [
            Block(id: "d.p1", kind: .heading(level: 1), content: .text("Ordre <du> jour")),
            Block(id: "d.u1.1", content: .sentences([s]), attributes: speech),
            Block(id: "d.n", kind: .note, content: .text("Applaudissements"), attributes: speech + [MetadataPair("note-type", "kinesic")]),
        ])
    }

    /// Two equal part values collapse to one, two empty ones stay `|` (ParlaMint's `join-annotations` rule).
    @Test func writesParlaMintLayout() throws {
        let out = try VRTWriter().string([Self.sample()])
        let expected = """
            <text id="d" title="A &amp; B" lang="fr" house="Lower">
            <note type="head" content="Ordre &lt;du&gt; jour"/>
            <speech id="d.u1" speaker_id="PA1" ana="#chair">
            <p id="d.u1.1" lang="fr">
            <s id="d.s1">
            <name type="ORG">
            Du\tde|le\tde|le\tADP|DET\t|Definite=Def Number=Sing\tw1|w2\tcase|det\tsénat\tPROPN\t|\tw3
            Sénat\tSénat\tsénat\tPROPN\t\tw3\troot\t-\t-\t-\t-
            <g/>
            </name>
            .\t.\t.\tPUNCT\t\tw4\tpunct\tsénat\tPROPN\t\tw3
            </s>
            </p>
            <note type="kinesic" content="Applaudissements"/>
            </speech>
            </text>

            """
        #expect(out == expected)
    }

    @Test func positionalAttributesAreChosenByOption() throws {
        let out = try VRTWriter().string([Self.sample()], options: ["p-attrs": "word,lemma,upos,feats,head,n,ner,attr:missing"])
        #expect(out.contains("Sénat\tsénat\tPROPN\t\t0\t3\tI-ORG\t-\n"))
        #expect(out.contains(".\t.\tPUNCT\t\t3\t4\tO\t-\n"))
        let error = #expect(throws: CorpusError.self) {
            _ = try VRTWriter().string([Self.sample()], options: ["p-attrs": "word,bogus"])
        }
        #expect(error?.kind == .usage)
        #expect(error?.message.contains("bogus") == true)
        #expect(throws: CorpusError.self) { _ = try VRTWriter().string([Self.sample()], options: ["p-attrs": "lemma,word"]) }
    }

    @Test func tabsAndNewlinesInValuesNeverBreakALine() throws {
        let t = Token("a\tb", kind: .word, spaceAfter: true, lemma: "x\ny")
        let doc = Document(id: "d", blocks: [Block(id: "d.p1", content: .sentences([Sentence(id: "d.p1.s1", text: "a\tb", tokens: [t])]))])
        let out = try VRTWriter().string([doc], options: ["p-attrs": "word,lemma"])
        #expect(out.contains("a b\tx y\n"))
    }

    @Test func readingWhatWasWrittenGivesTheModelBack() throws {
        let doc = Self.sample()
        let bytes = try VRTWriter().write([doc])
        let back = try VRTReader().readDocuments(.bytes(bytes, name: "d.vrt"))
        #expect(back.count == 1)
        #expect(back[0].id == "d")
        #expect(back[0].metadata.title == "A & B")
        #expect(back[0].blocks.count == 3)
        #expect(back[0].blocks[0].kind == .heading(level: 1))
        #expect(back[0].blocks[0].plainText == "Ordre <du> jour")
        let s = try #require(back[0].blocks[1].sentences.first)
        let original = doc.blocks[1].sentences[0]
        #expect(s.id == original.id)
        #expect(s.text == original.text)
        #expect(s.multiwordTokens == original.multiwordTokens)
        #expect(s.tokens == original.tokens)
        #expect(back[0].blocks[1].attributes == doc.blocks[1].attributes)
        #expect(back[0].blocks[2].attributes == doc.blocks[2].attributes)
        // And VRT → model → VRT is byte-identical.
        #expect(try VRTWriter().write(back) == bytes)
    }
}

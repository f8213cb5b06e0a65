import CorpusModel
import CorpusTestSupport
import Foundation
import Testing

@testable import CorpusTEI

/// The TEI writer writes the annotation back (ParlaMint's encoding), validly, and the
/// reader reads the same model from it.
@Suite struct AnnotationWritingTests {
    /// An annotated document using every field the TEI carries.
    static func annotatedDocument() -> Document {
        var de = Token("De", kind: .word, spaceAfter: true, lemma: "de", upos: "ADP", head: 3, deprel: "case")
        de.attributes = [MetadataPair("ner", "B-ORG")]
        var le = Token("le", kind: .word, spaceAfter: true, lemma: "le", upos: "DET", feats: "Definite=Def|Number=Sing", head: 3, deprel: "det")
        le.attributes = [MetadataPair("ner", "I-ORG")]
        var sénat = Token("Sénat", kind: .word, spaceAfter: false, lemma: "sénat", upos: "PROPN", xpos: "Np", head: 0, deprel: "root")
        sénat.attributes = [MetadataPair("ana", "mte:Np"), MetadataPair("ner", "I-ORG")]
        let comma = Token(",", kind: .punctuation, spaceAfter: true, lemma: ",", upos: "PUNCT", head: 3, deprel: "punct")
        var n = Token("12", kind: .number, spaceAfter: true, lemma: "12", upos: "NUM", head: 3, deprel: "nummod:gov")
        n.attributes = [MetadataPair("norm", "douze")]
        var x = Token("ok", kind: .word, spaceAfter: false)
        x.attributes = [MetadataPair("msd", "Ncmsn")]
        let tokens = [de, le, sénat, comma, n, x]
        let mwt = [MultiwordToken(first: 1, last: 2, form: "Du")]
        let text = Token.rebuild(tokens, multiwordTokens: mwt)
        let s = Sentence(id: "d.u1.s1", text: text, tokens: tokens, multiwordTokens: mwt)
        let speech: [MetadataPair] = [MetadataPair("utterance", "d.u1"), MetadataPair("speaker", "Jean Dupont"), MetadataPair("ana", "#chair")]
        return Document(id: "d", metadata: Metadata(title: "Séance", language: "fr"), blocks: [
            Block(id: "d.p1", kind: .heading(level: 1), content: .sentences([Sentence(id: "d.p1.s1", text: "Ordre")])),
            Block(id: "d.p2", kind: .note, content: .sentences([Sentence(id: "d.p2.s1", text: "14.01")]), attributes: [MetadataPair("note-type", "time")]),
            Block(id: "d.u1.1", content: .sentences([s]), attributes: speech),
            Block(id: "d.u1.2", content: .sentences([Sentence(id: "d.u1.2.s1", text: "Merci.")]), attributes: speech),
            Block(id: "d.p3", content: .sentences([Sentence(id: "d.p3.s1", text: "Fin.")]), attributes: [MetadataPair("speaker", "X")]),
            Block(id: "d.p4", content: .sentences([Sentence(id: "d.p4.s1", text: "Rien.")])),
        ])
    }

    @Test func annotatedModelToTEIToModelIsIdentity() throws {
        let doc = Self.annotatedDocument()
        #expect(doc.blocks[2].sentences[0].text == "Du Sénat, 12 ok")
        let bytes = try TEIWriter().write([doc])
        saveForCI(bytes, name: "annotated-model.xml")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(##"<u xml:id="d.u1" who="#Jean%20Dupont" ana="#chair">"##))
        #expect(text.contains(##"<name type="ORG"><w xml:id="d.u1.s1.w1-2">Du<w xml:id="d.u1.s1.w1" lemma="de" msd="UPosTag=ADP" norm="De"/>"##))
        #expect(text.contains(##"<link ana="ud-syn:nummod_gov" target="#d.u1.s1.w3 #d.u1.s1.w5"/>"##))
        #expect(text.contains(##"<link ana="ud-syn:root" target="#d.u1.s1 #d.u1.s1.w3"/>"##))
        #expect(text.contains(##"<pc xml:id="d.u1.s1.w4" msd="UPosTag=PUNCT">,</pc>"##))  // no lemma="," on pc
        #expect(text.contains(##"<note xml:id="d.p2" type="time">"##))
        let back = try TEIReader().readDocuments(.bytes(bytes, name: "a.xml"))
        #expect(back.count == 1)
        for (a, b) in zip(doc.blocks, back[0].blocks) { #expect(a == b) }
        #expect(back[0].blocks.count == doc.blocks.count)
        #expect(try TEIWriter().write(back) == bytes)
    }

    @Test(.enabled(if: ToolGate.shared, "needs ../shared"), arguments: [
        "annotated/ParlaMint-FR_2018-07-11-E1009.ana.xml", "tei-samples/ParlaMint-TR_T27-tbmm-2018-07-07.ana.xml",
    ])
    func parlaMintReadWriteReadKeepsEveryAnnotation(path: String) throws {
        let docs = try TEIReader().readDocuments(.file(try SharedMaterial.file(path).path))
        let bytes = try TEIWriter().write(docs, options: ["sentences": "false"])
        saveForCI(bytes, name: "annotated-\((path as NSString).lastPathComponent)")
        let back = try TEIReader().readDocuments(.bytes(bytes, name: "back.xml"))
        #expect(back.count == docs.count)
        for (a, b) in zip(docs, back) {
            #expect(a.blocks.count == b.blocks.count)
            for (x, y) in zip(a.blocks, b.blocks) { #expect(x == y) }
        }
        #expect(try TEIWriter().write(back, options: ["sentences": "false"]) == bytes)
    }

    @Test func playSpeechesAreWrittenBackAsSpWithSpeaker() throws {
        let docs = try TEIReader().readDocuments(.file(Fixtures.sample("qamal-kaynish.xml")))
        let bytes = try TEIWriter().write(docs, options: ["sentences": "false"])
        saveForCI(bytes, name: "annotated-play-qamal.xml")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("<sp who=\"#ibrahim\">"))
        #expect(text.contains("<speaker xml:id=\"tat000002.p15\">Ибраһим</speaker>"))
        #expect(!text.contains("<u "))
        // Other `tei=` markers (castItem, stage…) are not written back (blocks become <p>), so
        // compare what the speech structure carries: every block's text and speaker.
        let back = try TEIReader().readDocuments(.bytes(bytes, name: "play.xml"))
        let speaker = { (b: Block) in b.attributes.first { $0.key == "speaker" }?.value }
        #expect(back[0].blocks.map(\.plainText) == docs[0].blocks.map(\.plainText))
        #expect(back[0].blocks.map(speaker) == docs[0].blocks.map(speaker))
        #expect(docs[0].blocks.compactMap(speaker).count > 100)
    }

    @Test(.enabled(if: ToolGate.tool("jing"), "needs jing"))
    func writtenAnnotatedTEIIsValidAgainstTEIAll() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        let annotated = dir.appendingPathComponent("annotated.xml").path
        _ = FileManager.default.createFile(atPath: annotated, contents: Data(try TEIWriter().write([Self.annotatedDocument()])))
        paths.append(annotated)
        for name in ["ParlaMint-TR_T27-tbmm-2020-05-27.ana.xml", "qamal-kaynish.xml"] {
            let docs = try TEIReader().readDocuments(.file(Fixtures.sample(name)))
            let path = dir.appendingPathComponent(name).path
            _ = FileManager.default.createFile(atPath: path, contents: Data(try TEIWriter().write(docs)))
            paths.append(path)
        }
        let errors = try #require(try jingErrors(paths))
        #expect(errors == "", "jing: \(errors.prefix(3000))")
    }
}

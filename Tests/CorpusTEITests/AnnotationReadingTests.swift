import CorpusModel
import CorpusTestSupport
import Foundation
import Testing

@testable import CorpusTEI

/// The TEI reader carries ParlaMint's linguistic annotation into the model.
@Suite struct AnnotationReadingTests {
    static let frenchSession = "annotated/ParlaMint-FR_2018-07-11-E1009.ana.xml"

    func readFrench() throws -> Document {
        let docs = try TEIReader().readDocuments(.file(try SharedMaterial.file(Self.frenchSession).path))
        return try #require(docs.first)
    }

    @Test(.enabled(if: ToolGate.shared, "needs ../shared"))
    func wordsCarryLemmaUPOSFeaturesAndDependencies() throws {
        let doc = try readFrench()
        let s1 = try #require(doc.blocks.flatMap(\.sentences).first)
        #expect(s1.id == "ParlaMint-FR_2018-07-11-E1009.s1")
        let tokens = try #require(s1.tokens)
        // 39 syntactic words: two `du` each split into `de` + `le`.
        #expect(tokens.count == 39)
        #expect(s1.multiwordTokens == [
            MultiwordToken(first: 3, last: 4, form: "du"), MultiwordToken(first: 12, last: 13, form: "du"),
        ])
        #expect(s1.text.hasPrefix("L' ordre du jour appelle la suite"))
        #expect(s1.rebuiltText == s1.text)
        let first = tokens[0]
        #expect(first.form == "L'")
        #expect(first.lemma == "le")
        #expect(first.upos == "DET")
        #expect(first.feats == "Definite=Def|Number=Sing|PronType=Art")
        #expect(first.head == 2)
        #expect(first.deprel == "det")
        #expect(first.attribute("ner") == "B-ORG")
        #expect(first.attribute("msd") == nil)  // UD msd becomes upos + feats
        #expect(tokens[2].form == "de" && tokens[2].lemma == "de" && tokens[2].upos == "ADP" && tokens[2].head == 5)
        #expect(tokens[2].attribute("ner") == "I-ORG")
        #expect(tokens[4].attribute("ner") == "I-ORG")
        #expect(tokens[5].attribute("ner") == nil)
        #expect(tokens[5].head == 0 && tokens[5].deprel == "root")
        // `,` is a <pc> with no @lemma: its lemma is its form, as ParlaMint's CoNLL-U has it.
        #expect(tokens[22].form == "," && tokens[22].lemma == "," && tokens[22].kind == .punctuation)
        #expect(tokens[21].spaceAfter == false)
        #expect(tokens[28].kind == .number)
        // `nsubj_pass`, `aux_tense` in the TEI are UD's `nsubj:pass`, `aux:tense`.
        let relations = Set(doc.blocks.flatMap(\.sentences).flatMap { $0.tokens ?? [] }.compactMap(\.deprel))
        #expect(relations.contains("aux:tense") && relations.contains("nsubj:pass"))
        #expect(!relations.contains { $0.contains("_") })
        #expect(doc.blocks.flatMap(\.sentences).allSatisfy { $0.attributes.isEmpty })  // no unresolved link
    }

    @Test(.enabled(if: ToolGate.shared, "needs ../shared"))
    func utterancesGiveTheirBlocksSpeakerAnaAndUtterance() throws {
        let doc = try readFrench()
        let segment = try #require(doc.blocks.first { $0.id == "ParlaMint-FR_2018-07-11-E1009_u1.2" })
        #expect(segment.attributes == [
            MetadataPair("utterance", "ParlaMint-FR_2018-07-11-E1009_u1"), MetadataPair("speaker", "PA332747"),
            MetadataPair("ana", "#chair"),
        ])
        let note = try #require(doc.blocks.first { $0.kind == .note })
        #expect(note.attributes.contains(MetadataPair("note-type", "debate")))
        let speakers = Set(doc.blocks.compactMap { b in b.attributes.first { $0.key == "speaker" }?.value })
        #expect(speakers == ["PA332747", "PA721824"])
    }

    @Test func playSpeakersComeFromSpeakerOrWho() throws {
        let tei = """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>\
            <publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body>\
            <sp><speaker>ҚАМАЛ</speaker><p>Сәлем.</p></sp><sp who="#a%20b #c"><p>Иә.</p></sp></body></text></TEI>
            """
        let blocks = try TEIReader().readDocuments(.bytes(Array(tei.utf8), name: "play.xml"))[0].blocks
        #expect(blocks.map { $0.attributes.first { $0.key == "speaker" }?.value } == ["ҚАМАЛ", "ҚАМАЛ", "a b c"])
    }

    @Test func aLinkToAnUnknownTokenIsKeptAsAWarning() throws {
        let tei = """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>\
            <publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body><p>\
            <s xml:id="s"><w xml:id="s.1" msd="UPosTag=VERB">Кел</w><pc xml:id="s.2" msd="UPosTag=PUNCT">!</pc>\
            <linkGrp type="UD-SYN"><link ana="ud-syn:root" target="#s #s.1"/><link ana="ud-syn:punct" target="#s.9 #s.2"/>\
            </linkGrp></s></p></body></text></TEI>
            """
        let s = try TEIReader().readDocuments(.bytes(Array(tei.utf8), name: "x.xml"))[0].blocks[0].sentences[0]
        #expect(s.tokens?[0].head == 0)
        #expect(s.tokens?[1].head == nil)
        #expect(s.tokens?[1].lemma == "!")
        #expect(s.attributes.first?.key == "warning")
        #expect(s.attributes.first?.value.contains("s.9") == true)
    }
}

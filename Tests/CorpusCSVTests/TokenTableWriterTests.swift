import CorpusModel
import Testing

@testable import CorpusCSV

/// The token table and the `speaker` column, written from annotated model values.
@Suite("Token table and speaker column")
struct TokenTableWriterTests {
    static let document: Document = {
        let tokens = [
            Token("Иә", kind: .word, spaceAfter: false, lemma: "иә", upos: "INTJ", feats: "Polarity=Pos", head: 0,
                  deprel: "root", misc: "NER=O", attributes: [MetadataPair("ner", "O"), MetadataPair("msd", "UPosTag=INTJ")]),
            Token(",", kind: .punctuation, spaceAfter: true, lemma: ",", upos: "PUNCT", head: 1, deprel: "punct"),
        ]
        let sentence = Sentence(id: "d.p1.s1", text: "Иә,", tokens: tokens)
        let block = Block(id: "d.p1", content: .sentences([sentence]), attributes: [MetadataPair("speaker", "Abenov")])
        return Document(id: "d", metadata: Metadata(title: "Т"), blocks: [block])
    }()

    @Test("default token columns, one row per token")
    func defaults() throws {
        let csv = try CSVWriter().string([Self.document], options: ["table": "tokens"])
        #expect(csv == """
            doc_id,block_id,sentence_id,n,form,lemma,upos,xpos,feats,head,deprel,space_after,speaker
            d,d.p1,d.p1.s1,1,Иә,иә,INTJ,,Polarity=Pos,0,root,false,Abenov
            d,d.p1,d.p1.s1,2,",",",",PUNCT,,,1,punct,true,Abenov

            """)
    }

    @Test("--columns picks token fields, token attributes and sentence-table columns")
    func chosenColumns() throws {
        let tsv = try TSVWriter().string([Self.document], options: ["table": "tokens",
                                                                    "columns": "token_id,form,attr:ner,misc,kind,title,text"])
        #expect(tsv == "token_id\tform\tner\tmisc\tkind\ttitle\ttext\n"
                + "d.p1.s1.w1\tИә\tO\tNER=O\tword\tТ\tИә,\nd.p1.s1.w2\t,\t\t\tpunctuation\tТ\tИә,\n")
        #expect(throws: CorpusError.self) { try CSVWriter().write([Self.document], options: ["table": "tokens", "columns": "form,bogus"]) }
        #expect(throws: CorpusError.self) { try CSVWriter().write([Self.document], options: ["table": "words"]) }
    }

    @Test("a token table needs tokens; the writer says so to the planner")
    func requirements() {
        #expect(CSVWriter().requires(options: ["table": "tokens"]) == [.sentences, .tokens])
        #expect(TSVWriter().requires(options: FormatOptions()) == .sentences)
    }

    @Test("the sentence table's speaker column comes from the block and reads back as the block's speaker")
    func speakerColumn() throws {
        let csv = try CSVWriter().string([Self.document], options: ["columns": "doc_id,block_id,sentence_id,text,speaker"])
        #expect(csv == "doc_id,block_id,sentence_id,text,speaker\nd,d.p1,d.p1.s1,\"Иә,\",Abenov\n")
        let back = try CSVReader().readDocuments(.string(csv))
        #expect(back.first?.blocks.first?.attributes == [MetadataPair("speaker", "Abenov")])
    }

    @Test("reading a token table back is refused with a clear message")
    func tokenTableIsNotReadBack() throws {
        let csv = try CSVWriter().string([Self.document], options: ["table": "tokens"])
        let e = try #require(throws: CorpusError.self) { try CSVReader().readDocuments(.string(csv, name: "t.csv")) }
        #expect(e.message.contains("token table"))
    }
}

import CorpusKit
import CorpusTestSupport
import Foundation
import Testing

/// `--table tokens`: one row per token that pandas loads as-is, with the counts a linguist
/// computes from the CoNLL-U itself.
@Suite("Token tables")
struct TokenTableTests {
    @Test("CoNLL-U → --table tokens loads in pandas; lemma-by-document counts equal Python conllu's",
          .enabled(if: ToolGate.shared && ToolGate.python("pandas") && ToolGate.python("conllu"),
                   "needs ../shared and pip install pandas conllu"),
          arguments: ["ParlaMint-FR_2018-07-11-E1009.conllu", "kk_ktb-ud-train.conllu"], ["csv", "tsv"])
    func pandasCounts(name: String, format: String) throws {
        let source = try SharedMaterial.file("annotated/" + name).path
        let table = CLI.scratch() + "/tokens.\(format)"
        let r = try CLI.run(["convert", source, "--to", format, "--table", "tokens", "-o", table])
        #expect(r.status == 0, "\(r.stderr)")
        let script = CLI.root.appendingPathComponent("Tests/CorpusKitTests/check_token_table.py").path
        let check = try ExternalTool.run(["python3", script, table, source])
        #expect(check.status == 0, "\(check.output)")
    }

    @Test("text → --table tokens: the planner tokenizes; one row per token, annotation cells empty")
    func fromText() throws {
        let out = try Corpus.convert("Сәлем, әлем!", from: "text", to: "csv", options: ["table": "tokens"])
        #expect(out == """
            doc_id,block_id,sentence_id,n,form,lemma,upos,xpos,feats,head,deprel,space_after,speaker
            doc,doc.p1,doc.p1.s1,1,Сәлем,,,,,,,false,
            doc,doc.p1,doc.p1.s1,2,",",,,,,,,true,
            doc,doc.p1,doc.p1.s1,3,әлем,,,,,,,false,
            doc,doc.p1,doc.p1.s1,4,!,,,,,,,false,

            """)
    }
}

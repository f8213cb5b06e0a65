import CorpusKit
import CorpusTestSupport
import Foundation
import Testing

/// CoNLL-U → TEI → CoNLL-U keeps every sentence, token and column (multiword ranges,
/// empty nodes, MISC, DEPS and comments included); the TEI in between is valid against
/// `tei_all`. The only lines that change are `# newdoc`/`# newpar`, which TEI gives
/// every document and paragraph.
@Suite struct AnnotatedRoundTripTests {
    static let files = [
        "annotated/kk_ktb-ud-train.conllu",  // 9 multiword ranges (SOURCES.md)
        "annotated/ParlaMint-FR_2018-07-11-E1009.conllu",  // NER in MISC, on ranges too
    ]

    /// The lines that must survive: all but `# newdoc`/`# newpar` (and blank separators).
    static func kept(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { !$0.hasPrefix("# newdoc") && !$0.hasPrefix("# newpar") }
    }

    static func roundTrip(_ conllu: String, name: String) throws -> (tei: String, back: String) {
        let tei = try Corpus.convert(conllu, from: "conllu", to: "tei")
        if let dir = ProcessInfo.processInfo.environment["CORPUSKIT_TEI_OUT"] {
            try FileManager.default.createDirectory(atPath: dir + "/annotated", withIntermediateDirectories: true)
            try tei.write(toFile: "\(dir)/annotated/\(name).xml", atomically: false, encoding: .utf8)
        }
        return (tei, try Corpus.convert(tei, from: "tei", to: "conllu"))
    }

    @Test(.enabled(if: ToolGate.shared, "needs ../shared"), arguments: files)
    func conlluThroughTEIKeepsEveryTokenAndColumn(path: String) throws {
        let original = try String(contentsOf: try SharedMaterial.file(path), encoding: .utf8)
        let (tei, back) = try Self.roundTrip(original, name: (path as NSString).lastPathComponent)
        #expect(tei.contains("<linkGrp type=\"UD-SYN\""))
        let want = Self.kept(original)
        let got = Self.kept(back)
        #expect(got.count == want.count)
        for (a, b) in zip(want, got) where a != b {
            Issue.record("differs: \(a) ≠ \(b)")
            break
        }
        let words = want.filter { !$0.hasPrefix("#") }
        print("\(path): \(words.count) word/range lines, all 10 columns kept through TEI")
    }

    @Test func emptyNodesCommentsAndSentenceAttributesSurviveTEI() throws {
        let conllu = """
            # sent_id = not an NCName:1
            # text = Sue likes coffee and Bill tea
            # translit = x
            1\tSue\tSue\tPROPN\t_\t_\t2\tnsubj\t2:nsubj|5.1:nsubj\t_
            2\tlikes\tlike\tVERB\t_\t_\t0\troot\t0:root\t_
            3\tcoffee\tcoffee\tNOUN\t_\t_\t2\tobj\t2:obj\tGloss=kofe
            4\tand\tand\tCCONJ\t_\t_\t5\tcc\t5.1:cc\t_
            5\tBill\tBill\tPROPN\t_\t_\t2\tconj\t5.1:nsubj\t_
            5.1\tlikes\tlike\tVERB\t_\t_\t_\t_\t2:conj:and\tCopyOf=2
            6\ttea\ttea\tNOUN\t_\t_\t5\torphan\t5.1:obj\tSpaceAfter=No

            """
        let (tei, back) = try Self.roundTrip(conllu, name: "empty-nodes")
        #expect(tei.contains(#"<span type="empty-node">5.1"#))
        #expect(Self.kept(back) == Self.kept(conllu))
    }

    @Test(.enabled(if: ToolGate.tool("jing"), "needs jing"))
    func teiMadeFromCoNLLUIsValid() throws {
        let dir = CLI.scratch()
        var paths: [String] = []
        for path in Self.files where ToolGate.shared {
            let original = try String(contentsOf: try SharedMaterial.file(path), encoding: .utf8)
            let out = "\(dir)/\((path as NSString).lastPathComponent).xml"
            try Self.roundTrip(original, name: "jing").tei.write(toFile: out, atomically: false, encoding: .utf8)
            paths.append(out)
        }
        let check = try CLI.run([SampleTEITests.schema] + paths, executable: try #require(SampleTEITests.jing))
        #expect(check.status == 0, "jing: \(check.out)")
    }
}

import CorpusKit
import CorpusTestSupport
import Foundation
import Testing

/// ParlaMint's own scripts made `.conllu` and `.vert` from the shared `.ana.xml`
/// (`../shared/annotated/SOURCES.md`): our conversions of the same TEI must agree with
/// them. Each test prints its measured figure; what still differs is explained in the
/// README ("ParlaMint oracle").
@Suite struct ParlaMintOracleTests {
    static let stem = "annotated/ParlaMint-FR_2018-07-11-E1009"

    static func teiText() throws -> String {
        try String(contentsOf: try SharedMaterial.file(stem + ".ana.xml"), encoding: .utf8)
    }

    // MARK: CoNLL-U

    /// Word and range lines by `sent_id`, each split into its 10 columns.
    static func conlluSentences(_ text: String) -> (order: [String], lines: [String: [[Substring]]]) {
        var order: [String] = []
        var lines: [String: [[Substring]]] = [:]
        var current: String?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# sent_id = ") {
                let id = String(line.dropFirst("# sent_id = ".count))
                current = id
                order.append(id)
                lines[id] = []
            } else if !line.hasPrefix("#"), let id = current {
                lines[id, default: []].append(line.split(separator: "\t", omittingEmptySubsequences: false))
            }
        }
        return (order, lines)
    }

    static func spaceAfterNo(_ misc: Substring) -> Bool { misc.split(separator: "|").contains("SpaceAfter=No") }

    @Test("our CoNLL-U agrees with ParlaMint's on ids, forms, lemma, UPOS, FEATS, HEAD, DEPREL, SpaceAfter",
          .enabled(if: ToolGate.shared, "needs ../shared"))
    func conlluAgreesWithParlaMint() throws {
        let ours = Self.conlluSentences(try Corpus.convert(try Self.teiText(), from: "tei", to: "conllu"))
        let gold = Self.conlluSentences(
            try String(contentsOf: try SharedMaterial.file(Self.stem + ".conllu"), encoding: .utf8))
        // Every gold sentence is ours too, in the same order (ours adds the headings and notes).
        let shared = ours.order.filter { gold.lines[$0] != nil }
        #expect(shared == gold.order)
        var total = 0
        var agreeing = 0
        var differences: [String] = []
        for id in gold.order {
            let mine = Dictionary((ours.lines[id] ?? []).map { (String($0[0]), $0) }, uniquingKeysWith: { a, _ in a })
            for g in gold.lines[id] ?? [] {
                total += 1
                guard let o = mine[String(g[0])], o.count == 10, g.count == 10 else {
                    differences.append("\(id) \(g[0]): missing")
                    continue
                }
                // ID, FORM, LEMMA, UPOS, FEATS, HEAD, DEPREL and SpaceAfter.
                if [0, 1, 2, 3, 5, 6, 7].allSatisfy({ o[$0] == g[$0] }) && Self.spaceAfterNo(o[9]) == Self.spaceAfterNo(g[9]) {
                    agreeing += 1
                } else {
                    differences.append("\(id) \(g.joined(separator: " ")) ≠ \(o.joined(separator: " "))")
                }
            }
        }
        let agreement = Double(agreeing) / Double(max(total, 1))
        print("ParlaMint CoNLL-U oracle: \(agreeing)/\(total) word and range lines agree (\(String(format: "%.2f", agreement * 100)) %); \(ours.order.count - shared.count) extra sentences (headings and notes)")
        for d in differences.prefix(20) { print("  differs: \(d)") }
        #expect(total == 180)  // 175 syntactic words + 5 multiword ranges
        #expect(agreement >= 0.995)
    }

    // MARK: VRT

    /// Token lines with the structures around them: speech id, p id, s id, entity type,
    /// and whether `<g/>` follows. Also the structure lines, normalised to what an
    /// `.ana.xml` alone can give (ids; ParlaMint's speech attributes beyond `id` come
    /// from the corpus root file's header).
    struct VerticalReading {
        var tokens: [String] = []
        var structures: [String] = []

        init(_ text: String) {
            var speech = "", p = "", s = "", name = ""
            for line in text.split(separator: "\n") {
                if line == "<g/>" {
                    if !tokens.isEmpty { tokens[tokens.count - 1] += " +g" }
                    continue
                }
                guard line.hasPrefix("<") else {
                    tokens.append("\(speech) \(p) \(s) \(name) | \(line)")
                    continue
                }
                if line.hasPrefix("<text") || line.hasPrefix("</text") { continue }
                let id = Self.attribute("id", in: line)
                if line.hasPrefix("<speech ") { speech = id } else if line == "</speech>" { speech = "" }
                if line.hasPrefix("<p ") { p = id } else if line == "</p>" { p = "" }
                if line.hasPrefix("<s ") { s = id } else if line == "</s>" { s = "" }
                if line.hasPrefix("<name ") { name = Self.attribute("type", in: line) } else if line == "</name>" { name = "" }
                let normalised = line.hasPrefix("<speech ") ? "<speech id=\"\(id)\">" : line.hasPrefix("<p ") ? "<p id=\"\(id)\">" : String(line)
                structures.append(normalised)
            }
        }

        static func attribute(_ name: String, in line: Substring) -> String {
            guard let r = line.range(of: " \(name)=\"") else { return "" }
            let rest = line[r.upperBound...]
            return String(rest[..<(rest.firstIndex(of: "\"") ?? rest.endIndex)])
        }
    }

    /// Length of the longest common subsequence (the lines kept in order).
    static func commonInOrder(_ a: [String], _ b: [String]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var row = [Int](repeating: 0, count: b.count + 1)
            for (j, y) in b.enumerated() { row[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], row[j]) }
            previous = row
        }
        return previous[b.count]
    }

    @Test("our VRT matches ParlaMint's .vert on token lines in their structures",
          .enabled(if: ToolGate.shared, "needs ../shared"))
    func vrtMatchesParlaMint() throws {
        let ours = VerticalReading(try Corpus.convert(try Self.teiText(), from: "tei", to: "vrt"))
        let gold = VerticalReading(try String(contentsOf: try SharedMaterial.file(Self.stem + ".vert"), encoding: .utf8))
        let tokens = Self.commonInOrder(ours.tokens, gold.tokens)
        let structures = Self.commonInOrder(ours.structures, gold.structures)
        let tokenAgreement = Double(tokens) / Double(gold.tokens.count)
        print("ParlaMint VRT oracle: \(tokens)/\(gold.tokens.count) token lines agree with their speech, p, s, name and glue (\(String(format: "%.2f", tokenAgreement * 100)) %); structure lines \(structures)/\(gold.structures.count) (ours \(ours.structures.count))")
        for line in gold.structures where !ours.structures.contains(line) { print("  only in ParlaMint's: \(line)") }
        #expect(gold.tokens.count == 170)
        #expect(ours.tokens.count == gold.tokens.count)
        #expect(tokenAgreement >= 0.995)
        // The one structure line we do not write: `<note type="gap::editorial">` (we drop <gap> on purpose).
        #expect(structures >= gold.structures.count - 1)
        #expect(ours.structures.count == structures)
    }

    @Test("ParlaMint's .vert reads back and writes byte-identically (inside our <text>)",
          .enabled(if: ToolGate.shared, "needs ../shared"))
    func parlaMintVerticalRoundTrips() throws {
        let original = try String(contentsOf: try SharedMaterial.file(Self.stem + ".vert"), encoding: .utf8)
        let written = try Corpus.convert(original, from: "vrt", to: "vrt")
        let lines = written.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("<text id=") == true)
        // Inside the <text> we add: the same lines, speech and p attributes included.
        #expect(lines.dropFirst().dropLast(2).joined(separator: "\n") + "\n" == original)
    }

    // MARK: token table

    @Test("ParlaMint .ana.xml → --table tokens loads in pandas; lemma-by-speaker counts equal ParlaMint's .conllu",
          .enabled(if: ToolGate.shared && ToolGate.python("pandas") && ToolGate.python("conllu"),
                   "needs ../shared and pip install pandas conllu"),
          arguments: ["csv", "tsv"])
    func lemmaBySpeakerAgreesWithTheirCoNLLU(format: String) throws {
        let tei = try SharedMaterial.file(Self.stem + ".ana.xml").path
        let table = CLI.scratch() + "/tokens.\(format)"
        let r = try CLI.run(["convert", tei, "--to", format, "--table", "tokens", "-o", table])
        #expect(r.status == 0, "\(r.stderr)")
        let script = CLI.root.appendingPathComponent("Tests/CorpusKitTests/check_speaker_lemmas.py").path
        let check = try ExternalTool.run(["python3", script, table, try SharedMaterial.file(Self.stem + ".conllu").path, tei])
        print("lemma by speaker (\(format)): \(check.output)")
        #expect(check.status == 0, "\(check.output)")
    }

    // MARK: CoNLL-U, compared in the model

    /// One word as both files are compared: everything the issue names.
    struct Word: Equatable {
        var form, lemma, upos, feats, deprel: String?
        var head: Int?
        var spaceAfter: Bool
    }

    static func words(_ conllu: [UInt8], name: String) throws -> [(sentence: String, words: [Word])] {
        let docs = try CoNLLUReader().readDocuments(.bytes(conllu, name: name))
        return docs.flatMap(\.blocks).flatMap(\.sentences).map { s in
            let id = s.attributes.first { $0.key == CoNLLUFormat.sentIDAttribute }?.value ?? s.id
            return (id, (s.tokens ?? []).map {
                Word(form: $0.form, lemma: $0.lemma, upos: $0.upos, feats: $0.feats, deprel: $0.deprel, head: $0.head,
                     spaceAfter: $0.spaceAfter)
            })
        }
    }

    /// The same agreement measured a second way: both files read back with our CoNLL-U
    /// reader and compared word by word in the model.
    @Test("TEI .ana.xml → CoNLL-U agrees with ParlaMint's .conllu on ≥ 99.5% of words (through the reader)",
          .enabled(if: ToolGate.shared, "needs ../shared"))
    func conlluWordsAgreeThroughTheReader() throws {
        let tei = try SharedMaterial.file("annotated/ParlaMint-FR_2018-07-11-E1009.ana.xml")
        let theirs = Array(try Data(contentsOf: try SharedMaterial.file("annotated/ParlaMint-FR_2018-07-11-E1009.conllu")))
        let registry = Corpus.standardRegistry
        let plan = try Planner(registry: registry).plan(from: "tei", to: "conllu", options: FormatOptions())
        let output = ByteOutput.memory()
        try Converter(registry: registry).run(plan, inputs: [.file(tei.path)], output: output, options: FormatOptions())
        let ours = try Self.words(output.bytes, name: "ours.conllu")
        let oracle = try Self.words(theirs, name: "theirs.conllu")
        // Every sentence of theirs, in their order; ours may add sentences for heads and notes,
        // which parlamint2conllu leaves out (they have no <s> in the .ana.xml).
        let ourIDs = ours.map(\.sentence)
        var next = ourIDs.startIndex
        for id in oracle.map(\.sentence) {
            guard let found = ourIDs[next...].firstIndex(of: id) else {
                Issue.record("sentence \(id) is missing or out of order in ours: \(ourIDs)")
                break
            }
            next = found + 1
        }
        let byID = Dictionary(ours.map { ($0.sentence, $0.words) }, uniquingKeysWith: { a, _ in a })
        var total = 0
        var agree = 0
        var differences: [String] = []
        for (id, words) in oracle {
            let mine = byID[id] ?? []
            for (i, word) in words.enumerated() {
                total += 1
                if i < mine.count && mine[i] == word {
                    agree += 1
                } else if differences.count < 10 {
                    differences.append("\(id) word \(i + 1): theirs \(word), ours \(i < mine.count ? "\(mine[i])" : "missing")")
                }
            }
        }
        #expect(total == 175)
        let report = "\(agree)/\(total) words agree\n" + differences.joined(separator: "\n")
        print("ParlaMint CoNLL-U oracle through the reader: \(agree)/\(total) words agree")
        #expect(Double(agree) >= 0.995 * Double(total), "\(report)")
    }
}

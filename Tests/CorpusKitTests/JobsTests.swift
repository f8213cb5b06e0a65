import Foundation
import Testing

/// `--jobs` changes how many threads one conversion uses, never its bytes:
/// segmentation and tokenization run in batches on other threads and their
/// blocks are written in order, with the same global ids.
@Suite("--jobs gives identical output")
struct JobsTests {
    let dir = CLI.scratch()

    /// Both samples, 24 times (about 1.1 MiB, over 1,000 paragraphs): several batches.
    /// `withPlan`: the structure test text (headings, lists) after each copy.
    func bigInput(withPlan: Bool = false) throws -> String {
        var text = ""
        for name in ["000_41c5c0974157b10e", "004_d576930189d3d379"] {
            text += try String(contentsOfFile: CLI.root.appendingPathComponent("samples/\(name).txt").path, encoding: .utf8)
            text += "\n\n"
        }
        if withPlan {
            let plan = CLI.root.appendingPathComponent("Tests/CorpusKitTests/StructureTexts/plan.txt").path
            text += try String(contentsOfFile: plan, encoding: .utf8) + "\n\n"
        }
        let path = dir + "/big.txt"
        try String(repeating: text, count: 24).write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    /// With `corpus=no` or `yes` the TEI writer decides its layout at once and takes
    /// sentences rendered ahead on the segmenting threads (with `auto` only after
    /// 4 MiB); the CSV and TSV writers take rows rendered ahead after a document's
    /// first block. `--structure` adds headings and lists (`div`s, indentation the
    /// writer decides around rendered sentences); the plan text has both.
    @Test(arguments: [
        ["--to", "tei"], ["--to", "tei", "--tokens"], ["--to", "csv"],
        ["--to", "tei", "-O", "corpus=no"], ["--to", "tei", "-O", "corpus=yes", "--no-indent"],
        ["--to", "tei", "-O", "corpus=no", "--structure", "--plan"],
        ["--to", "tsv", "--columns", "doc_id,sentence_id,char_start,char_end,language,text,doc_meta"],
    ])
    func sameBytesForAnyJobs(format: [String]) throws {
        let input = try bigInput(withPlan: format.contains("--plan"))
        let format = format.filter { $0 != "--plan" }
        var outputs: [Data] = []
        for jobs in ["1", "2", "3"] {
            let out = dir + "/out-\(jobs)"
            let r = try CLI.run(["convert", input] + format + ["--jobs", jobs, "-o", out])
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: out)))
        }
        #expect(outputs[0].count > 1_000_000)
        #expect(outputs[1] == outputs[0])
        #expect(outputs[2] == outputs[0])
        // Ids are global: the last paragraph of the 24th copy carries its own number.
        let text = String(decoding: outputs[0], as: UTF8.self)
        #expect(text.contains(".p1000.s1"))
    }

    /// A character TEI cannot carry, late in the input: the writer reports it in
    /// order, the same for any `--jobs` (a renderer ahead leaves that block to
    /// it), and no output is left behind.
    @Test func anUnwritableCharacterMidStreamFailsAlikeForAnyJobs() throws {
        let input = try bigInput()
        var text = try String(contentsOfFile: input, encoding: .utf8)
        let cut = text.index(text.startIndex, offsetBy: text.count * 3 / 4)
        let paragraph = text[cut...].range(of: "\n\n")!.upperBound
        text.insert(contentsOf: "Бұл \u{1}сөйлем. ", at: paragraph)
        let path = dir + "/bad.txt"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        var errors: [String] = []
        for jobs in ["1", "2", "3"] {
            let out = dir + "/bad-\(jobs).xml"
            let r = try CLI.run(["convert", path, "--to", "tei", "-O", "corpus=no", "--jobs", jobs, "-o", out])
            #expect(r.status == 1)
            #expect(!FileManager.default.fileExists(atPath: out))
            errors.append(r.stderr.replacingOccurrences(of: "bad-\(jobs).xml", with: "bad.xml"))
        }
        #expect(errors[0].contains("control character U+1 cannot be written"), "\(errors[0])")
        #expect(errors[1] == errors[0])
        #expect(errors[2] == errors[0])
    }
}

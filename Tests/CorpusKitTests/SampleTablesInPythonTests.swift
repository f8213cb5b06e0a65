import CorpusTestSupport
import Foundation
import Testing

/// The CSV written from the samples loads in Python's `csv` module and in
/// pandas with the gold's sentences, in order (expected rows come from the
/// gold files, not from reading our table back).
@Suite("Sample tables in Python")
struct SampleTablesInPythonTests {
    static let script = CLI.root.appendingPathComponent("Tests/CorpusCSVTests/check_csv_python.py").path

    static let pythonWithPandas = ToolGate.python("pandas")

    /// Expected rows (`sentence_id`, `text`) from a gold file: blank lines separate paragraphs.
    static func expectedRows(sample: String) throws -> String {
        let gold = try String(contentsOf: SampleConversionTests.gold.appendingPathComponent("\(sample).gold.txt"),
                              encoding: .utf8)
        let doc = "doc_" + sample
        var lines: [String] = []
        for (p, paragraph) in gold.components(separatedBy: "\n\n").enumerated() {
            for (s, sentence) in paragraph.split(separator: "\n").enumerated() {
                let row = ["sentence_id": "\(doc).p\(p + 1).s\(s + 1)", "text": String(sentence)]
                let data = try JSONSerialization.data(withJSONObject: row, options: [.sortedKeys])
                lines.append(String(decoding: data, as: UTF8.self))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("csv and pandas read the sample tables with the gold sentences",
          .enabled(if: pythonWithPandas, "python3 with pandas is not installed (CI runs pip install pandas)"),
          arguments: SampleConversionTests.samples)
    func samplesLoadInPython(sample: String) throws {
        let dir = CLI.scratch()
        for (format, extra) in [("csv", [] as [String]), ("csv", ["--crlf", "--bom"]), ("tsv", [])] {
            let table = dir + "/\(sample).\(format)"
            let r = try CLI.run(["convert", "samples/\(sample).txt", "--to", format, "-o", table,
                                 "--columns", "sentence_id,text", "--force"] + extra, in: CLI.root.path)
            #expect(r.status == 0, "\(r.stderr)")
            let expected = dir + "/expected.jsonl"
            try Self.expectedRows(sample: sample).write(toFile: expected, atomically: true, encoding: .utf8)
            let check = try ExternalTool.run(["python3", Self.script, table, expected] + (format == "tsv" ? ["--tsv"] : []))
            #expect(check.status == 0, "\(check.output)")
        }
    }
}

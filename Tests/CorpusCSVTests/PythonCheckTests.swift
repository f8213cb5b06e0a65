import CorpusModel
import CorpusTestSupport
import Foundation
import Testing

@testable import CorpusCSV

/// Tables written here load in Python's `csv` module and in pandas with the
/// rows and texts the documents hold (expected rows are worked out here from
/// the documents, not by reading the table back).
@Suite("Python reads our tables")
struct PythonCheckTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("check_csv_python.py").path

    /// Whether `python3` with pandas runs here; CI installs pandas, so there the test always runs.
    static let pythonWithPandas = ToolGate.python("pandas")

    /// The rows of the default columns, as a reader of the table should see them.
    static func expectedRows(_ docs: [Document]) -> [[(String, String)]] {
        var rows: [[(String, String)]] = []
        for doc in docs {
            let meta = MetadataCell.encode(doc.metadata)
            func row(_ block: Block?, _ sentence: Sentence?, _ n: String) -> [(String, String)] {
                [
                    ("doc_id", doc.id), ("block_id", block?.id ?? ""), ("block_kind", block?.kind.name ?? ""),
                    ("level", block?.kind.headingLevel.map { "\($0)" } ?? ""), ("sentence_id", sentence?.id ?? ""),
                    ("sentence_n", n), ("text", sentence?.text ?? ""), ("doc_meta", ""),
                ]
            }
            var docRows: [[(String, String)]] = []
            for block in doc.blocks {
                if block.sentences.isEmpty { docRows.append(row(block, nil, "0")) }
                for (i, s) in block.sentences.enumerated() { docRows.append(row(block, s, "\(i + 1)")) }
            }
            if docRows.isEmpty { docRows.append(row(nil, nil, "")) }
            docRows[0][7].1 = meta
            rows += docRows
        }
        return rows
    }

    static func jsonLine(_ row: [(String, String)]) -> String {
        func quoted(_ s: String) -> String {
            let data = try? JSONSerialization.data(withJSONObject: [s], options: [.fragmentsAllowed])
            let array = data.map { String(decoding: $0, as: UTF8.self) } ?? "[\"\"]"
            return String(array.dropFirst().dropLast())
        }
        return "{" + row.map { quoted($0.0) + ":" + quoted($0.1) }.joined(separator: ",") + "}"
    }

    static func corpus() throws -> [Document] {
        var generator = DocumentGenerator(seed: 2024)
        return try SampleDocuments.names.map(SampleDocuments.document) + generator.corpus(documents: 30)
    }

    @Test(
        "csv and pandas read the rows and texts we wrote",
        .enabled(if: pythonWithPandas, "python3 with pandas is not installed here (CI runs pip install pandas)"),
        arguments: [(TableDialect.csv, false), (.csv, true), (.tsv, false)])
    func pythonReadsTable(dialect: TableDialect, crlfAndBOM: Bool) throws {
        let docs = try Self.corpus()
        let writer: any CorpusWriter = dialect == .csv ? CSVWriter() : TSVWriter()
        let options = crlfAndBOM ? FormatOptions(["crlf": "", "bom": ""]) : FormatOptions()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("corpuscsv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let table = dir.appendingPathComponent("table.\(dialect.rawValue)")
        let expected = dir.appendingPathComponent("expected.jsonl")
        try Data(try writer.write(docs, options: options)).write(to: table)
        let lines = Self.expectedRows(docs).map(Self.jsonLine).joined(separator: "\n") + "\n"
        try Data(lines.utf8).write(to: expected)
        var arguments = ["python3", Self.script, table.path, expected.path]
        if dialect == .tsv { arguments.append("--tsv") }
        let (status, output) = try ExternalTool.run(arguments)
        #expect(status == 0, "\(output)")
        #expect(output.contains("pandas:"), "\(output)")
    }
}

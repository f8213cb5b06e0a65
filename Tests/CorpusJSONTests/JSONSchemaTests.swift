import CorpusModel
import CorpusTestSupport
import Foundation
import Testing

@testable import CorpusJSON

/// The published schema (`schema/corpuskit.schema.json`) accepts what the writers write.
@Suite("JSON Schema")
struct JSONSchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let schema = root.appendingPathComponent("schema/corpuskit.schema.json").path

    @Test("writer output validates against the published schema",
          .enabled(if: ToolGate.python("jsonschema"), "python3 with jsonschema is not installed (pip install jsonschema)"))
    func outputMatchesSchema() throws {
        var generator = DocumentGenerator(seed: 3)
        let documents = (0..<60).map { generator.document($0) }
        let annotated = documents.flatMap(\.blocks).flatMap(\.sentences).filter { !$0.multiwordTokens.isEmpty || !$0.emptyNodes.isEmpty }
        #expect(annotated.count >= 5, "the generator makes annotated sentences to validate")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("corpuskit-schema-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = dir.appendingPathComponent("a.json")
        let jsonl = dir.appendingPathComponent("a.jsonl")
        try Data(try JSONWriter().write(documents)).write(to: json)
        try Data(try JSONLinesWriter().write(documents)).write(to: jsonl)
        let script = """
            import json, sys, jsonschema
            v = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
            docs = [json.load(open(sys.argv[2]))] + [json.loads(l) for l in open(sys.argv[3])]
            errs = [e.message for d in docs for e in v.iter_errors(d)]
            bad = {"version": 1, "documents": [{"id": "1x", "metadata": {}, "blocks": []}]}
            assert list(v.iter_errors(bad)), "schema accepts a non-NCName id"
            print("\\n".join(errs[:5])); sys.exit(1 if errs else 0)
            """
        let (status, out) = try ExternalTool.run(["python3", "-c", script, Self.schema, json.path, jsonl.path])
        #expect(status == 0, "\(out)")
    }
}

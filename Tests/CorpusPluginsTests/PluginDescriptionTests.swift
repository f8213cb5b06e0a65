import CorpusModel
@testable import CorpusPlugins
import Testing

/// `--describe` answers: what is accepted, and the words used for what is not.
struct PluginDescriptionTests {
    private func parse(_ json: String) throws -> PluginDescription {
        try PluginDescription.parse(Array(json.utf8))
    }

    @Test func fullDescriptionIsRead() throws {
        let d = try parse("""
            {"protocol": 1, "kind": "writer", "name": "md", "summary": "Markdown", "aliases": ["markdown"],
             "extensions": ["md"], "media_type": "text/markdown", "requires": ["tokens"],
             "options": [{"name": "title", "help": "page title", "default": "Corpus"},
                         {"name": "ids", "help": "show ids", "default": false},
                         {"name": "width", "default": 72}, {"name": "style"}]}
            """)
        #expect(d.kind == .writer && d.name == "md" && d.aliases == ["markdown"] && d.extensions == ["md"])
        #expect(d.requires == [.sentences, .tokens])  // tokens implies sentences
        #expect(d.options.map(\.defaultValue) == ["Corpus", "false", "72", nil])
        #expect(d.effectiveOptions(["width": "80", "other": "x"]) == ["title": "Corpus", "ids": "false", "width": "80"])
    }

    @Test func minimalDescriptionHasDefaults() throws {
        let d = try parse(#"{"protocol":1,"kind":"transform","name":"upper"}"#)
        #expect(d.provides == [] && d.requires == [] && d.options.isEmpty && d.sniff == nil)
    }

    @Test(arguments: [
        ("", "printed nothing"),
        ("hello", "is not one JSON object"),
        (#"{"kind":"writer","name":"x"}"#, "has no \"protocol\""),
        (#"{"protocol":2,"kind":"writer","name":"x"}"#, "speaks protocol 2"),
        (#"{"protocol":1,"kind":"filter","name":"x"}"#, "\"kind\" other than reader, writer or transform"),
        (#"{"protocol":1,"kind":"writer","name":"Bad Name"}"#, "has the name \"Bad Name\""),
        (#"{"protocol":1,"kind":"writer","name":"x","extensions":[".md"]}"#, "without the dot"),
        (#"{"protocol":1,"kind":"writer","name":"x","requires":["lemmas"]}"#, "\"lemmas\" in \"requires\""),
        (#"{"protocol":1,"kind":"writer","name":5}"#, "wrong type at \"name\""),
    ])
    func badDescriptionsSayWhatIsWrong(json: String, expected: String) {
        do {
            _ = try parse(json)
            Issue.record("accepted \(json)")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
        }
    }

    @Test func transformSpecsParse() throws {
        let spec = try TransformSpecProbe.parse("sentlen:unit=chars,attr=n=1")
        #expect(spec.name == "sentlen" && spec.options == ["unit": "chars", "attr": "n=1"])
        #expect(throws: CorpusError.self) { try TransformSpecProbe.parse("sentlen:unit") }
        #expect(throws: CorpusError.self) { try TransformSpecProbe.parse(":a=b") }
    }
}

import CorpusDriver

private enum TransformSpecProbe {
    static func parse(_ s: String) throws -> TransformSpec { try TransformSpec(parsing: s) }
}

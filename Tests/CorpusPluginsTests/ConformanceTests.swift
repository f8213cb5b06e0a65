import CorpusKit
import CorpusPlugins
import CorpusTestSupport
import Foundation
import Testing

/// The format-author checks (``FormatConformance``) pass for bundled formats
/// and for a plugin reader, and catch a broken reader.
struct ConformanceTests {
    /// Documents with sentences and tokens, as the stricter writers require.
    private func tokenized() throws -> [Document] {
        let registry = Corpus.standardRegistry
        let plan = try Planner(registry: registry).plan(from: "text", to: "jsonl", wanted: [.sentences, .tokens])
        let output = ByteOutput.memory()
        try Converter(registry: registry).run(plan, inputs: [.file(PluginCLI.sample)], output: output, options: FormatOptions())
        let docs = try JSONLinesReader().readDocuments(.bytes(output.bytes))
        #expect(docs.flatMap { $0.blocks.flatMap(\.sentences) }.count > 50)
        return docs
    }

    @Test(arguments: ["json", "jsonl", "csv", "tei"])
    func bundledFormatsConform(format: String) throws {
        let registry = Corpus.standardRegistry
        let check = FormatConformance(reader: registry.reader(named: format)!, writer: registry.writer(named: format)!)
        let problems = check.problems(with: try tokenized())
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func aReaderThatLosesSentencesIsCaught() throws {
        struct Lossy: CorpusReader {
            var format: FormatDescription { CorpusJSONFormat.jsonLines }
            var provides: Capabilities { [] }
            func sniff(_ prefix: [UInt8]) -> SniffResult { .possible }
            func read(_ input: InputSource, options: FormatOptions, into sink: any CorpusEventSink) throws {
                let docs = try JSONLinesReader().readDocuments(input)
                for var d in docs {
                    d.blocks.removeLast()
                    try sink.receive(document: d)
                }
            }
        }
        let problems = FormatConformance(reader: Lossy(), writer: JSONLinesWriter()).problems(with: try tokenized())
        #expect(problems.contains { $0.hasPrefix("round trip:") })
    }

    @Test(.enabled(if: ToolGate.tool("python3"), "the markdown plugin is Python"))
    func pluginReaderConformsAgainstASwiftWriterOfTheSameFormat() async throws {
        // The Python markdown reader against a Swift markdown writer: the pair a package and a plugin make.
        var docs = try Corpus.read(file: PluginCLI.sample)
        #expect(docs.first?.blocks.count ?? 0 > 10)
        // A title first, as Markdown notes have (and the reader's sniff hint looks for).
        docs[0].blocks.insert(Block(id: "t", kind: .heading(level: 1), content: .text("Жапония және доллар")), at: 0)
        let sample = docs
        let problems = try await offPool {
            let found = PluginCLI.discovery([PluginCLI.examples + "/corpuskit-markdown"]).discover()
            let reader = PluginReader(found.plugins[0].plugin)
            return FormatConformance(reader: reader, writer: MiniMarkdownWriter(), keepsIDs: false).problems(with: sample)
        }
        #expect(problems.isEmpty, "\(problems)")
    }
}

/// A tiny Markdown writer for the conformance test of the Python markdown reader.
private struct MiniMarkdownWriter: CorpusWriter {
    var format: FormatDescription { FormatDescription(name: "markdown", extensions: ["md"], mediaType: "text/markdown", summary: "") }
    var requires: Capabilities { [] }
    func makeSink(writingTo output: ByteOutput, options: FormatOptions) throws -> any CorpusEventSink {
        ClosureSink { event in
            guard case .block(let b) = event else { return }
            switch b.kind {
            case .heading(let level): try output.write(String(repeating: "#", count: level) + " " + b.plainText + "\n\n")
            case .listItem: try output.write("- " + b.plainText + "\n\n")
            case .quote: try output.write("> " + b.plainText + "\n\n")
            default:
                // Escape what would read as a marker (a paragraph starting "- …" is no list item).
                let text = b.plainText
                let marker = text.first.map { "-*+#>".contains($0) || $0.isNumber } ?? false
                try output.write((marker ? "\\" : "") + text + "\n\n")
            }
        }
    }
}

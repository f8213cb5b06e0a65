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

    @Test(.enabled(if: ToolGate.tool("python3"), "the vert plugin is Python"))
    func pluginReaderConformsAgainstABundledWriterOfTheSameFormat() async throws {
        // The Python vert reader against a Swift vert writer: the pair a Swift package and a plugin make.
        let docs = try tokenized()
        let problems = try await offPool {
            let found = PluginDiscovery(explicit: [PluginCLI.examples + "/corpuskit-vert"], environment: [:]).discover()
            let reader = PluginReader(found.plugins[0].plugin)
            return FormatConformance(reader: reader, writer: MiniVertWriter(), keepsIDs: false).problems(with: docs)
        }
        #expect(problems.isEmpty, "\(problems)")
    }
}

/// A tiny vertical writer for the conformance test of the Python vert reader.
private struct MiniVertWriter: CorpusWriter {
    var format: FormatDescription { FormatDescription(name: "vert", extensions: ["vert"], mediaType: "text/plain", summary: "") }
    var requires: Capabilities { [.sentences, .tokens] }
    func makeSink(writingTo output: ByteOutput, options: FormatOptions) throws -> any CorpusEventSink {
        ClosureSink { event in
            switch event {
            case .startDocument(let s): try output.write("<doc id=\"\(s.id)\">\n")
            case .block(let b):
                try output.write("<p>\n")
                for s in b.sentences {
                    try output.write("<s>\n")
                    for t in s.tokens ?? [] { try output.write(t.form + "\n" + (t.spaceAfter ? "" : "<g/>\n")) }
                    try output.write("</s>\n")
                }
                try output.write("</p>\n")
            case .endDocument: try output.write("</doc>\n")
            }
        }
    }
}

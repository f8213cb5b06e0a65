import CorpusKit
import CorpusPlugins
import CorpusTestSupport
import Foundation
import Testing

/// Plugins are found on PATH, in CORPUSKIT_PLUGIN_PATH and through --plugin,
/// listed by `corpuskit formats` with where they come from, and planned into chains.
@Suite(.enabled(if: ToolGate.tool("python3"), "the example plugins are Python scripts"))
struct PluginDiscoveryTests {
    @Test func foundOnPath() throws {
        let r = try PluginCLI.run(["formats"], environment: ["PATH": PluginCLI.examples + ":/usr/local/bin:/usr/bin:/bin"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.out.contains("plugin \(PluginCLI.examples)/corpuskit-html"))
        #expect(r.out.contains("plugin \(PluginCLI.examples)/corpuskit-sentlen"))
        #expect(r.out.contains("plugin \(PluginCLI.examples)/corpuskit-markdown"))
        // Bundled formats say so.
        #expect(r.out.split(separator: "\n").contains { $0.hasPrefix("tei ") && $0.contains("bundled") })
    }

    @Test func foundInPluginPathAndThroughFlag() throws {
        let viaEnv = try PluginCLI.run(["formats"], environment: ["CORPUSKIT_PLUGIN_PATH": "/nonexistent:" + PluginCLI.examples])
        #expect(viaEnv.out.contains("plugin \(PluginCLI.examples)/corpuskit-html"))
        let viaFlag = try PluginCLI.run(["formats", "--plugin", PluginCLI.examples + "/corpuskit-html"])
        #expect(viaFlag.out.contains("plugin \(PluginCLI.examples)/corpuskit-html"))
        #expect(!viaFlag.out.contains("corpuskit-sentlen"))
        let none = try PluginCLI.run(["formats"])
        #expect(!none.out.contains("corpuskit-html"))
    }

    @Test func badDescribeIsAWarningAndTheRestStillWork() throws {
        let r = try PluginCLI.run(["formats", "--plugin", PluginCLI.broken, "--plugin", PluginCLI.examples])
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning: plugin \(PluginCLI.broken)/corpuskit-baddescribe: --describe is not one JSON object; skipped"))
        #expect(r.stderr.contains("corpuskit-badkind: --describe has \"kind\" other than reader, writer or transform"))
        #expect(r.out.contains("corpuskit-html") && r.out.contains("corpuskit-failing"))
        // And a conversion through a good plugin still runs beside the bad ones.
        let convert = try PluginCLI.run(["convert", PluginCLI.sample, "--to", "html", "--plugin", PluginCLI.broken, "--plugin", PluginCLI.examples])
        #expect(convert.status == 0, "\(convert.stderr)")
        #expect(convert.out.contains("<span class=\"s\" id=\""))
    }

    @Test func pluginOnPathDoesNotShadowABundledFormat() throws {
        let dir = PluginCLI.scratch()
        let script = dir + "/corpuskit-tei"
        try "#!/bin/sh\necho '{\"protocol\":1,\"kind\":\"writer\",\"name\":\"tei\"}'\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        let r = try PluginCLI.run(["formats"], environment: ["PATH": dir + ":/usr/bin:/bin"])
        #expect(r.stderr.contains("a writer named 'tei' is bundled; skipped"))
        #expect(r.out.split(separator: "\n").contains { $0.hasPrefix("tei ") && $0.contains("bundled") && !$0.contains("plugin") })
    }

    @Test func graphShowsPluginsAsTextAndDot() throws {
        let text = try PluginCLI.run(["formats", "--graph", "--plugin", PluginCLI.examples])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.out.contains("markdown --read--> events[blocks]"))
        #expect(text.out.contains("events[blocks] --segment--> events[sentences]"))
        #expect(text.out.contains("events[sentences] --sentlen--> events[sentences]"))
        #expect(text.out.contains("events[sentences] --write--> html"))
        let dot = try PluginCLI.run(["formats", "--graph", "dot", "--plugin", PluginCLI.examples])
        #expect(dot.out.hasPrefix("digraph corpuskit {"))
        #expect(dot.out.contains("\"format:html\" [label=\"html\", shape=box];"))
        #expect(dot.out.contains("\"events[sentences]\" -> \"format:html\" [label=\"write\"];"))
    }

    @Test func plannedIntoChains() async throws {
        let registry = try await offPool {
            Corpus.standardRegistry.addingPlugins(from: PluginCLI.discovery([PluginCLI.examples])).registry
        }
        let planner = Planner(registry: registry)
        let sentlen = try #require(registry.transform(named: "sentlen"))
        // sentlen needs sentences: segmentation goes before it; html needs sentences and gets them.
        let toHTML = try planner.plan(from: "text", to: "html", transforms: [sentlen])
        #expect(toHTML.legs[0].transforms.map(\.name) == ["segment", "sentlen"])
        #expect(toHTML.legs[0].writer is PluginWriter)
        // The markdown reader gives blocks: CSV needs sentences, so segmentation follows it.
        let fromMarkdown = try planner.plan(from: "md", to: "csv")
        #expect(fromMarkdown.legs[0].reader is PluginReader && fromMarkdown.legs[0].transforms.map(\.name) == ["segment"])
        // Extension lookup and sniffing know plugin formats.
        #expect(registry.formatName(forPath: "notes.markdown") == "markdown")
        #expect(registry.sniff(Array("# Title\n\nText.\n".utf8))?.format.name == "markdown")
    }
}

import CorpusKit
import CorpusPlugins
import CorpusTestSupport
import Foundation
import Testing

/// The example plugins run in real conversions and give what they promise,
/// checked against the bundled formats' own view of the same input.
@Suite(.enabled(if: ToolGate.tool("python3"), "the example plugins are Python scripts"))
struct PluginRunTests {
    /// The sentences of the sample as the bundled jsonl writer sees them.
    private func bundledSentences(tokens: Bool = false) throws -> [Sentence] {
        let r = try PluginCLI.run(["convert", PluginCLI.sample, "--to", "jsonl", "--no-plugin-search", "--transform", "segment"] + (tokens ? ["--tokens"] : []))
        let docs = try JSONLinesReader().readDocuments(.bytes(Array(r.stdout)))
        return docs.flatMap { $0.blocks.flatMap { $0.sentences } }
    }

    @Test func htmlWriterGivesEverySentenceItsId() throws {
        let r = try PluginCLI.run(["convert", PluginCLI.sample, "--to", "html", "--plugin", PluginCLI.examples, "-O", "title=Sample"])
        #expect(r.status == 0, "\(r.stderr)")
        let spans = try Regex(#"<span class="s" id="([^"]+)">([^<]*)</span>"#)
        let found = r.out.matches(of: spans).map { (String($0.output[1].substring!), String($0.output[2].substring!)) }
        let expected = try bundledSentences()
        #expect(!expected.isEmpty)
        #expect(found.map(\.0) == expected.map(\.id))
        #expect(found.map { $0.1.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#x27;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&") } == expected.map(\.text))
        #expect(r.out.contains("<title>Sample</title>"))
    }

    @Test func sentlenTransformAddsWordCountsInOrder() throws {
        let r = try PluginCLI.run([
            "convert", PluginCLI.sample, "--to", "jsonl", "--tokens", "--plugin", PluginCLI.examples,
            // In the given order: tokens exist before sentlen counts them.
            "--transform", "tokenize", "--transform", "sentlen", "--transform", "sentlen:unit=chars,attr=n",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let docs = try JSONLinesReader().readDocuments(.bytes(Array(r.stdout)))
        let sentences = docs.flatMap { $0.blocks.flatMap { $0.sentences } }
        let expected = try bundledSentences(tokens: true)
        #expect(sentences.map(\.id) == expected.map(\.id))
        for (s, e) in zip(sentences, expected) {
            let words = e.tokens!.filter { $0.kind == .word || $0.kind == .number }.count
            #expect(s.attributes.first { $0.key == "words" }?.value == String(words))
            #expect(s.attributes.first { $0.key == "n" }?.value == String(e.text.count))
        }
    }

    @Test func markdownReaderGivesHeadingsParagraphsAndItems() throws {
        let markdown = """
            # Сынақ

            Бұл бірінші
            абзац. Екінші сөйлем.

            ## Бөлім

            - бір
            - екі

            > дәйексөз

            """
        let dir = PluginCLI.scratch()
        try markdown.write(toFile: dir + "/notes.md", atomically: true, encoding: .utf8)
        let r = try PluginCLI.run(["convert", dir + "/notes.md", "--to", "jsonl", "--plugin", PluginCLI.examples, "-O", "lang=kk"])
        #expect(r.status == 0, "\(r.stderr)")
        let docs = try JSONLinesReader().readDocuments(.bytes(Array(r.stdout)))
        #expect(docs.count == 1)
        #expect(docs[0].id == "notes" && docs[0].metadata.title == "Сынақ" && docs[0].metadata.language == "kk")
        #expect(docs[0].blocks.map(\.kind) == [.heading(level: 1), .paragraph, .heading(level: 2), .listItem, .listItem, .quote])
        #expect(docs[0].blocks[1].plainText == "Бұл бірінші абзац. Екінші сөйлем.")
        // Sniffed without --from or extension, and on to TEI (valid per our checker), segmented on the way.
        let tei = try PluginCLI.run(["convert", "-", "--to", "tei", "-o", dir + "/notes.xml", "--plugin", PluginCLI.examples],
                                    stdin: Data(markdown.utf8))
        #expect(tei.status == 0, "\(tei.stderr)")
        let xml = try String(contentsOfFile: dir + "/notes.xml", encoding: .utf8)
        #expect(xml.contains("<s xml:id=") && xml.contains("<head"))
        let check = try PluginCLI.run(["validate", dir + "/notes.xml"])
        #expect(check.status == 0, "\(check.stderr)")
        // Invalid UTF-8: the plugin's own message, named and located by it.
        try Data([0x23, 0x20, 0x41, 0x0A, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: dir + "/bad.md"))
        let bad = try PluginCLI.run(["convert", dir + "/bad.md", "--to", "jsonl", "--plugin", PluginCLI.examples])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("corpuskit-markdown: line 2, byte 4: not UTF-8"), "\(bad.stderr)")
        #expect(bad.stderr.contains("bad.md: error: plugin corpuskit-markdown exited with status 1"), "\(bad.stderr)")
    }

    @Test func explainShowsPluginsInTheChain() throws {
        let r = try PluginCLI.run(["convert", PluginCLI.sample, "--to", "html", "--transform", "sentlen", "--explain", "--plugin", PluginCLI.examples])
        #expect(r.status == 0)
        #expect(r.stderr.contains("text (reads blocks) → segment (provides sentences) → sentlen"))
        #expect(r.stderr.contains("plugin transform 'sentlen' runs \(PluginCLI.examples)/corpuskit-sentlen"))
        #expect(r.stderr.contains("plugin writer 'html' runs \(PluginCLI.examples)/corpuskit-html"))
    }

    @Test func bundledTransformsByNameWithOptions() throws {
        let r = try PluginCLI.run(["convert", "-", "--from", "text", "--to", "jsonl", "--transform", "segment:lang=en", "--transform", "tokenize"],
                                  stdin: Data("Mr. Smith went home. He slept.".utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let docs = try JSONLinesReader().readDocuments(.bytes(Array(r.stdout)))
        let sentences = docs[0].blocks.flatMap { $0.sentences }
        #expect(sentences.map(\.text) == ["Mr. Smith went home.", "He slept."])
        #expect(sentences.allSatisfy { $0.tokens != nil })
        let unknown = try PluginCLI.run(["convert", "-", "--from", "text", "--to", "jsonl", "--transform", "nosuch"], stdin: Data("x".utf8))
        #expect(unknown.status == 2 && unknown.stderr.contains("no transform named 'nosuch'"))
        // A plugin's declared options are checked like bundled ones: a typo fails before any work.
        let typo = try PluginCLI.run(["convert", "-", "--from", "text", "--to", "jsonl", "--plugin", PluginCLI.examples,
                                      "--transform", "sentlen:unti=chars"], stdin: Data("x".utf8))
        #expect(typo.status == 2 && typo.stderr.contains("--transform sentlen: unknown option 'unti'; did you mean 'unit'?"), "\(typo.stderr)")
    }

    /// Several inputs into one output: one writer process for the whole run;
    /// a transform plugin runs once per input (each input has its own chain, so
    /// a bad input is left out whole) — never once per document.
    @Test func oneProcessPerConversionAndStderrIsPrefixed() throws {
        let dir = PluginCLI.scratch()
        for i in 1...3 { try "Сөйлем \(i).\n\nЕкінші абзац.".write(toFile: dir + "/\(i).txt", atomically: true, encoding: .utf8) }
        let r = try PluginCLI.run([
            "convert", dir + "/1.txt", dir + "/2.txt", dir + "/3.txt", "--to", "echo",
            "--plugin", PluginCLI.broken + "/corpuskit-passthrough", "--plugin", PluginCLI.broken + "/corpuskit-echo",
            "--transform", "passthrough",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.components(separatedBy: "corpuskit-echo: writer started\n").count == 2)
        #expect(r.stderr.components(separatedBy: "corpuskit-passthrough: hello from sh\n").count == 4)
        #expect(try JSONLinesReader().readDocuments(.bytes(Array(r.stdout))).count == 3)
    }

    @Test func libraryUsersConvertThroughPlugins() async throws {
        let html = try await offPool {
            let registry = Corpus.standardRegistry.addingPlugins(from: PluginCLI.discovery([PluginCLI.examples])).registry
            return try Corpus.convert("Бұл бірінші сөйлем. Бұл екінші сөйлем.", from: "text", to: "html", registry: registry)
        }
        #expect(html.contains(#"<span class="s" id="doc.p1.s2">Бұл екінші сөйлем.</span>"#))
    }

    @Test(.enabled(if: ToolGate.python("jsonschema"), "needs Python jsonschema"))
    func pluginOutputAndDescriptionsMatchTheSchemas() throws {
        let check = """
            import json, subprocess, sys, pathlib
            from jsonschema import Draft202012Validator
            from referencing import Registry, Resource
            root = pathlib.Path(sys.argv[1]); plugins = pathlib.Path(sys.argv[2])
            model = json.loads((root / "schema/corpuskit.schema.json").read_text())
            events = json.loads((root / "schema/plugin-events.schema.json").read_text())
            describe = json.loads((root / "schema/plugin-describe.schema.json").read_text())
            reg = Registry().with_resource("https://corpuskit.invalid/schema/corpuskit.schema.json", Resource.from_contents(model))
            for p in sorted(plugins.glob("corpuskit-*")):
                d = json.loads(subprocess.run([str(p), "--describe"], capture_output=True, check=True).stdout)
                Draft202012Validator(describe).validate(d)
            md = '# Тақырып\\n\\nБұл абзац.\\n'
            out = subprocess.run([str(plugins / "corpuskit-markdown"), "reader"], input=md.encode(), capture_output=True, check=True).stdout
            lines = [l for l in out.decode().splitlines() if l.strip()]
            assert lines, "no output"
            v = Draft202012Validator(events, registry=reg)
            for l in lines: v.validate(json.loads(l))
            print("ok", len(lines))
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", check, PluginCLI.root.path, PluginCLI.examples]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self).hasPrefix("ok 1"))
    }
}

/// The 15-line plugin in the README is a working plugin, as printed.
@Suite(.enabled(if: ToolGate.tool("python3"), "the README plugin is Python"))
struct ReadmePluginTests {
    @Test func theReadmeWriterRunsAsPrinted() throws {
        let readme = try String(contentsOf: PluginCLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Plugins in any language"))
        let rest = readme[section.upperBound...]
        let start = try #require(rest.range(of: "```python\n"))
        let end = try #require(rest[start.upperBound...].range(of: "```"))
        let code = String(rest[start.upperBound..<end.lowerBound])
        #expect(code.split(separator: "\n").count <= 15)
        let dir = PluginCLI.scratch()
        let path = dir + "/corpuskit-sentences"
        try code.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        let r = try PluginCLI.run(["convert", PluginCLI.sample, "--to", "sentences", "--plugin", dir])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.out.split(separator: "\n")
        #expect(lines.count > 50)
        #expect(lines.first?.hasPrefix("doc_004_d576930189d3d379.p1.s1\t«Тынық мұхиты»") == true)
    }
}

/// Many plugin conversions at once, each blocking its own thread (as a
/// batch with --jobs does), all finish with their own results.
@Suite(.enabled(if: ToolGate.tool("python3"), "the example plugins are Python scripts"))
struct PluginConcurrencyTests {
    @Test(.timeLimit(.minutes(2)))
    func concurrentConversionsOnThreadsAllFinish() async throws {
        let width = 8
        let results = try await offPool {
            let registry = Corpus.standardRegistry.addingPlugins(from: PluginCLI.discovery([PluginCLI.examples])).registry
            let slots = ResultBox(count: width)
            DispatchQueue.concurrentPerform(iterations: width) { i in
                slots.set(i, Result { try Corpus.convert("Сөйлем \(i). Екінші сөйлем.", from: "text", to: "html", registry: registry) })
            }
            return try slots.values.map { try $0!.get() }
        }
        #expect(results.count == width)
        for (i, html) in results.enumerated() {
            #expect(html.contains(#"<span class="s" id="doc.p1.s1">Сөйлем \#(i).</span>"#))
        }
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<String, any Error>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<String, any Error>) { lock.withLock { slots[i] = r } }
    var values: [Result<String, any Error>?] { lock.withLock { slots } }
}

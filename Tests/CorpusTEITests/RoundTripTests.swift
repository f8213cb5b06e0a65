import CorpusModel
import Foundation
import Testing

@testable import CorpusTEI

/// model → TEI → model is identity; TEI → model → TEI is byte-identical; the TEI is valid.
@Suite struct RoundTripTests {
    static let seeds: [UInt64] = Array(1...40)

    @Test(arguments: seeds)
    func modelToTEIToModelIsIdentity(seed: UInt64) throws {
        var generator = DocumentGenerator(seed: seed)
        let documents = (1...Int(seed % 3 + 1)).map { generator.document(id: "gen\(seed)_\($0)") }
        for indent in ["true", "false"] {
            let bytes = try TEIWriter().write(documents, options: FormatOptions(["indent": indent]))
            saveForCI(bytes, name: "roundtrip-\(seed)-indent-\(indent).xml")
            let back = try TEIReader().readDocuments(.bytes(bytes, name: "gen.xml"))
            #expect(back.count == documents.count)
            for (a, b) in zip(documents, back) {
                #expect(a.id == b.id)
                #expect(a.metadata == b.metadata)
                #expect(a.blocks.count == b.blocks.count)
                for (x, y) in zip(a.blocks, b.blocks) { #expect(x == y) }
            }
            // TEI → model → TEI: the same bytes.
            let again = try TEIWriter().write(back, options: FormatOptions(["indent": indent]))
            #expect(again == bytes)
        }
    }

    @Test func writtenTEIIsValidAgainstTEIAllWithJing() throws {
        var generator = DocumentGenerator(seed: 99)
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for (i, options) in [["indent": "true"], ["indent": "false"], ["tokens": "false"], ["corpus": "yes"]].enumerated() {
            let docs = (1...(i == 3 ? 3 : 1)).map { generator.document(id: "v\(i)_\($0)") }
            let bytes = try TEIWriter().write(docs, options: FormatOptions(options))
            let path = dir.appendingPathComponent("gen\(i).xml").path
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            paths.append(path)
        }
        // Every round-trip seed, as the identity test writes them.
        for seed in Self.seeds {
            var g = DocumentGenerator(seed: seed)
            let documents = (1...Int(seed % 3 + 1)).map { g.document(id: "gen\(seed)_\($0)") }
            let bytes = try TEIWriter().write(documents)
            let path = dir.appendingPathComponent("seed\(seed).xml").path
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            paths.append(path)
        }
        // A document of notes only still needs a paragraph-like element in body.
        let notesOnly = try TEIWriter().write([Document(id: "n", blocks: [Block(id: "n.p1", kind: .note, content: .text("x"))])])
        let notesPath = dir.appendingPathComponent("notes-only.xml").path
        _ = FileManager.default.createFile(atPath: notesPath, contents: Data(notesOnly))
        paths.append(notesPath)
        // Real TEI read and written back (every sample, with and without tokens).
        // Each sample alone (the corpus root as its header), and the fixture corpus root with its members.
        let alone = FormatOptions(["xinclude": "false"], onWarning: WarningHandler { _ in })
        var sources = Fixtures.sampleFiles().map { (name: $0, path: Fixtures.sample($0), options: alone) }
        sources.append((name: "xinclude-corpus", path: XIncludeTests.corpus, options: FormatOptions()))
        for (name, path, readOptions) in sources {
            let docs = try TEIReader().readDocuments(.file(path), options: readOptions)
            for tokens in ["true", "false"] {
                let bytes = try TEIWriter().write(docs, options: FormatOptions(["tokens": tokens]))
                saveForCI(bytes, name: "sample-\(name)-tokens-\(tokens).xml")
                let path = dir.appendingPathComponent("\(name)-\(tokens).xml").path
                _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
                paths.append(path)
            }
        }
        guard let errors = try jingErrors(paths) else {
            print("SKIPPED jing validation: jing is not installed (apt-get install jing); CI installs it")
            return
        }
        #expect(errors == "", "jing: \(errors.prefix(3000))")
    }

    @Test func tokensFalseWritesSentenceTextOnly() throws {
        let tokens = [Token("Сәлем", kind: .word, spaceAfter: false), Token("!", kind: .punctuation, spaceAfter: false)]
        let doc = Document(id: "d", blocks: [
            Block(id: "d.p1", content: .sentences([Sentence(id: "d.p1.s1", text: "Сәлем!", tokens: tokens)]))
        ])
        let with = try TEIWriter().string([doc])
        #expect(with.contains("<w xml:id=\"d.p1.s1.w1\" join=\"right\">Сәлем</w><pc xml:id=\"d.p1.s1.w2\" join=\"right\">!</pc>"))
        let without = try TEIWriter().string([doc], options: FormatOptions(["tokens": "false"]))
        #expect(!without.contains("<w"))
        #expect(without.contains("<s xml:id=\"d.p1.s1\">Сәлем!</s>"))
    }

    @Test func headingLevelsBecomeNestedDivs() throws {
        let doc = Document(id: "d", blocks: [
            Block(id: "d.p1", kind: .heading(level: 1), content: .text("One")),
            Block(id: "d.p2", content: .text("a")),
            Block(id: "d.p3", kind: .heading(level: 3), content: .text("Three")),
            Block(id: "d.p4", kind: .listItem, content: .text("i")),
            Block(id: "d.p5", kind: .heading(level: 2), content: .text("Two")),
            Block(id: "d.p6", kind: .quote, content: .text("q")),
            Block(id: "d.p7", kind: .note, content: .text("n")),
        ])
        let xml = try TEIWriter().string([doc], options: FormatOptions(["indent": "false"]))
        #expect(xml.contains(
            "<body><div><head xml:id=\"d.p1\">One</head><p xml:id=\"d.p2\">a</p><div><div><head xml:id=\"d.p3\">Three</head><list><item xml:id=\"d.p4\">i</item></list></div></div><div><head xml:id=\"d.p5\">Two</head><quote xml:id=\"d.p6\">q</quote><note xml:id=\"d.p7\">n</note></div></div></body>"
        ))
        #expect(try TEIReader().readDocuments(.string(xml)) == [doc])
    }

    @Test func controlCharactersAreAnErrorNotDropped() throws {
        let doc = Document(id: "d", blocks: [Block(id: "d.p1", content: .text("bell\u{7}"))])
        let error = #expect(throws: CorpusError.self) { try TEIWriter().write([doc]) }
        #expect(error?.kind == .invalid)
    }

    @Test func badIdsAndLanguagesAreErrors() throws {
        #expect(throws: CorpusError.self) { try TEIWriter().write([Document(id: "2bad")]) }
        #expect(throws: CorpusError.self) {
            try TEIWriter().write([Document(id: "d", metadata: Metadata(language: "kk_KZ"))])
        }
    }

    @Test func oneDocumentIsTEISeveralAreTEICorpus() throws {
        let one = try TEIWriter().string([Document(id: "a")])
        #expect(one.contains("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"a\">"))
        #expect(!one.contains("teiCorpus"))
        let two = try TEIWriter().string([Document(id: "a"), Document(id: "b")])
        #expect(two.contains("<teiCorpus xmlns="))
        #expect(two.contains("<TEI xml:id=\"b\">"))
        let forced = try TEIWriter().string([Document(id: "a")], options: FormatOptions(["corpus": "yes"]))
        #expect(forced.contains("<teiCorpus"))
        #expect(throws: CorpusError.self) {
            try TEIWriter().write([Document(id: "a"), Document(id: "b")], options: FormatOptions(["corpus": "no"]))
        }
        #expect(try TEIReader().readDocuments(.string(two)).map(\.id) == ["a", "b"])
    }
}

/// The project's plain-text samples (split naively here: blank line = paragraph;
/// the text target does the real segmentation) as TEI: valid, and TEI → model → TEI
/// gives the same bytes.
@Suite struct SampleTextToTEITests {
    static func sampleDocuments() throws -> [Document] {
        let dir = Fixtures.packageRoot.appendingPathComponent("samples")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            let id = CorpusID.documentID(from: String(name.dropLast(4)))
            var blocks: [Block] = []
            for paragraph in text.components(separatedBy: "\n\n") {
                let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
                guard !words.isEmpty else { continue }
                blocks.append(Block(id: CorpusID.block(id, blocks.count + 1), content: .text(words.joined(separator: " "))))
            }
            return Document(id: id, metadata: Metadata(title: name, language: "kk", source: "samples/\(name)"), blocks: blocks)
        }
    }

    @Test func samplesAsTEIAreValidAndStable() throws {
        let documents = try Self.sampleDocuments()
        #expect(documents.count >= 2)
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for (label, docs) in [("single", [documents[0]]), ("corpus", documents)] {
            for indent in ["true", "false"] {
                let options = FormatOptions(["indent": indent])
                let bytes = try TEIWriter().write(docs, options: options)
                saveForCI(bytes, name: "samples-\(label)-indent-\(indent).xml")
                let back = try TEIReader().readDocuments(.bytes(bytes, name: "s.xml"))
                #expect(back == docs)
                #expect(try TEIWriter().write(back, options: options) == bytes)
                let path = dir.appendingPathComponent("\(label)-\(indent).xml").path
                _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
                paths.append(path)
            }
        }
        guard let errors = try jingErrors(paths) else {
            print("SKIPPED jing validation: jing is not installed (apt-get install jing); CI installs it")
            return
        }
        #expect(errors == "", "jing: \(errors.prefix(2000))")
    }
}

import CorpusModel
import Foundation
import Testing

@testable import CorpusJSON

/// The `json` reader streams: it reads through a window that refills, so
/// every value may be cut at a window's edge. These tests read with windows
/// down to one byte and compare with Foundation's whole-file decode of the same
/// bytes (the model's `Codable`), and check that errors late in a large file
/// keep their line, column and JSON path.
@Suite("The json reader streams")
struct JSONStreamingTests {
    /// Reads `bytes` with the streaming parser and a window of `chunk` bytes.
    static func stream(_ bytes: [UInt8], chunk: Int, limit: Int = ReadLimits.maximumDocumentBytes,
                       into sink: any CorpusEventSink = DocumentCollector()) throws -> [Document] {
        let cursor = JSONByteCursor(source: try InputSource.bytes(bytes, name: "s.json").openSequential(), limit: limit, chunk: chunk)
        var parser = JSONModelParser(cursor: cursor)
        try parser.readFile(into: sink)
        try sink.finish()
        return (sink as? DocumentCollector)?.documents ?? []
    }

    static func error(_ bytes: [UInt8], chunk: Int) -> CorpusError? {
        do {
            _ = try stream(bytes, chunk: chunk)
            return nil
        } catch {
            return error as? CorpusError
        }
    }

    /// Line and column of byte `offset`, counted here independently of the reader.
    static func place(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let before = bytes[..<offset]
        let line = 1 + before.filter { $0 == 0x0A }.count
        let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
        let column = 1 + bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count
        return (line, column)
    }

    static let chunks = [1, 2, 3, 7, 64, 4096]

    @Test("streamed with any window equals Foundation's whole-file decode", arguments: Array(UInt64(1)...12))
    func equalsWholeFileDecode(seed: UInt64) throws {
        var generator = DocumentGenerator(seed: seed)
        let documents = (0..<3).map { generator.document($0) }
        for options in [FormatOptions(), FormatOptions(["compact": "true"])] {
            let bytes = try JSONWriter().write(documents, options: options)
            let foundation = try JSONDecoder().decode(CorpusFile.self, from: Data(bytes)).documents
            #expect(foundation == documents)
            for chunk in Self.chunks {
                #expect(try Self.stream(bytes, chunk: chunk) == foundation, "chunk \(chunk)")
            }
        }
    }

    @Test("hand-written JSON: escapes, surrogate pairs, escaped keys, nulls, unknown keys, any key order")
    func handWritten() throws {
        let text = #"""
            {"comment": {"nested": [1, -2.5e+3, true, null, {"x": []}]},
             "documents": [
              {"blocks": [{"text": "a\"b\\c\/d\b\f\n\r\t\u00e9\u0416\ud83d\ude00", "kind": "heading", "level": 2, "id": "d.p1", "language": null}],
               "metadata": {"title": null, "authors": null, "extra": [{"value": "v", "key": "k"}]}, "\u0069d": "d"},
              {"id": "e", "metadata": {}, "blocks": [{"id": "e.p1", "kind": "paragraph", "sentences": [
                {"text": "Иә.", "id": "e.p1.s1", "tokens": [{"kind": "word", "form": "Иә", "space": false, "head": -0, "lemma": null},
                                                         {"form": ".", "kind": "punctuation"}]}]}]}],
             "version": 2}
            """#
        let bytes = Array(text.utf8)
        let foundation = try JSONDecoder().decode(CorpusFile.self, from: Data(bytes)).documents
        #expect(foundation[0].blocks[0].plainText == "a\"b\\c/d\u{8}\u{c}\n\r\té" + "Ж😀")
        #expect(foundation[1].blocks[0].sentences[0].tokens?[1].spaceAfter == true)
        for chunk in Self.chunks {
            #expect(try Self.stream(bytes, chunk: chunk) == foundation, "chunk \(chunk)")
        }
    }

    @Test("blocks go out as they are read: the first arrives before the file is complete")
    func blocksArriveBeforeTheEnd() throws {
        var events: [String] = []
        let sink = ClosureSink { event in
            switch event {
            case .startDocument(let d): events.append("start \(d.id)")
            case .block(let b): events.append(b.id)
            case .endDocument: events.append("end")
            }
        }
        let text = #"{"version":2,"documents":[{"id":"a","metadata":{},"blocks":[{"id":"a.p1","kind":"note","text":"x"},{"id":"a.p2","kind":"note","text":"#
        #expect(throws: CorpusError.self) { _ = try Self.stream(Array(text.utf8), chunk: 16, into: sink) }
        #expect(events == ["start a", "a.p1"])
    }

    /// A large pretty file (more than one window of the default 1 MiB) with one fault planted near its end.
    static func largeFile() throws -> [UInt8] {
        var generator = DocumentGenerator(seed: 5)
        var documents: [Document] = []
        var size = 0
        var n = 0
        while size < 200_000 {
            let d = generator.document(n)
            documents.append(d)
            size += d.blocks.reduce(0) { $0 + $1.plainText.utf8.count } + 200
            n += 1
        }
        // Plain filler blocks so the file is big whatever the generator draws.
        let filler = (1...1000).map { Block(id: "big.p\($0)", content: .text(String(repeating: "Қазақстан әлем ", count: 50))) }
        documents.insert(Document(id: "big", blocks: filler), at: 0)
        return try JSONWriter().write(documents)
    }

    /// Replaces the last occurrence of `needle` with `replacement`; the offset where it starts.
    static func plant(_ needle: String, _ replacement: [UInt8], in bytes: inout [UInt8]) -> Int {
        let n = Array(needle.utf8)
        var i = bytes.count - n.count
        while i >= 0 && !bytes[i..<(i + n.count)].elementsEqual(n) { i -= 1 }
        bytes.replaceSubrange(i..<(i + n.count), with: replacement)
        return i
    }

    @Test("a wrong type late in a large file names its line, column and JSON path")
    func lateTypeError() throws {
        var bytes = try Self.largeFile()
        #expect(bytes.count > 3 << 19)
        let at = Self.plant("\"kind\": \"paragraph\"", Array("\"kind\": 17".utf8), in: &bytes) + "\"kind\": ".utf8.count
        let expected = Self.place(of: at, in: bytes)
        for chunk in [4096, 1 << 20] {
            let e = try #require(Self.error(bytes, chunk: chunk))
            #expect(e.kind == .structure)
            #expect(e.location?.line == expected.line, "chunk \(chunk): \(e)")
            #expect(e.location?.column == expected.column)
            #expect(e.location?.byteOffset == at)
            #expect(e.message.hasPrefix("at $.documents["), "\(e.message)")
            #expect(e.message.hasSuffix(".kind: expected a string"), "\(e.message)")
        }
        // The same fault read through the public reader from a file on disk.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("late-\(UUID()).json")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let e = try #require(throws: CorpusError.self) { try JSONReader().readDocuments(.file(url.path)) }
        #expect(e.location?.line == expected.line)
        #expect(e.description.hasPrefix("\(url.path):\(expected.line):\(expected.column): error: at $.documents["))
    }

    @Test("invalid UTF-8, a NUL byte, a control character, truncation late in a large file: each at its place")
    func lateSyntaxErrors() throws {
        let clean = try Self.largeFile()
        for (needle, replacement, kind, message, shift) in [
            ("Қазақстан", [0x51, 0xFF, 0x51] as [UInt8], CorpusError.Kind.syntax, "invalid UTF-8 in a string", 1),
            ("Қазақстан", [0x51, 0x00, 0x51], .syntax, "NUL byte at byte offset", 1),
            ("Қазақстан", [0x51, 0x01, 0x51], .syntax, "malformed JSON: control character inside a string", 1),
            ("\"blocks\": [", Array("\"blocks\": [1, ".utf8), .structure, "expected an object", "\"blocks\": [".utf8.count),
        ] {
            var bytes = clean
            let at = Self.plant(needle, replacement, in: &bytes) + shift
            let expected = Self.place(of: at, in: bytes)
            for chunk in [1000, 1 << 20] {
                let e = try #require(Self.error(bytes, chunk: chunk))
                #expect(e.kind == kind, "\(e)")
                #expect(e.message.contains(message), "\(e)")
                #expect(e.location?.line == expected.line, "chunk \(chunk): \(e)")
                #expect(e.location?.column == expected.column, "chunk \(chunk): \(e)")
            }
        }
        // Cut in the middle of a late string: unterminated, at the string's opening quote.
        let cut = Array(clean.prefix(clean.count - 40))
        let quote = cut.lastIndex(of: 0x22)!
        let e = try #require(Self.error(cut, chunk: 4096))
        #expect(e.kind == .syntax)
        let expected = Self.place(of: quote, in: cut)
        if e.message.contains("unterminated string") {
            #expect(e.location?.line == expected.line)
        } else {
            #expect(e.message.contains("found end of input"), "\(e)")
            #expect(e.location?.line == Self.place(of: cut.count, in: cut).line)
        }
    }

    @Test("hostile nesting in an unknown key is refused at a depth, not by the stack")
    func deepNesting() throws {
        let text = "{\"version\":2,\"x\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            + ",\"documents\":[]}"
        let e = try #require(Self.error(Array(text.utf8), chunk: 64))
        #expect(e.message.contains("nested deeper than \(JSONByteCursor.maximumDepth)"))
        #expect(e.location?.column == 18 + JSONByteCursor.maximumDepth)
        let fine = "{\"version\":2,\"x\":" + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + ",\"documents\":[]}"
        #expect(try Self.stream(Array(fine.utf8), chunk: 3).isEmpty)
    }

    @Test("the limit bounds one string, not the file: a file many times the limit streams through")
    func limitIsPerString() throws {
        let blocks = (1...500).map { Block(id: "d.p\($0)", content: .text("short text \($0)")) }
        let bytes = try JSONWriter().write([Document(id: "d", blocks: blocks)])
        #expect(bytes.count > 20_000)
        #expect(try Self.stream(bytes, chunk: 256, limit: 1000).first?.blocks.count == 500)
        let long = try JSONWriter().write([Document(id: "d", blocks: [Block(id: "d.p1", content: .text(String(repeating: "x", count: 5000)))])])
        let e = try #require(throws: CorpusError.self) { try Self.stream(long, chunk: 256, limit: 1000) }
        #expect(e.message.hasPrefix("larger than 1000 bytes"))
        // A limit below the window size still reads a file whose strings (keys too) fit it.
        let tiny = #"{"version":2,"documents":[{"id":"a","metadata":{},"blocks":[]}]}"#
        #expect(try JSONReader().readDocuments(.string(tiny), options: ["max-document-bytes": "9"]).map(\.id) == ["a"])
        #expect(throws: CorpusError.self) { try JSONReader().readDocuments(.string(tiny), options: ["max-document-bytes": "8"]) }
    }

    @Test("escapes that are not JSON are errors with their place")
    func badEscapes() throws {
        for (escape, message) in [(#"\x"#, "invalid escape"), (#"\u12G4"#, "invalid \\u escape"), (#"\ud800x"#, "unpaired surrogate"),
                                  (#"\udc00"#, "unpaired surrogate")] {
            let text = #"{"version":2,"documents":[{"id":"a"#+escape+#"","metadata":{},"blocks":[]}]}"#
            for chunk in [1, 4096] {
                let e = try #require(Self.error(Array(text.utf8), chunk: chunk))
                #expect(e.message.contains(message), "\(escape): \(e)")
                #expect(e.location?.column == 35, "\(escape): \(e)")
            }
        }
    }

    @Test("documents before version are held, then checked; a bad version still fails")
    func versionAfterDocuments() throws {
        let ok = #"{"documents":[{"id":"a","metadata":{},"blocks":[]}],"version":2}"#
        #expect(try Self.stream(Array(ok.utf8), chunk: 5).map(\.id) == ["a"])
        let bad = #"{"documents":[{"id":"a","metadata":{},"blocks":[]}],"version":9}"#
        #expect(Self.error(Array(bad.utf8), chunk: 5)?.message.contains("unsupported version 9") == true)
        let trailing = #"{"version":2,"documents":[]} x"#
        #expect(Self.error(Array(trailing.utf8), chunk: 5)?.message.contains("expected end of input") == true)
    }

    @Test("JSON Lines goes through the same parser: a wrong type on a late line names that line, column and path")
    func linesErrorPlace() throws {
        var generator = DocumentGenerator(seed: 3)
        let documents = (0..<40).map { generator.document($0) }
        var bytes = try JSONLinesWriter().write(documents)
        #expect(try JSONLinesReader().readDocuments(.bytes(bytes)) == documents)
        bytes += Array(#"{"version":2,"id":"x","metadata":{},"blocks":[{"id":"x.p1","kind":"note","text":"é"},{"id":"x.p2","kind":5,"text":"b"}]}"#.utf8)
        let e = try #require(throws: CorpusError.self) { try JSONLinesReader().readDocuments(.bytes(bytes, name: "l.jsonl")) }
        #expect(e.location?.line == 41)
        #expect(e.location?.column == 106)
        #expect(e.message == "at $.blocks[1].kind: expected a string")
    }
}

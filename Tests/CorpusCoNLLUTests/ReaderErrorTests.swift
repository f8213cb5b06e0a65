import CorpusModel
import Testing

@testable import CorpusCoNLLU

/// Bad CoNLL-U gives one located error (`path:line:col`), never a crash or a half stream.
@Suite("CoNLL-U errors name the place")
struct ReaderErrorTests {
    static let w2 = "2\tb\t_\t_\t_\t_\t1\tdep\t_\t_\n"
    static let w1 = "1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n"

    static func error(_ text: String) throws -> CorpusError {
        var sent = 0
        do {
            try CoNLLUReader().read(.string(text, name: "bad.conllu"), options: FormatOptions(), into: ClosureSink { _ in sent += 1 })
        } catch let e as CorpusError {
            return e
        }
        Issue.record("no error for \(text.debugDescription)")
        return CorpusError(.io, "none")
    }

    @Test("each broken line is reported at its line and column", arguments: [
        // a line with 9 columns: the column where the 10th should start
        (w1 + "2\tb\t_\t_\t_\t_\t1\tdep\t_\n", 2, 20, "found 9 of the 10"),
        (w1 + "2\tb\t_\t_\t_\t_\t1\tdep\t_\t_\textra\n", 2, 23, "more than 10"),
        ("x\ta\t_\t_\t_\t_\t0\troot\t_\t_\n", 1, 1, "bad ID 'x'"),
        ("1.\ta\t_\t_\t_\t_\t0\troot\t_\t_\n", 1, 1, "bad ID"),
        (w1 + "3\tb\t_\t_\t_\t_\t1\tdep\t_\t_\n", 2, 1, "word 3 out of order"),
        ("1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n" + w1 + "\n", 1, 1, "range 1-2 without its words"),
        ("1-3\tabc\t_\t_\t_\t_\t_\t_\t_\t_\n" + w1 + w2, 1, 1, "range 1-3 without its words"),
        ("1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n" + w1 + "2-3\tbc\t_\t_\t_\t_\t_\t_\t_\t_\n", 3, 1, "overlaps range 1-2"),
        (w1 + "2\tb\t_\t_\t_\t_\t7\tdep\t_\t_\n\n", 2, 13, "HEAD 7 out of range"),
        (w1 + "2\tb\t_\t_\t_\t_\tx\tdep\t_\t_\n", 2, 13, "HEAD 'x'"),
        (w1 + "2\tb\t\t_\t_\t_\t1\tdep\t_\t_\n", 2, 5, "empty LEMMA column"),
        (w1 + "# late comment\n", 2, 1, "comment line among"),
        (w1 + "1.2\te\t_\t_\t_\t_\t_\t_\t_\t_\n", 2, 1, "empty node 1.2 out of place"),
        ("1-2\tab\tx\t_\t_\t_\t_\t_\t_\t_\n" + w1 + w2, 1, 8, "its LEMMA must be _"),
        (w1 + "1.1\te\t_\t_\t_\t_\t1\tdep\t_\t_\n", 2, 15, "its HEAD must be _"),
        ("# sent_id = a\n\n" + w1, 1, 1, "a sentence without word lines"),
        ("", 1, 1, "no CoNLL-U sentence"),
        (w1 + "2\tb\rc\t_\t_\t_\t_\t1\tdep\t_\t_\n", 2, 4, "carriage return inside a line"),
    ])
    func located(text: String, line: Int, column: Int, message: String) throws {
        let e = try Self.error(text)
        #expect(e.file == "bad.conllu")
        #expect(e.location?.line == line)
        #expect(e.location?.column == column)
        #expect(e.message.contains(message), "\(e.message)")
        #expect(e.description.hasPrefix("bad.conllu:\(line):\(column): error: "))
    }

    @Test("invalid UTF-8 names its line and column")
    func invalidUTF8() throws {
        var bytes = Array((Self.w1 + "2\tбә").utf8)
        bytes += [0xFF] + Array("\t_\t_\t_\t_\t1\tdep\t_\t_\n".utf8)
        var thrown: CorpusError?
        do { _ = try CoNLLUReader().readDocuments(.bytes(bytes, name: "u.conllu")) } catch let e as CorpusError { thrown = e }
        let e = try #require(thrown)
        #expect(e.kind == .encoding && e.location?.line == 2 && e.location?.column == 5)
    }

    @Test("the writer refuses ranges, empty nodes and heads CoNLL-U cannot hold", arguments: [
        Sentence(id: "s", text: "ab", tokens: [Token("a", kind: .word, spaceAfter: false), Token("b", kind: .word, spaceAfter: false)],
                 multiwordTokens: [MultiwordToken(first: 2, last: 3, form: "b")]),
        Sentence(id: "s", text: "a", tokens: [Token("a", kind: .word, spaceAfter: false)],
                 multiwordTokens: [MultiwordToken(first: 1, last: 1, form: "a")]),
        Sentence(id: "s", text: "a", tokens: [Token("a", kind: .word, spaceAfter: false)], emptyNodes: [EmptyNode(after: 2, index: 1)]),
        Sentence(id: "s", text: "a", tokens: [Token("a", kind: .word, spaceAfter: false, head: 2)]),
    ])
    func writerRefusesImpossibleStructure(sentence: Sentence) throws {
        let doc = Document(id: "d", blocks: [Block(id: "d.p1", content: .sentences([sentence]))])
        let e = try #require(throws: CorpusError.self) { try CoNLLUWriter().write([doc]) }
        #expect(e.message.contains("which CoNLL-U cannot hold"))
    }

    @Test("the writer refuses a form with a TAB instead of writing a broken line")
    func writerRefusesTab() throws {
        let s = Sentence(id: "d.p1.s1", text: "a\tb", tokens: [Token("a\tb", kind: .word, spaceAfter: false)])
        let doc = Document(id: "d", blocks: [Block(id: "d.p1", content: .sentences([s]))])
        #expect(throws: CorpusError.self) { try CoNLLUWriter().write([doc]) }
    }
}

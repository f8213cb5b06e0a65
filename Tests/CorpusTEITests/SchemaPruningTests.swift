import CorpusModel
import CorpusTestSupport
import Foundation
import Testing

@testable import CorpusTEI

/// A RELAX NG schema compiled only for the elements a file uses gives the same
/// verdicts as the whole schema (and as jing), and a batch converges on one compile.
@Suite struct SchemaPruningTests {
    func errors(_ diagnostics: [Diagnostic]) -> [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    func verdict(_ path: String, schema: String, prune: Bool = true, validator: String = "libxml2") throws -> Bool {
        let options = FormatOptions(["schema": schema, "rules": "false", "validator": validator, "prune": prune ? "true" : "false"])
        return errors(try TEIValidator().validate(.file(path), options: options)).isEmpty
    }

    /// Every schema test document and every real TEI sample: cut-down tei_all, whole
    /// tei_all and jing agree. (The whole compile is the slow part: ~5–12 s.)
    @Test(.timeLimit(.minutes(3)), .enabled(if: ToolGate.tool("jing"), "needs jing"))
    func prunedWholeAndJingAgreeOnTeiAll() throws {
        let docs = ValidatorTests.docs.map(ValidatorTests.path) + Fixtures.sampleFiles().map(Fixtures.sample)
        var valid = 0
        for path in docs {
            let pruned = try verdict(path, schema: "tei_all")
            let whole = try verdict(path, schema: "tei_all", prune: false)
            let jing = try verdict(path, schema: "tei_all", validator: "jing")
            #expect(pruned == whole, "\(path): pruned \(pruned), whole \(whole)")
            #expect(pruned == jing, "\(path): pruned \(pruned), jing \(jing)")
            if pruned { valid += 1 }
        }
        #expect(valid >= 7)  // valid-kk and the real samples that jing accepts
    }

    /// TEI Simple never finished compiling whole in libxml2 (over 10 minutes); cut down
    /// to a file's elements it compiles at once and agrees with jing.
    @Test(.timeLimit(.minutes(2)), .enabled(if: ToolGate.shared && ToolGate.tool("jing"), "needs ../shared and jing"))
    func teiSimpleCompilesForTheElementsUsed() throws {
        let schema = try SharedMaterial.file("schemas/teisimple.rng").path
        for name in ["valid-kk.xml", "invalid-unknown-element.xml", "invalid-no-titleStmt.xml", "invalid-s-outside-p.xml"] {
            let path = ValidatorTests.path(name)
            let ours = try verdict(path, schema: schema)
            #expect(ours == (name == "valid-kk.xml"), "\(name)")
            #expect(ours == (try verdict(path, schema: schema, validator: "jing")), "\(name)")
        }
    }

    /// Element patterns by plain name, prefixed name, `<name>` child and name class;
    /// choices, groups and repeats around them; verdicts equal to the whole schema's.
    @Test func cutDownSchemaKeepsTheLanguageOfTheFile() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rng = dir.appendingPathComponent("doc.rng").path
        writeFile(rng, """
            <grammar xmlns="http://relaxng.org/ns/structure/1.0" xmlns:x="urn:x">
              <start><element name="doc">
                <oneOrMore><choice><ref name="a"/><ref name="b"/><element><name>c</name><empty/></element></choice></oneOrMore>
                <optional><element name="x:tail"><text/></element></optional>
                <zeroOrMore><element><anyName><except><name>doc</name><name>a</name><name>b</name><name>c</name></except></anyName><text/></element></zeroOrMore>
              </element></start>
              <define name="a"><element name="a"><text/></element></define>
              <define name="b"><element name="b"><group><element name="must"><empty/></element><text/></group></element></define>
            </grammar>
            """)
        let cases: [(String, Bool)] = [
            ("<doc><a>1</a></doc>", true),
            ("<doc><a>1</a><c/><a/></doc>", true),
            ("<doc><b><must/>t</b></doc>", true),
            ("<doc><b>t</b></doc>", false),  // b needs <must>, which the file never uses
            ("<doc/>", false),  // one or more items
            ("<doc><c/><tail xmlns='urn:x'>t</tail></doc>", true),
            ("<doc><c/><anything>t</anything></doc>", true),  // the anyName pattern is kept
            ("<doc><c/><a>x</a><tail xmlns='urn:x'/><any><x/></any></doc>", false),  // <any> holds text only
            ("<other/>", false),  // a root the schema does not have at all
        ]
        for (i, (xml, expected)) in cases.enumerated() {
            let path = dir.appendingPathComponent("d\(i).xml").path
            writeFile(path, xml)
            #expect(try verdict(path, schema: rng) == expected, "\(xml)")
            #expect(try verdict(path, schema: rng, prune: false) == expected, "whole: \(xml)")
        }
    }

    /// Defines combined by choice, defines that need an unused element, optional parts:
    /// the `notAllowed` left by pruning changes no verdict through them.
    @Test func definesThatLoseTheirElementsKeepTheLanguage() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rng = dir.appendingPathComponent("defs.rng").path
        writeFile(rng, """
            <grammar xmlns="http://relaxng.org/ns/structure/1.0">
              <start><element name="doc"><zeroOrMore><ref name="item"/></zeroOrMore><optional><ref name="pair"/></optional><ref name="tail"/></element></start>
              <define name="item" combine="choice"><element name="a"><text/></element></define>
              <define name="item" combine="choice"><element name="b"><text/></element></define>
              <define name="pair"><element name="p1"><empty/></element><element name="p2"><empty/></element></define>
              <define name="tail"><choice><empty/><element name="t"><empty/></element></choice></define>
            </grammar>
            """)
        let cases: [(String, Bool)] = [
            ("<doc/>", true), ("<doc><a/></doc>", true), ("<doc><a/><b/><a/></doc>", true),
            ("<doc><p1/></doc>", false), ("<doc><p1/><p2/></doc>", true), ("<doc><a/><p2/></doc>", false),
            ("<doc><t/></doc>", true), ("<doc><t/><a/></doc>", false),
        ]
        for (i, (xml, expected)) in cases.enumerated() {
            let path = dir.appendingPathComponent("d\(i).xml").path
            writeFile(path, xml)
            #expect(try verdict(path, schema: rng) == expected, "\(xml)")
            #expect(try verdict(path, schema: rng, prune: false) == expected, "whole: \(xml)")
        }
    }

    /// A schema split with `include` still resolves its parts from its own folder.
    @Test func includedGrammarsAreFoundFromTheSchemasFolder() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("parts"), withIntermediateDirectories: true)
        let rng = dir.appendingPathComponent("main.rng").path
        writeFile(rng, """
            <grammar xmlns="http://relaxng.org/ns/structure/1.0">
              <include href="parts/items.rng"/>
              <start><element name="list"><oneOrMore><ref name="item"/></oneOrMore></element></start>
            </grammar>
            """)
        writeFile(dir.appendingPathComponent("parts/items.rng").path, """
            <grammar xmlns="http://relaxng.org/ns/structure/1.0">
              <define name="item"><choice><element name="item"><text/></element><element name="entry"><text/></element></choice></define>
            </grammar>
            """)
        let good = dir.appendingPathComponent("good.xml").path
        let bad = dir.appendingPathComponent("bad.xml").path
        writeFile(good, "<list><item>x</item></list>")
        writeFile(bad, "<list><thing/></list>")
        #expect(try verdict(good, schema: rng))
        #expect(try !verdict(bad, schema: rng))
    }

    /// Files with new elements widen the compile to everything seen so far; files
    /// whose elements are covered reuse a compile.
    @Test func aBatchConvergesOnOneCompile() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rng = dir.appendingPathComponent("batch.rng").path
        writeFile(rng, """
            <element name="doc" xmlns="http://relaxng.org/ns/structure/1.0">
              <zeroOrMore><choice><element name="a"><text/></element><element name="b"><text/></element><element name="c"><text/></element></choice></zeroOrMore>
            </element>
            """)
        let files = ["<doc><a/></doc>", "<doc><b/></doc>", "<doc><a/><a/></doc>", "<doc><b/><a/></doc>", "<doc/>"]
        var expectedCompiles = [1, 2, 2, 2, 2]
        for (i, xml) in files.enumerated() {
            let path = dir.appendingPathComponent("f\(i).xml").path
            writeFile(path, xml)
            #expect(try verdict(path, schema: rng))
            #expect(SchemaCache.shared.compiles(of: rng) == expectedCompiles.removeFirst(), "after \(xml)")
        }
    }
}

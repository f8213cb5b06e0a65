import CorpusModel
import CorpusTestSupport
import Foundation
import Testing

@testable import CorpusTEI

/// Well-formedness, structure rules and schemas over the schema test documents.
@Suite struct ValidatorTests {
    static let docs = [
        "valid-kk.xml", "invalid-no-namespace.xml", "invalid-no-titleStmt.xml", "invalid-s-outside-p.xml",
        "invalid-unknown-element.xml", "invalid-xmlid-not-ncname.xml", "invalid-xmlid-duplicate.xml",
        "invalid-xmllang-underscore.xml", "invalid-no-text.xml",
    ]

    static func path(_ name: String) -> String { Fixtures.schemaDocs.appendingPathComponent(name).path }

    func errors(_ diagnostics: [Diagnostic]) -> [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    @Test func structureRulesWithoutSchema() throws {
        let expected: [String: String?] = [
            "valid-kk.xml": nil,
            "invalid-no-namespace.xml": "TEI namespace",
            "invalid-no-titleStmt.xml": "titleStmt",
            "invalid-s-outside-p.xml": "<s> directly inside <div>",
            "invalid-unknown-element.xml": nil,  // only a schema knows <sentence> is not TEI
            "invalid-xmlid-not-ncname.xml": "not an XML NCName",
            "invalid-xmlid-duplicate.xml": "used twice",
            "invalid-xmllang-underscore.xml": "BCP 47",
            "invalid-no-text.xml": "<body> directly inside <TEI>: it belongs in <text>",
        ]
        for (name, fragment) in expected {
            let found = errors(try TEIValidator().validate(.file(Self.path(name)), options: FormatOptions()))
            if let fragment {
                #expect(found.count == 1, "\(name): \(found)")
                #expect(found.first?.message.contains(fragment) == true, "\(name): \(found)")
                #expect(found.first?.location?.line != nil)
                #expect(found.first?.description.hasPrefix(Self.path(name) + ":") == true)
            } else {
                #expect(found.isEmpty, "\(name): \(found)")
            }
        }
    }

    @Test func brokenXMLIsReportedWithItsPlace() throws {
        let found = try TEIValidator().validate(.string("<TEI>\n<p>x</q>", name: "b.xml"), options: FormatOptions(["rules": "false"]))
        #expect(found.count == 1)
        #expect(found.first?.description.hasPrefix("b.xml:2:") == true)
        #expect(found.first?.message.contains("not well-formed") == true)
    }

    /// tei_all with libxml2 (cut down to the elements the files use): every test
    /// document, a batch from several threads reusing the compile, then jing on the same files.
    @Test(.timeLimit(.minutes(3)))
    func teiAllCompiledOnceValidatesEveryTestDocument() throws {
        // A private copy of tei_all, so compiles other tests start in parallel do not count.
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let schema = dir.appendingPathComponent("tei_all.rng").path
        try FileManager.default.copyItem(atPath: try TEIValidator.resolveSchema("tei_all"), toPath: schema)
        let options = FormatOptions(["schema": schema, "rules": "false"])
        var verdicts: [String: Bool] = [:]
        for name in Self.docs {
            let found = errors(try TEIValidator().validate(.file(Self.path(name)), options: options))
            verdicts[name] = found.isEmpty
            if !found.isEmpty { #expect(found.allSatisfy { $0.location?.line != nil || $0.message.contains("validate") }) }
        }
        #expect(verdicts["valid-kk.xml"] == true)
        for name in Self.docs where name != "valid-kk.xml" { #expect(verdicts[name] == false, "\(name) should be invalid") }
        let bundled = try TEIValidator.resolveSchema("tei_all")
        #expect(SchemaCache.shared.compiles(of: schema) >= 1)
        let before = SchemaCache.shared.compiles(of: schema)
        // A batch from several threads reuses the compiled schema.
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            _ = try? TEIValidator().validate(.file(Self.path(Self.docs[i])), options: options)
        }
        #expect(SchemaCache.shared.compiles(of: schema) == before)
        #expect(FileManager.default.fileExists(atPath: bundled))

        guard JingRunner.executable != nil else {
            if ToolGate.required { Issue.record("jing is not installed, and CORPUSKIT_REQUIRE_TOOLS=1 requires it") }
            print("SKIPPED jing comparison: jing is not installed")
            return
        }
        let jingOptions = FormatOptions(["schema": "tei_all", "validator": "jing", "rules": "false"])
        for name in Self.docs {
            let found = errors(try TEIValidator().validate(.file(Self.path(name)), options: jingOptions))
            #expect(found.isEmpty == (name == "valid-kk.xml"), "\(name): \(found)")
            if name == "invalid-no-titleStmt.xml" {
                #expect(found.first?.message.contains("titleStmt") == true)
                #expect(found.first?.location?.line == 5)
            }
        }
    }

    @Test func xmlSchemaAndDTDValidation() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let xsd = dir.appendingPathComponent("note.xsd").path
        writeFile(xsd, """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="note"><xs:complexType><xs:sequence>
                <xs:element name="to" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
            </xs:schema>
            """)
        let dtd = dir.appendingPathComponent("note.dtd").path
        writeFile(dtd, "<!ELEMENT note (to)>\n<!ELEMENT to (#PCDATA)>\n")
        let good = InputSource.string("<note><to>x</to></note>", name: "good.xml")
        let bad = InputSource.string("<note>\n<from>x</from></note>", name: "bad.xml")
        for schema in [xsd, dtd] {
            let options = FormatOptions(["schema": schema, "rules": "false"])
            #expect(errors(try TEIValidator().validate(good, options: options)).isEmpty, "\(schema)")
            let found = errors(try TEIValidator().validate(bad, options: options))
            #expect(!found.isEmpty, "\(schema)")
            #expect(found.first?.file == "bad.xml")
            #expect(found.contains { $0.location?.line == 2 }, "\(schema): \(found)")
        }
    }

    @Test func slowCompileFallsBackToJing() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rng = dir.appendingPathComponent("note.rng").path
        writeFile(rng, """
            <element name="note" xmlns="http://relaxng.org/ns/structure/1.0"><element name="to"><text/></element></element>
            """)
        // schema-timeout=0: do not wait for libxml2 at all, so jing must answer.
        let options = FormatOptions(["schema": rng, "schema-timeout": "0", "rules": "false"])
        guard JingRunner.executable != nil else {
            #expect(throws: CorpusError.self) { try TEIValidator().validate(.string("<note><to/></note>"), options: options) }
            if ToolGate.required { Issue.record("jing is not installed, and CORPUSKIT_REQUIRE_TOOLS=1 requires it") }
            print("SKIPPED jing fallback: jing is not installed (the timeout error was checked instead)")
            return
        }
        // The first call starts the compile and cannot wait: jing answers.
        let found = errors(try TEIValidator().validate(.string("<note>\n<from/></note>", name: "bad.xml"), options: options))
        #expect(found.first?.file == "bad.xml")
        #expect(found.first?.location?.line == 2)
        #expect(found.first?.location?.column != nil)  // jing gives columns; libxml2's RELAX NG does not
        // Later calls get jing or, once the background compile is done, libxml2: same verdict.
        #expect(errors(try TEIValidator().validate(.string("<note><to>x</to></note>", name: "ok.xml"), options: options)).isEmpty)
    }

    @Test func missingOrUnusableSchemaIsAUsageError() throws {
        let error = #expect(throws: CorpusError.self) {
            try TEIValidator().validate(.string("<TEI/>"), options: FormatOptions(["schema": "/nonexistent.rng"]))
        }
        #expect(error?.kind == .usage)
    }

    /// A TEI with no `<text>` at all would read as an empty document: an error at its start tag.
    @Test func teiWithoutTextIsRejectedWhereItStarts() throws {
        let xml = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc></teiHeader>\n<standOff/></TEI>"
        let found = errors(try TEIValidator().validate(.string(xml, name: "n.xml"), options: FormatOptions()))
        #expect(found.map(\.message) == ["<TEI> has no <text>: a TEI document keeps its text in <text>"])
        #expect(found.first?.description.hasPrefix("n.xml:1:") == true)
        // In a corpus, each TEI is checked.
        let corpus = "<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>C</title></titleStmt></fileDesc></teiHeader>\n"
            + "<TEI><teiHeader><fileDesc><titleStmt><title>A</title></titleStmt></fileDesc></teiHeader><text><body><p>a</p></body></text></TEI>\n"
            + "<TEI><teiHeader><fileDesc><titleStmt><title>B</title></titleStmt></fileDesc></teiHeader></TEI></teiCorpus>"
        let inCorpus = errors(try TEIValidator().validate(.string(corpus, name: "c.xml"), options: FormatOptions()))
        #expect(inCorpus.count == 1)
        #expect(inCorpus.first?.location?.line == 3)
    }

    /// A truncated file is not well-formed, and says which element is still open.
    @Test func truncatedFileNamesTheOpenElement() throws {
        let text = try String(contentsOfFile: Self.path("valid-kk.xml"), encoding: .utf8)
        let cut = try #require(text.range(of: "Астана қаласы."))  // inside the second sentence, line 21
        let found = errors(try TEIValidator().validate(.string(String(text[..<cut.upperBound]), name: "cut.xml"), options: FormatOptions()))
        #expect(found.count == 1)
        #expect(found.first?.message == "not well-formed: unexpected end of file: <s> opened at 21:11 is not closed (nor are the 5 elements around it)", "\(found)")
        #expect(found.first?.description.hasPrefix("cut.xml:21:") == true)
    }

    @Test func writerOutputPassesTheStructureRules() throws {
        var generator = DocumentGenerator(seed: 5)
        let docs = (1...3).map { generator.document(id: "w\($0)") }
        let bytes = try TEIWriter().write(docs)
        #expect(try TEIValidator().validate(.bytes(bytes, name: "w.xml"), options: FormatOptions()).isEmpty)
    }
}

import CorpusModel
import Foundation
import Testing

@testable import CorpusTEI

/// The real-world TEI constructs the reader must handle, one small document each.
@Suite struct ReaderBehaviourTests {
    func read(_ body: String, header: String = "", root: String = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">",
              options: [String: String] = [:]) throws -> [Document] {
        let xml = "<?xml version=\"1.0\"?>\n\(root)<teiHeader>\(header)</teiHeader><text><body>\(body)</body></text></TEI>"
        return try TEIReader().readDocuments(.string(xml, name: "t.xml"), options: FormatOptions(options))
    }

    func texts(_ docs: [Document]) -> [String] { docs.flatMap(\.blocks).map(\.plainText) }

    @Test func lineBreaksSeparateWordsUnlessBreakNo() throws {
        let docs = try read("<p>erfüllt<lb/>und Gelegen\n   <lb break=\"no\"/>\n   heit <pb/>weiter</p>")
        #expect(texts(docs) == ["erfüllt und Gelegenheit weiter"])
    }

    @Test func pageBreakAndNoteInsideASentenceDoNotSplitIt() throws {
        let docs = try read("<p><s xml:id=\"s1\">One <pb n=\"2\"/>two<note>a note</note> three.</s></p>")
        let blocks = docs[0].blocks
        #expect(blocks.count == 2)
        #expect(blocks[0].sentences.map(\.text) == ["One two three."])
        #expect(blocks[0].sentences[0].id == "s1")
        #expect(blocks[1].kind == .note)
        #expect(blocks[1].plainText == "a note")
    }

    @Test func tokensOnePerLineWithJoin() throws {
        let docs = try read("""
            <p><s>
              <w>Hello</w>
              <w join="right">world</w>
              <pc>!</pc>
            </s></p>
            """)
        let s = docs[0].blocks[0].sentences[0]
        #expect(s.text == "Hello world!")
        #expect(s.tokens?.map(\.form) == ["Hello", "world", "!"])
        #expect(s.tokens?.map(\.spaceAfter) == [true, false, true])
    }

    @Test func utterancesSegmentsAndTextDirectlyInDiv() throws {
        let docs = try read("""
            <div><head>Sitting</head>Loose text here.<u who="#a"><seg>First.</seg><seg>Second.</seg></u>
            <sp><speaker>A</speaker><l>line one</l><stage>exit</stage></sp></div>
            """)
        #expect(texts(docs) == ["Sitting", "Loose text here.", "First.", "Second.", "A", "line one", "exit"])
        #expect(docs[0].blocks[0].kind == .heading(level: 1))
    }

    @Test func paragraphNestedInParagraphSplitsWithoutLosingText() throws {
        let docs = try read("<p xml:id=\"p1\">before <p>inner</p> after</p>")
        #expect(texts(docs) == ["before", "inner", "after"])
        #expect(docs[0].blocks[0].id == "p1")
    }

    @Test func choiceTakesRegularisedByDefaultOrOriginalOnRequest() throws {
        let body = "<p>a <choice><orig>olde</orig><reg>old</reg></choice> b <choice><sic>teh</sic><corr>the</corr></choice></p>"
        #expect(texts(try read(body)) == ["a old b the"])
        #expect(texts(try read(body, options: ["choice": "orig"])) == ["a olde b teh"])
    }

    @Test func gapAndFormeWorkAreDropped() throws {
        #expect(texts(try read("<p>one <gap reason=\"illegible\"><desc>two words</desc></gap> three</p>")) == ["one three"])
        #expect(texts(try read("<p>end of page<pb n=\"5\"/><fw type=\"header\">RUNNING HEAD</fw> next</p>")) == ["end of page next"])
    }

    @Test func apparatusKeepsTheLemma() throws {
        #expect(texts(try read("<p>a <app><lem>good</lem><rdg wit=\"#b\">bad</rdg></app> text</p>")) == ["a good text"])
    }

    @Test func divDepthGivesHeadingLevels() throws {
        let docs = try read("<div><head>A</head><div><head>B</head><div><head>C</head><p>x</p></div></div></div>")
        #expect(docs[0].blocks.map(\.kind) == [.heading(level: 1), .heading(level: 2), .heading(level: 3), .paragraph])
    }

    @Test func listsAndQuotes() throws {
        let docs = try read("<list><item>one</item><item>two</item></list><quote>q</quote><p>said <quote>inline</quote>.</p>")
        #expect(docs[0].blocks.map(\.kind) == [.listItem, .listItem, .quote, .paragraph])
        #expect(texts(docs).last == "said inline.")
    }

    @Test func headerFieldsAndUnknownPartsGoToExtra() throws {
        let header = """
            <fileDesc><titleStmt><title type="main">T</title><author><persName><forename>A.</forename><surname>B</surname></persName></author></titleStmt>
            <publicationStmt><publisher>P</publisher><availability><licence target="http://x">CC0</licence></availability></publicationStmt>
            <sourceDesc><bibl>Src</bibl></sourceDesc></fileDesc>
            <profileDesc><langUsage><language ident="kk">Kazakh</language></langUsage></profileDesc>
            """
        let m = try read("<p>x</p>", header: header)[0].metadata
        #expect(m.title == "T")
        #expect(m.authors == ["A. B"])
        #expect(m.licence == "CC0")
        #expect(m.source == "Src")
        #expect(m.language == "kk")
        #expect(m.extraValue("fileDesc/publicationStmt/publisher") == "P")
        #expect(m.extraValue("fileDesc/publicationStmt/availability/licence@target") == "http://x")
        #expect(m.extraValue("profileDesc/langUsage/language") == "Kazakh")
        #expect(m.extraValue("fileDesc/titleStmt/title@type") == "main")
    }

    @Test func noNamespaceAndTEIP4() throws {
        let p5 = try read("<p>x</p>", root: "<TEI>")
        #expect(texts(p5) == ["x"])
        let p4 = "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI.2 SYSTEM \"tei2.dtd\">\n<TEI.2><teiHeader><fileDesc><titleStmt><title>Old</title></titleStmt></fileDesc></teiHeader><text><body><div1><head>H</head><p>a&mdash;b</p></div1></body></text></TEI.2>"
        let error = #expect(throws: CorpusError.self) {
            try TEIReader().readDocuments(.string(p4, name: "p4.xml"), options: FormatOptions(["entities": "error"]))
        }
        #expect(error?.message.contains("&mdash;") == true)
        #expect(error?.location?.line == 3)
        let kept = try TEIReader().readDocuments(.string(p4, name: "p4.xml"))
        #expect(texts(kept) == ["H", "a&mdash;b"])
        #expect(kept[0].blocks[1].attributes.contains { $0.key == "warning" && $0.value.contains("&mdash;") })
        #expect(kept[0].metadata.title == "Old")
    }

    @Test func internalEntitiesAreExpandedOnce() throws {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE TEI [<!ENTITY k \"Қазақ\">]><TEI><teiHeader/><text><body><p>&k; &k; тілі</p></body></text></TEI>"
        #expect(texts(try TEIReader().readDocuments(.string(xml))) == ["Қазақ Қазақ тілі"])
    }

    @Test func bomCRLFSoftHyphenAndCombiningMarksSurvive() throws {
        let xml = "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\r\n<teiHeader/>\r\n<text><body>\r\n<p>Zusam\u{304}en\r\n Ver\u{AD}such</p>\r\n</body></text></TEI>\r\n"
        let docs = try TEIReader().readDocuments(.bytes(Array(xml.utf8), name: "bom.xml"))
        #expect(texts(docs) == ["Zusam\u{304}en Ver\u{AD}such"])
    }

    @Test func teiCorpusGivesOneDocumentPerTEI() throws {
        let xml = """
            <teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>C</title></titleStmt></fileDesc></teiHeader>
            <TEI><teiHeader/><text><body><p>one</p></body></text></TEI>
            <TEI xml:id="second"><teiHeader/><text><body><p>two</p></body></text></TEI></teiCorpus>
            """
        let docs = try TEIReader().readDocuments(.string(xml, name: "dir/corp.xml"))
        #expect(docs.map(\.id) == ["corp_1", "second"])
        #expect(texts(docs) == ["one", "two"])
    }

    @Test func xincludeReadsExistingTargetsAndUsesFallbacks() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let part = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"part\"><teiHeader/><text><body><p>included</p></body></text></TEI>"
        writeFile(dir.appendingPathComponent("part.xml").path, part)
        let root = """
            <teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude"><teiHeader/>
            <xi:include href="part.xml"/>
            <xi:include href="missing.xml"><xi:fallback/></xi:include></teiCorpus>
            """
        let path = dir.appendingPathComponent("root.xml").path
        writeFile(path, root)
        let docs = try TEIReader().readDocuments(.file(path), options: FormatOptions(["xinclude": "true"]))
        #expect(docs.map(\.id) == ["part"])
        #expect(texts(docs) == ["included"])
    }

    @Test func rootThatIsNotTEIIsAnError() throws {
        let error = #expect(throws: CorpusError.self) { try TEIReader().readDocuments(.string("<html/>", name: "x.html")) }
        #expect(error?.kind == .structure)
    }

    @Test func sniffRecognisesTEI() {
        #expect(TEIReader().sniff(Array("<?xml version=\"1.0\"?><TEI xmlns=\"http://www.tei-c.org/ns/1.0\">".utf8)) == .certain)
        #expect(TEIReader().sniff(Array("hello".utf8)) == .no)
    }
}

/// Text inside `<s>` around `<w>`/`<pc>` becomes tokens too, so nothing is lost.
@Suite struct StrayTextTests {
    @Test func strayTextBeforeAndBetweenTokens() throws {
        let xml = "<TEI><teiHeader/><text><body><p><s>Said he <w>hello</w>, <w join=\"right\">world</w><pc>!</pc> ok</s></p></body></text></TEI>"
        let s = try #require(try TEIReader().readDocuments(.string(xml)).first?.blocks.first?.sentences.first)
        #expect(s.text == "Said he hello, world! ok")
        #expect(s.tokens?.map(\.form) == ["Said", "he", "hello", ",", "world", "!", "ok"])
        #expect(s.tokens?.map(\.kind) == [.other, .other, .word, .other, .word, .punctuation, .other])
    }
}

/// The same input fed whole, byte by byte and in odd chunks gives the same events.
@Suite struct ChunkingTests {
    @Test(arguments: ["ParlaMint-TR_T27-tbmm-2020-05-27.ana.xml", "kfb_01419_g_pp_1875_06_25.xml"])
    func chunkSizeDoesNotChangeEvents(name: String) throws {
        let input = InputSource.file(Fixtures.sample(name))
        func events(_ size: Int) throws -> [CorpusEvent] {
            var out: [CorpusEvent] = []
            try TEIReader().read(input, options: FormatOptions(), into: ClosureSink { out.append($0) }, chunkSize: size)
            return out
        }
        let whole = try events(1 << 24)
        #expect(!whole.isEmpty)
        for size in [1, 3, 7, 4096] { #expect(try events(size) == whole, "chunk size \(size)") }
    }
}

/// A creation date given only as `@when` still fills the date field.
@Suite struct HeaderDateTests {
    @Test func whenAttributeIsTheDateWhenThereIsNoText() throws {
        let xml = "<TEI><teiHeader><profileDesc><creation><date when=\"1875-06-25\"/></creation></profileDesc></teiHeader><text><body><p>x</p></body></text></TEI>"
        let m = try #require(try TEIReader().readDocuments(.string(xml)).first?.metadata)
        #expect(m.date == "1875-06-25")
        #expect(m.extra.isEmpty)
    }
}

/// Someone else's slightly invalid `xml:lang` is kept, not fatal when writing TEI again.
@Suite struct BlockLanguageTests {
    @Test func invalidLanguageTagBecomesAnAttribute() throws {
        let xml = "<TEI><teiHeader/><text><body><p xml:lang=\"kk_KZ\">a</p><p xml:lang=\"kk\">b</p></body></text></TEI>"
        let docs = try TEIReader().readDocuments(.string(xml))
        #expect(docs[0].blocks[0].language == nil)
        #expect(docs[0].blocks[0].attributes == [MetadataPair("xml:lang", "kk_KZ")])
        #expect(docs[0].blocks[1].language == "kk")
        _ = try TEIWriter().write(docs)
    }

    @Test func duplicateSentenceIdsAreMadeUnique() throws {
        let xml = "<TEI><teiHeader/><text><body><p><s xml:id=\"s\">a</s><s xml:id=\"s\">b</s></p></body></text></TEI>"
        let ids = try TEIReader().readDocuments(.string(xml))[0].blocks[0].sentences.map(\.id)
        #expect(ids == ["s", "s_"])
    }
}

import CorpusModel
import CorpusText
import Testing

/// Layout detection (`auto`, with its explanation) and each layout's reading.
@Suite struct TextLayoutTests {
    static let wrapped = """
        Бұл зерттеу жұмысының мақсаты аймақтық экономикалық ынтымақтастықтың
        негізгі бағыттарын анықтау және олардың дамуына әсер ететін
        факторларды талдау болып табылады. Зерттеу барысында түрлі әдістер
        қолданылды.

        Екінші бөлімде Орталық Азия елдерінің сауда байланыстары қарастырылып,
        олардың құрылымы мен динамикасы сипатталады. Нәтижелер кестеде
        келтірілген.

        """
    static let indented = """
          Бұл зерттеу жұмысының мақсаты аймақтық экономикалық ынтымақтастықтың
        негізгі бағыттарын анықтау және олардың дамуына әсер ететін
        факторларды талдау болып табылады.
          Екінші бөлімде Орталық Азия елдерінің сауда байланыстары қарастырылып,
        олардың құрылымы мен динамикасы сипатталады.
          Үшінші бөлім қорытынды жасайды және ұсыныстар
        береді.

        """
    static let lines = """
        Бұл бірінші абзац. Онда екі сөйлем бар.
        Бұл екінші абзац. Онда да екі сөйлем бар.
        Үшінші абзац қысқа. Бірақ екі сөйлемнен тұрады.

        """
    static let sentences = """
        Бұл бірінші сөйлем.
        Бұл екінші сөйлем

        Жаңа абзацтың бірінші сөйлемі.
        Соңғы сөйлем.

        """
    static let tabbed = "Тақырып.\tБірінші абзацтың бірінші сөйлемі\nЕкінші сөйлемі 2 млн\nтоннаға жетті\nҮшінші сөйлем.\tЕкінші абзац\nМұнда да сөйлем бар.1.\t«Бірінші» тармақ\nОның сөйлемі\n"

    @Test(arguments: [
        (wrapped, TextLayout.paragraphs), (indented, .indented), (lines, .lines), (sentences, .sentences), (tabbed, .tabbed),
    ])
    func detectsEachLayout(_ text: String, _ layout: TextLayout) throws {
        let (found, reason) = try TextReader.detectLayout(Array(text.utf8))
        #expect(found == layout, "\(reason)")
        #expect(!reason.isEmpty)
    }

    @Test func detectsTheSamples() throws {
        let tab = try InputSource.file(SampleFiles.sample(SampleFiles.names[0])).readAll()
        let pdf = try InputSource.file(SampleFiles.sample(SampleFiles.names[1])).readAll()
        #expect(try TextReader.detectLayout(tab).0 == .tabbed)
        #expect(try TextReader.detectLayout(pdf).0 == .paragraphs)
        let gold = try InputSource.file(SampleFiles.gold(SampleFiles.names[0])).readAll()
        #expect(try TextReader.detectLayout(gold).0 == .sentences)
    }

    func read(_ text: String, _ layout: String = "auto") throws -> Document {
        try #require(try TextReader().readDocuments(.string(text, name: "x.txt"), options: FormatOptions(["layout": layout])).first)
    }

    @Test func paragraphsUnwrapLines() throws {
        let doc = try read(Self.wrapped)
        #expect(doc.blocks.count == 2)
        #expect(doc.blocks[0].plainText.hasPrefix("Бұл зерттеу жұмысының мақсаты аймақтық экономикалық ынтымақтастықтың негізгі бағыттарын"))
        #expect(doc.blocks[0].plainText.hasSuffix("әдістер қолданылды."))
        if case .text = doc.blocks[0].content {} else { Issue.record("paragraphs should give text blocks") }
    }

    @Test func hyphenatedAndSoftHyphenBreaksJoin() throws {
        let doc = try read("Бұл ақша-\nнесие саясаты мен эконо\u{AD}\nмика туралы.\nСөз - \nбасқа нәрсе.\n", "paragraphs")
        #expect(doc.blocks.map(\.plainText) == ["Бұл ақша-несие саясаты мен экономика туралы. Сөз - басқа нәрсе."])
    }

    @Test func blankLineInsideSentenceAndBulletsAndTrailingSpaces() throws {
        let text = "Төрт платформа:  \n\n- демократия,  тиімді басқару; \n- энергетикалық қауіпсіздік. \nЖалпы жеті саммит өтті. Оның ішінде: бесеуі форматта,\n\nбіреуі видеоконференция түрінде.  \n \n"
        let doc = try read(text, "paragraphs")
        #expect(doc.blocks.map(\.plainText) == [
            "Төрт платформа:", "- демократия, тиімді басқару;", "- энергетикалық қауіпсіздік.",
            "Жалпы жеті саммит өтті. Оның ішінде: бесеуі форматта, біреуі видеоконференция түрінде.",
        ])
    }

    @Test func indentedStartsParagraphs() throws {
        let doc = try read(Self.indented)
        #expect(doc.blocks.count == 3)
        #expect(doc.blocks[2].plainText == "Үшінші бөлім қорытынды жасайды және ұсыныстар береді.")
    }

    @Test func linesAreParagraphs() throws {
        let doc = try read(Self.lines)
        #expect(doc.blocks.count == 3)
    }

    @Test func sentencesLayoutKeepsLinesAsSentences() throws {
        let doc = try read(Self.sentences)
        #expect(doc.blocks.map { $0.sentences.map(\.text) } == [
            ["Бұл бірінші сөйлем.", "Бұл екінші сөйлем"], ["Жаңа абзацтың бірінші сөйлемі.", "Соңғы сөйлем."],
        ])
        #expect(doc.blocks[1].sentences[1].id == "x.p2.s2")
    }

    @Test func tabbedJoinsLowercaseLinesAndMovesListNumbers() throws {
        let doc = try read(Self.tabbed)
        #expect(doc.blocks.map { $0.sentences.map(\.text) } == [
            ["Тақырып."],
            ["Бірінші абзацтың бірінші сөйлемі", "Екінші сөйлемі 2 млн тоннаға жетті", "Үшінші сөйлем."],
            ["Екінші абзац", "Мұнда да сөйлем бар."],
            ["1. «Бірінші» тармақ", "Оның сөйлемі"],
        ])
    }

    @Test func largeFileStreamsAcrossDetectionWindow() throws {
        // More than the 64 KiB detection window: lines held while detecting must all come out.
        let paragraph = "Бұл абзацтың бірінші жолы ұзақ\nжәне екінші жолы жалғасады.\n\n"
        let text = String(repeating: paragraph, count: 2000)
        let doc = try read(text)
        #expect(doc.blocks.count == 2000)
        #expect(doc.blocks.last?.id == "x.p2000")
    }
}

/// Memory stays bounded when a file has no paragraph marks at all.
@Suite struct UnmarkedTextTests {
    @Test func hugeUnbrokenParagraphIsCutAfterASentence() throws {
        let line = "бұл жол бір сөйлемнің бөлігі және ол ұзақ жалғасады, бірақ аяқталады.\n"
        let text = "Бастапқы жол.\n" + String(repeating: line, count: 30_000)
        let doc = try #require(try TextReader().readDocuments(.string(text), options: FormatOptions(["layout": "paragraphs"])).first)
        #expect(doc.blocks.count > 1)
        #expect(doc.blocks.allSatisfy { $0.plainText.utf8.count < (1 << 20) + 4096 })
        let total = doc.blocks.map(\.plainText).joined(separator: " ")
        #expect(total.utf8.count == TextWhitespaceProbe.collapsedCount(text))
    }
}

enum TextWhitespaceProbe {
    static func collapsedCount(_ s: String) -> Int {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ").utf8.count
    }
}

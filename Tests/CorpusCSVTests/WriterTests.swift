import CorpusModel
import Testing

@testable import CorpusCSV

@Suite("Writing tables")
struct WriterTests {
    static let doc = Document(
        id: "kz",
        metadata: Metadata(title: "Тест", authors: ["А. Б.", "C, D"], language: "kk"),
        blocks: [
            Block(id: "kz.p1", kind: .heading(level: 1), content: .sentences([Sentence(id: "kz.p1.s1", text: "Кіріспе")])),
            Block(id: "kz.p2", content: .sentences([
                Sentence(id: "kz.p2.s1", text: "Ол \"иә\" деді, бірақ…"),
                Sentence(id: "kz.p2.s2", text: " ends with space "),
                Sentence(id: "kz.p2.s3", text: "two\nlines\ttab\\"),
            ])),
            Block(id: "kz.p3", kind: .note, content: .sentences([]), language: "ru"),
        ])

    @Test("default CSV columns, quoting and empty blocks, byte for byte")
    func defaultCSV() throws {
        let expected = """
            doc_id,block_id,block_kind,level,sentence_id,sentence_n,text,doc_meta
            kz,kz.p1,heading,1,kz.p1.s1,1,Кіріспе,"{""title"":""Тест"",""authors"":[""А. Б."",""C, D""],""language"":""kk""}"
            kz,kz.p2,paragraph,,kz.p2.s1,1,"Ол ""иә"" деді, бірақ…",
            kz,kz.p2,paragraph,,kz.p2.s2,2," ends with space ",
            kz,kz.p2,paragraph,,kz.p2.s3,3,"two
            lines\ttab\\",
            kz,kz.p3,note,,,0,,

            """
        #expect(try CSVWriter().string([Self.doc]) == expected)
    }

    @Test("TSV escapes tab, line breaks and backslash and never quotes")
    func defaultTSV() throws {
        let table = try TSVWriter().string([Self.doc])
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 7)
        #expect(lines[0] == "doc_id\tblock_id\tblock_kind\tlevel\tsentence_id\tsentence_n\ttext\tdoc_meta")
        #expect(lines[2] == "kz\tkz.p2\tparagraph\t\tkz.p2.s1\t1\tОл \"иә\" деді, бірақ…\t")
        #expect(lines[4] == "kz\tkz.p2\tparagraph\t\tkz.p2.s3\t3\ttwo\\nlines\\ttab\\\\\t")
        #expect(lines.allSatisfy { $0.isEmpty || $0.split(separator: "\t", omittingEmptySubsequences: false).count == 8 })
    }

    @Test("CRLF line ends and a BOM when asked")
    func crlfAndBOM() throws {
        let bytes = try CSVWriter().write([Self.doc], options: FormatOptions(["crlf": "", "bom": "yes"]))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("doc_id,block_id,block_kind,level,sentence_id,sentence_n,text,doc_meta\r\n"))
        #expect(text.hasSuffix("kz,kz.p3,note,,,0,,\r\n"))
        // The line break inside a quoted field stays as the text had it.
        #expect(text.contains("\"two\nlines"))
        // Default columns carry no block language; `block_lang` brings it along.
        var withoutLanguage = Self.doc
        withoutLanguage.blocks[2].language = nil
        #expect(try CSVReader().readDocuments(.bytes(bytes)) == [withoutLanguage])
        let columns = FormatOptions(["columns": SentenceColumn.defaults.map(\.name).joined(separator: ",") + ",block_lang"])
        #expect(try CSVReader().readDocuments(.bytes(try CSVWriter().write([Self.doc], options: columns))) == [Self.doc])
        let plain = try CSVWriter().write([Self.doc])
        #expect(!plain.contains(0x0D))
    }

    @Test("columns picks and orders columns, analysis columns included")
    func columnSelection() throws {
        let options = FormatOptions([
            "columns": "sentence_id, text,char_start,char_end,language,block_lang,title,authors,token_count,meta:genre"
        ])
        var doc = Self.doc
        doc.metadata.extra = [MetadataPair("genre", "ғылыми")]
        let table = try CSVWriter().string([doc], options: options)
        let lines = table.split(separator: "\n")
        #expect(lines[0] == "sentence_id,text,char_start,char_end,language,block_lang,title,authors,token_count,meta:genre")
        #expect(lines[1] == "kz.p1.s1,Кіріспе,0,7,kk,,Тест,\"А. Б.; C, D\",,ғылыми")
        #expect(lines[3] == "kz.p2.s2,\" ends with space \",21,38,kk,,Тест,\"А. Б.; C, D\",,ғылыми")
        #expect(table.hasSuffix(",,,,ru,ru,Тест,\"А. Б.; C, D\",,ғылыми\n"))
        // Offsets index the block text in Unicode scalars.
        let block = Array(doc.blocks[1].plainText.unicodeScalars)
        #expect(String(String.UnicodeScalarView(block[21..<38])) == " ends with space ")
    }

    @Test("a one-column table quotes empty values so no row becomes a blank line")
    func oneColumn() throws {
        let doc = Document(id: "d", blocks: [Block(id: "d.p1", content: .sentences([
            Sentence(id: "d.p1.s1", text: ""), Sentence(id: "d.p1.s2", text: "x"),
        ]))])
        let table = try CSVWriter().string([doc], options: FormatOptions(["columns": "text"]))
        #expect(table == "text\n\"\"\nx\n")
        let back = try CSVReader().readDocuments(.string(table))
        #expect(back[0].blocks.map(\.plainText) == ["", "x"])
    }

    @Test("an empty corpus is a header only; a document without blocks is one row")
    func emptyThings() throws {
        #expect(try CSVWriter().string([]) == "doc_id,block_id,block_kind,level,sentence_id,sentence_n,text,doc_meta\n")
        #expect(try CSVReader().readDocuments(.string(try CSVWriter().string([]))).isEmpty)
        let empty = Document(id: "e", metadata: Metadata(title: "t"))
        let table = try CSVWriter().string([empty])
        #expect(table.hasSuffix("e,,,,,,,\"{\"\"title\"\":\"\"t\"\"}\"\n"))
        #expect(try CSVReader().readDocuments(.string(table)) == [empty])
    }

    @Test("format descriptions and sniffing")
    func descriptions() {
        #expect(CSVWriter().format.name == "csv")
        #expect(CSVWriter().format.mediaType == "text/csv")
        #expect(TSVWriter().format.extensions == ["tsv", "tab"])
        #expect(TSVReader().format.mediaType == "text/tab-separated-values")
        #expect(CSVWriter().requires == .sentences)
        #expect(CSVReader().sniff(Array("doc_id,block_id,text\n".utf8)) == .certain)
        #expect(CSVReader().sniff([0xEF, 0xBB, 0xBF] + Array("\"doc_id\",\"text\"\r\n".utf8)) == .certain)
        #expect(CSVReader().sniff(Array("id,text\n".utf8)) == .likely)
        #expect(CSVReader().sniff(Array("a,b\n".utf8)) == .possible)
        #expect(CSVReader().sniff(Array("doc_id\ttext\n".utf8)) == .no)
        #expect(TSVReader().sniff(Array("doc_id\ttext\n".utf8)) == .certain)
        #expect(CSVReader().sniff(Array("Қазақстан — ел.\n".utf8)) == .no)
        #expect(CSVReader().sniff(Array("<?xml version=\"1.0\"?>".utf8)) == .no)
    }
}

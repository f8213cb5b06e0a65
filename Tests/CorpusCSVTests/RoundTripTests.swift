import CorpusModel
import Testing

@testable import CorpusCSV

@Suite("Document → table → document")
struct RoundTripTests {
    static let writers: [(any CorpusWriter, any CorpusReader)] = [(CSVWriter(), CSVReader()), (TSVWriter(), TSVReader())]

    @Test("generated documents survive CSV and TSV with ids, order, kinds, metadata and every character", arguments: [0, 1])
    func generatedDocuments(pair: Int) throws {
        let (writer, reader) = Self.writers[pair]
        for seed in UInt64(1)...40 {
            var generator = DocumentGenerator(seed: seed)
            let docs = generator.corpus(documents: Int(seed % 5) + 1)
            let bytes = try writer.write(docs)
            let back = try reader.readDocuments(.bytes(bytes))
            #expect(back == docs, "seed \(seed), \(writer.format.name)")
        }
    }

    @Test("chunk boundaries do not change what is read", arguments: [TableDialect.csv, .tsv])
    func chunking(dialect: TableDialect) throws {
        var generator = DocumentGenerator(seed: 99)
        let docs = generator.corpus(documents: 6)
        let writer: any CorpusWriter = dialect == .csv ? CSVWriter() : TSVWriter()
        for options in [FormatOptions(), FormatOptions(["crlf": "", "bom": ""])] {
            let bytes = try writer.write(docs, options: options)
            for sizes in [[1], [2, 3], [7, 1, 64], [4096]] {
                let back = try readInChunks(bytes, dialect: dialect, chunkSizes: sizes)
                #expect(back == docs, "chunks \(sizes), options \(options.values)")
            }
        }
    }

    @Test("the Kazakh samples survive CSV and TSV", arguments: SampleDocuments.names)
    func samples(name: String) throws {
        let doc = try SampleDocuments.document(name)
        #expect(doc.blocks.count > 3)
        for (writer, reader) in Self.writers {
            let back = try reader.readDocuments(.bytes(try writer.write([doc])))
            #expect(back == [doc])
        }
    }

    @Test("table → documents → table is byte-identical, extra columns included")
    func tableRoundTrip() throws {
        let table = """
            doc_id,block_id,block_kind,level,sentence_id,sentence_n,text,doc_meta,pos,note
            a,a.p1,heading,2,a.p1.s1,1,Кіріспе,"{""title"":""T, 1"",""language"":""kk""}",NOUN,
            a,a.p2,paragraph,,a.p2.s1,1,"Бір, екі ""үш"".",,X,"line
            break"
            a,a.p3,quote,,,0,,,,
            b,,,,,,,,,

            """
        let docs = try CSVReader().readDocuments(.string(table))
        #expect(docs.count == 2)
        #expect(docs[0].metadata.title == "T, 1")
        #expect(docs[0].blocks[0].kind == .heading(level: 2))
        #expect(docs[0].blocks[1].sentences[0].attributes == [MetadataPair("pos", "X"), MetadataPair("note", "line\nbreak")])
        #expect(docs[0].blocks[2].sentences.isEmpty)
        #expect(docs[1].blocks.isEmpty)
        let options = FormatOptions(["columns": "doc_id,block_id,block_kind,level,sentence_id,sentence_n,text,doc_meta,attr:pos,attr:note"])
        #expect(try CSVWriter().string(docs, options: options) == table)
    }

    @Test("a table without doc_id or block_id gets one document, blocks from sentence_n")
    func minimalColumns() throws {
        let table = "sentence_n,text\n1,Бірінші.\n2,Екінші.\n1,Үшінші.\n"
        let docs = try CSVReader().readDocuments(.string(table))
        #expect(docs.map(\.id) == ["doc"])
        #expect(docs[0].blocks.map(\.id) == ["doc.p1", "doc.p2"])
        #expect(docs[0].blocks[0].sentences.map(\.id) == ["doc.p1.s1", "doc.p1.s2"])
        let onlyText = try CSVReader().readDocuments(.string("Text\nA\nB\n"))
        #expect(onlyText[0].blocks.map(\.plainText) == ["A", "B"])
    }

    @Test("a headerless table reads with the column-names option, a matching first row is skipped")
    func headerless() throws {
        let options = FormatOptions(["column-names": "doc_id,text"])
        let plain = try CSVReader().readDocuments(.string("a,x\na,y\n"), options: options)
        let withHeader = try CSVReader().readDocuments(.string("doc_id,text\na,x\na,y\n"), options: options)
        #expect(plain == withHeader)
        #expect(plain[0].blocks.count == 2)
        // The writer's `columns` option in the same bag does not touch reading.
        let shared = try CSVReader().readDocuments(.string("doc_id,text\na,x\n"), options: FormatOptions(["columns": "text"]))
        #expect(shared.map(\.id) == ["a"])
    }

    @Test("tokens come back as tokens when they spell the text, else as an attribute")
    func tokens() throws {
        let doc = Document(id: "t", blocks: [
            Block(id: "t.p1", content: .sentences([
                Sentence(id: "t.p1.s1", text: "Сәлем, әлем!", tokens: [
                    Token("Сәлем", kind: .word, spaceAfter: false), Token(",", kind: .punctuation, spaceAfter: true),
                    Token("әлем", kind: .word, spaceAfter: false), Token("!", kind: .punctuation, spaceAfter: false),
                ])
            ]))
        ])
        let options = FormatOptions(["columns": "doc_id,block_id,sentence_id,text,tokens,token_count"])
        let table = try CSVWriter().string([doc], options: options)
        #expect(table.contains("\"Сәлем , әлем !\",4"))
        #expect(try CSVReader().readDocuments(.string(table)) == [doc])
        let odd = try CSVReader().readDocuments(.string("text,tokens\nab,a c\n"))
        #expect(odd[0].blocks[0].sentences[0].attributes == [MetadataPair("tokens", "a c")])
    }
}


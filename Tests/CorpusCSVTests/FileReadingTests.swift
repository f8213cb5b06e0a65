import CorpusModel
import Foundation
import Testing

@testable import CorpusCSV

@Suite("Reading files")
struct FileReadingTests {
    @Test("a table without doc_id read from a file is one document named after the file")
    func documentIDFromFileName() throws {
        let path = NSTemporaryDirectory() + "/Қазақ тілі-\(getpid()).csv"
        try Data("block_id,text\np1,Бір.\np1,Екі.\np2,Үш.\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let docs = try CSVReader().readDocuments(.file(path))
        #expect(docs.map(\.id) == ["Қазақ_тілі-\(getpid())"])
        #expect(docs[0].blocks.map(\.id) == ["p1", "p2"])
        #expect(docs[0].blocks[0].sentences.map(\.id) == ["p1.s1", "p1.s2"])
    }

    @Test("an error names the file it came from")
    func errorNamesFile() throws {
        let path = NSTemporaryDirectory() + "/broken-\(getpid()).tsv"
        try Data("doc_id\ttext\nd\tx\ty\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: CorpusError.self) { try TSVReader().readDocuments(.file(path)) }
        #expect(error?.description.hasPrefix(path + ":2:5: error: row 2, column 3") == true, "\(String(describing: error))")
    }
}

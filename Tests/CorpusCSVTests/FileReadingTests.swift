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

    @Test("a stream (stdin) with sniffed bytes already taken reads the same as memory")
    func descriptorWithPrefix() throws {
        var generator = DocumentGenerator(seed: 3)
        let docs = generator.corpus(documents: 3)
        let bytes = try CSVWriter().write(docs, options: FormatOptions(["bom": ""]))
        #expect(bytes.count < 60_000)  // fits in a pipe buffer
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let prefix = Array(bytes.prefix(2))  // cuts the byte-order mark in two
        let rest = Array(bytes.dropFirst(2))
        _ = rest.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        defer { close(fds[0]) }
        let back = try CSVReader().readDocuments(.descriptor(fds[0], prefix: prefix))
        #expect(back == docs)
    }
}

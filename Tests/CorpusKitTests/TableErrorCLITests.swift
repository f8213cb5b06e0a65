import Foundation
import Testing

/// Bad tables through the CLI: one clear error with row and column, exit 1, no output file.
@Suite("Bad tables through the CLI")
struct TableErrorCLITests {
    static let header = "doc_id,block_id,sentence_id,text\n"

    @Test(arguments: [
        ("ragged.csv", Array((header + "d,d.p1,d.p1.s1,Бір.\nd,d.p1,d.p1.s2\n").utf8), "row 3, column text"),
        ("quote.csv", Array((header + "d,d.p1,d.p1.s1,\"Бір. Екі.\n").utf8), "unterminated"),
        ("nocolumn.csv", Array("doc_id,block_id,sentence_id\nd,d.p1,d.p1.s1\n".utf8), "text"),
        ("cp1251.csv", Array(header.utf8) + [0x64, 0x2C, 0x64, 0x2C, 0x64, 0x2C, 0xC0, 0xE1, 0x0A], "UTF-8"),
    ])
    func badTable(name: String, bytes: [UInt8], mention: String) throws {
        let dir = CLI.scratch()
        let input = dir + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: input))
        let output = dir + "/out.xml"
        let r = try CLI.run(["convert", input, "--to", "json", "-o", output])
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(r.stderr.hasPrefix(input + ":"), "\(r.stderr)")
        #expect(r.stderr.contains(mention), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}

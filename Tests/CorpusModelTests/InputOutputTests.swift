import Foundation
import Testing

@testable import CorpusModel

@Suite("Input and output")
struct InputOutputTests {
    @Test func chunksCoverTheFileInOrder() throws {
        let path = NSTemporaryDirectory() + "corpuskit-chunks-\(getpid())"
        let bytes = (0..<100_000).map { UInt8($0 % 251) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { unlink(path) }
        var seen: [UInt8] = []
        var chunks = 0
        try InputSource.file(path).forEachChunk(size: 4096) {
            seen.append(contentsOf: $0)
            chunks += 1
        }
        #expect(seen == bytes)
        #expect(chunks == 25)
        #expect(try InputSource.file(path).prefix(10) == Array(bytes.prefix(10)))
    }

    /// Asking the kernel to start writing (and drop clean pages) as the file grows
    /// must not change a byte of it, nor of what a pipe receives.
    @Test func writebackKeepsEveryByte() throws {
        let path = NSTemporaryDirectory() + "corpuskit-writeback-\(getpid())"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        defer { unlink(path) }
        let output = ByteOutput(descriptor: fd, name: path, capacity: 4096, writeback: 64 << 10)
        var expected: [UInt8] = []
        for i in 0..<3000 {
            let line = Array("line \(i) Қазақ тілі\n".utf8)
            try line.withUnsafeBytes { try output.write($0) }
            expected += line
        }
        try output.flush()
        #expect(fsync(fd) == 0)
        close(fd)
        #expect(try InputSource.file(path).readAll() == expected)
    }

    @Test func missingFileIsAnIOErrorNamingIt() {
        #expect {
            _ = try InputSource.file("/nonexistent/x.txt").readAll()
        } throws: { error in
            guard let e = error as? CorpusError else { return false }
            return e.kind == .io && e.file == "/nonexistent/x.txt" && e.message.contains("No such file")
        }
    }

    @Test func memoryOutputCollectsEverything() throws {
        let out = ByteOutput.memory()
        try out.write("әб")
        try out.write(byte: 0x0A)
        try out.write([0x41])
        #expect(String(decoding: out.bytes, as: UTF8.self) == "әб\nA")
    }
}

@Suite("UTF-8 validation")
struct UTF8ValidationTests {
    func check(_ bytes: [UInt8], nul: Bool = false) -> Int? {
        bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidByte(in: $0, rejectingNUL: nul) }
    }

    @Test func findsTheFirstBadByteAfterLongASCIIRuns() {
        let ascii = Array(String(repeating: "abcdefgh", count: 5).utf8)
        #expect(check(ascii + Array("қазақ".utf8)) == nil)
        #expect(check(ascii + [0xC3, 0x28]) == 40)
        #expect(check(Array("әб".utf8) + [0xED, 0xA0, 0x80]) == 4)  // a surrogate
        #expect(check([0xC0, 0x80]) == 0)  // overlong
        #expect(check(ascii + [0x00] + ascii) == nil)
        #expect(check(ascii + [0x00] + ascii, nul: true) == 40)
        #expect(check(Array("abc".utf8) + [0x00], nul: true) == 3)
    }
}

import Foundation
import Testing

/// An interrupted conversion leaves neither its output nor its temporary
/// file, says how far it got, and exits with 128 + the signal.
@Suite("Interrupts")
struct InterruptTests {
    @Test("SIGINT and SIGTERM: no partial file, a message, exit 130/143", arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func interruptRemovesTheTemporaryOutput(signal: Int32, status: Int32) throws {
        let dir = CLI.scratch()
        let sample = try String(contentsOf: CLI.root.appendingPathComponent("samples/004_d576930189d3d379.txt"), encoding: .utf8)
        let big = dir + "/big.txt"
        try String(repeating: sample + "\n\n", count: 600).write(toFile: big, atomically: true, encoding: .utf8)
        let outDir = dir + "/out"
        try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = ["convert", big, "--to", "json", "--tokens", "-o", outDir + "/big.json"]
        let errPath = dir + "/stderr"
        FileManager.default.createFile(atPath: errPath, contents: nil)
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try p.run()
        var sawTemporary = false
        for _ in 0..<400 where p.isRunning {
            if try FileManager.default.contentsOfDirectory(atPath: outDir).contains(where: { $0.hasPrefix(".big.json") }) {
                sawTemporary = true
                break
            }
            usleep(10_000)
        }
        try #require(sawTemporary && p.isRunning, "the conversion ended before it could be interrupted; make the input bigger")
        kill(p.processIdentifier, signal)
        p.waitUntilExit()
        #expect(p.terminationStatus == status)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outDir) == [])
        let stderr = try String(contentsOfFile: errPath, encoding: .utf8)
        #expect(stderr.hasSuffix("interrupted: 0 of 1 converted; no partial files\n"), "\(stderr)")
    }
}

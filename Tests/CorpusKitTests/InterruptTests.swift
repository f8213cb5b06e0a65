import Foundation
import Testing

/// An interrupted conversion leaves neither its output nor its temporary file.
@Suite("Interrupts")
struct InterruptTests {
    @Test func sigintRemovesTheTemporaryOutput() throws {
        let dir = CLI.scratch()
        let sample = try String(contentsOf: CLI.root.appendingPathComponent("samples/004_d576930189d3d379.txt"), encoding: .utf8)
        let big = dir + "/big.txt"
        try String(repeating: sample + "\n\n", count: 600).write(toFile: big, atomically: true, encoding: .utf8)
        let outDir = dir + "/out"
        try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = ["convert", big, "--to", "json", "--tokens", "-o", outDir + "/big.json"]
        p.standardError = FileHandle.nullDevice
        try p.run()
        var sawTemporary = false
        for _ in 0..<400 where p.isRunning {
            if try FileManager.default.contentsOfDirectory(atPath: outDir).contains(where: { $0.hasPrefix(".big.json") }) {
                sawTemporary = true
                break
            }
            usleep(10_000)
        }
        guard sawTemporary, p.isRunning else {
            p.waitUntilExit()
            Issue.record("the conversion ended before it could be interrupted; make the input bigger")
            return
        }
        p.interrupt()
        p.waitUntilExit()
        #expect(p.terminationStatus == 130)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outDir) == [])
    }
}

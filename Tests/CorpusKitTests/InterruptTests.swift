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

    /// Two workers create and rename temporary files all the time in a batch of
    /// small files: interrupted at many moments, no `.corpuskit-` file may stay.
    /// (The sweep used to run in the signal handler, racing a worker's `mkstemp`.)
    @Test func interruptedBatchesNeverLeaveATemporaryFile() throws {
        let dir = CLI.scratch()
        let inputs = dir + "/in"
        try FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: true)
        for i in 0..<400 {
            try "Бұл \(i)-құжат. Ол қысқа.\n\nЕкінші абзац.\n".write(toFile: inputs + "/f\(i).txt", atomically: false, encoding: .utf8)
        }
        var interrupted = 0
        for round in 0..<12 {
            let outDir = dir + "/out\(round)"
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CLI.binary)
            p.arguments = ["convert", inputs, "--to", "tei", "-o", outDir + "/", "--jobs", "2"]
            p.standardError = FileHandle.nullDevice
            try p.run()
            // Wait for the first outputs, then a little more each round.
            for _ in 0..<2000 where p.isRunning {
                if ((try? FileManager.default.contentsOfDirectory(atPath: outDir).count) ?? 0) > 0 { break }
                usleep(1_000)
            }
            usleep(UInt32(round * 3_000))
            guard p.isRunning else { continue }
            kill(p.processIdentifier, SIGINT)
            // A handler that is not async-signal-safe can deadlock (in malloc): never wait forever.
            for _ in 0..<2000 where p.isRunning { usleep(10_000) }
            if p.isRunning {
                kill(p.processIdentifier, SIGKILL)
                p.waitUntilExit()
                Issue.record("round \(round): still running 20 s after SIGINT (a hung interrupt handler)")
                continue
            }
            p.waitUntilExit()
            if p.terminationStatus == 130 { interrupted += 1 }
            let left = (try? FileManager.default.contentsOfDirectory(atPath: outDir)) ?? []
            #expect(left.allSatisfy { !$0.hasPrefix(".") }, "round \(round): \(left.filter { $0.hasPrefix(".") })")
        }
        #expect(interrupted >= 6, "too few runs were interrupted mid-batch (\(interrupted) of 12)")
    }
}

import CorpusTestSupport
import Foundation
import Testing

/// The cluster examples run: Spark `RDD.pipe` in local mode, and the Slurm
/// array script's local mode with GNU parallel.
struct ClusterExampleTests {
    private func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let log = PluginCLI.scratch() + "/log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        p.standardOutput = handle
        p.standardError = handle
        try p.run()
        p.waitUntilExit()
        try handle.close()
        return (p.terminationStatus, try String(contentsOfFile: log, encoding: .utf8))
    }

    @Test(.enabled(if: ToolGate.python("pyspark") && ToolGate.tool("java"), "needs pyspark (pip install pyspark) and Java 17"),
          .timeLimit(.minutes(5)))
    func sparkPipeOver200DocumentsIn4PartitionsEqualsOneDirectConversion() throws {
        let script = PluginCLI.root.appendingPathComponent("Examples/cluster/spark_pipe.py").path
        let (status, output) = try run(["python3", script, PluginCLI.binary, "200", "4"])
        #expect(status == 0, "\(output)")
        #expect(output.contains("4 partitions, 200 documents back"), "\(output)")
        #expect(output.contains("same documents as one direct conversion: True; ids unique: True"), "\(output)")
    }

    @Test(.enabled(if: ToolGate.tool("parallel"), "needs GNU parallel (apt-get install parallel)"))
    func slurmScriptLocalModeConvertsEveryFileOnce() throws {
        let dir = PluginCLI.scratch()
        try FileManager.default.createDirectory(atPath: dir + "/in/a", withIntermediateDirectories: true)
        for i in 0..<40 { try "Сөйлем \(i). Тағы бір.".write(toFile: dir + "/in/\(i % 2 == 0 ? "a/" : "")t\(i).txt", atomically: false, encoding: .utf8) }
        let script = PluginCLI.root.appendingPathComponent("Examples/cluster/slurm_array.sh").path
        let (status, output) = try run([script, "--local", "3", dir + "/in", dir + "/out/"],
                                       environment: ["CORPUSKIT": PluginCLI.binary, "TARGET_FORMAT": "jsonl"])
        #expect(status == 0, "\(output)")
        let files = (FileManager.default.enumerator(atPath: dir + "/out")?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".jsonl") }
        #expect(files.count == 40, "\(files.count) outputs; \(output)")
        #expect(output.split(separator: "\n").filter { $0.contains("\"done\":true") }.count == 3, "\(output)")
    }
}

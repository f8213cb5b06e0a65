import CorpusTestSupport
import Foundation
import Testing

/// Every way a plugin fails is a clear error naming the plugin, with no
/// output file left behind and corpuskit exiting normally (status 1).
@Suite(.enabled(if: ToolGate.tool("python3"), "the broken fixture plugins are Python scripts"))
struct PluginFailureTests {
    private func convertFailing(_ extra: [String], input: String = PluginCLI.sample) throws -> (PluginCLI.Result, String) {
        let out = PluginCLI.scratch() + "/out.result"
        let r = try PluginCLI.run(["convert", input, "-o", out, "--plugin", PluginCLI.broken] + extra)
        #expect(r.reason == .exit, "corpuskit was killed by a signal")
        #expect(r.status == 1, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out), "a failed conversion left \(out)")
        return (r, r.stderr)
    }

    @Test func nonZeroExitShowsTheLastStderrLines() throws {
        let (_, stderr) = try convertFailing(["--to", "failing"])
        #expect(stderr.contains("error: plugin corpuskit-failing exited with status 1; its last stderr lines:"))
        #expect(stderr.contains("  corpuskit-failing: failing: cannot write the lab format: no licence field"))
    }

    @Test func nonZeroExitWritesNothingToStdout() throws {
        let r = try PluginCLI.run(["convert", PluginCLI.sample, "--to", "failing", "--plugin", PluginCLI.broken])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty, "partial output: \(r.out.prefix(80))")
    }

    @Test func malformedLineGivesItsNumber() throws {
        let (_, stderr) = try convertFailing(["--to", "jsonl", "--transform", "garbled"])
        #expect(stderr.contains("plugin corpuskit-garbled wrote a malformed JSON Lines line 2"), "\(stderr)")
    }

    @Test func silentPluginIsStoppedAfterTheTimeout() throws {
        let start = Date()
        let (_, stderr) = try convertFailing(["--to", "jsonl", "--transform", "sleepy", "--plugin-timeout", "1"])
        #expect(stderr.contains("plugin corpuskit-sleepy gave no output within 1 s (--plugin-timeout); stopped it"), "\(stderr)")
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test func pluginDyingMidStreamIsReported() throws {
        let (_, stderr) = try convertFailing(["--to", "jsonl", "--transform", "dying"])
        #expect(stderr.contains("plugin corpuskit-dying was killed by signal 9 (SIGKILL) before it finished"), "\(stderr)")
    }

    @Test func pluginThatStopsReadingNeverKillsCorpuskit() throws {
        // More input than a pipe holds, so corpuskit's writes hit the closed pipe (EPIPE, never SIGPIPE).
        let dir = PluginCLI.scratch()
        let line = String(repeating: "Бұл ұзын сөйлем, ол құбырды толтырады. ", count: 40) + "\n\n"
        try String(repeating: line, count: 200).write(toFile: dir + "/big.txt", atomically: true, encoding: .utf8)
        let (_, stderr) = try convertFailing(["--to", "quitter"], input: dir + "/big.txt")
        #expect(stderr.contains("plugin corpuskit-quitter exited before reading all its input"), "\(stderr)")
    }

    @Test func aMissingPluginPathIsAWarning() throws {
        let r = try PluginCLI.run(["formats", "--plugin", "/nonexistent/corpuskit-x"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning: plugin /nonexistent/corpuskit-x: no such file"))
    }
}

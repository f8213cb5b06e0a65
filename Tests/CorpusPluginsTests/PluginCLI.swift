import CorpusPlugins
import CorpusTestSupport
import Foundation

/// Runs the `corpuskit` binary that `swift test` built, with an environment
/// of our choosing (PATH, CORPUSKIT_PLUGIN_PATH).
enum PluginCLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let examples = root.appendingPathComponent("Examples/plugins").path

    /// Discovery of `paths` with a generous `--describe` timeout: the suite starts many
    /// Python plugins at once on a 2-core CI machine, where the users' 10 s can pass.
    static func discovery(_ paths: [String]) -> PluginDiscovery {
        var discovery = PluginDiscovery(explicit: paths, environment: [:])
        discovery.describeTimeout = 120
        return discovery
    }
    static let broken = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/broken").path
    static let sample = root.appendingPathComponent("samples/004_d576930189d3d379.txt").path

    static let binary = BuiltTool.corpuskit

    struct Result {
        var status: Int32
        var reason: Process.TerminationReason
        var stdout: Data
        var stderr: String
        var out: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs corpuskit; `environment` entries replace the inherited ones
    /// (PATH defaults to the system folders only, so stray plugins do not count).
    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = "/usr/local/bin:/usr/bin:/bin"
        env["CORPUSKIT_PLUGIN_PATH"] = nil
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let base = ScratchDirectory.make("plugin-run") + "/run"
        _ = FileManager.default.createFile(atPath: base + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: base + ".err", contents: nil)
        _ = FileManager.default.createFile(atPath: base + ".in", contents: stdin ?? Data())
        defer {
            for ext in [".out", ".err", ".in"] { try? FileManager.default.removeItem(atPath: base + ext) }
        }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".out"))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".err"))
        let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: base + ".in"))
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        p.waitUntilExit()
        try out.close()
        try err.close()
        try input.close()
        return Result(
            status: p.terminationStatus, reason: p.terminationReason,
            stdout: try Data(contentsOf: URL(fileURLWithPath: base + ".out")),
            stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: base + ".err")), as: UTF8.self))
    }

    /// A fresh scratch directory.
    static func scratch() -> String {
        ScratchDirectory.make("plugins")
    }
}

/// Runs blocking work on its own thread, so a test never parks one of Swift's
/// few cooperative threads while plugin supervision needs them.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

import Foundation

/// Decides whether a test that needs something outside the package (a tool,
/// a Python module, `../shared`) runs.
///
/// Locally such a test is skipped with a reason when the thing is missing
/// (`@Test(.enabled(if: ToolGate.tool("jing"), "needs jing"))`). CI sets
/// `CORPUSKIT_REQUIRE_TOOLS=1`: then every gate opens, so a test whose tool
/// is missing runs and fails instead of passing unseen.
public enum ToolGate {
    /// Whether CI asked for every outside tool to be present.
    public static let required = ProcessInfo.processInfo.environment["CORPUSKIT_REQUIRE_TOOLS"] == "1"

    /// Whether a test needing the executable `name` (on PATH) should run.
    public static func tool(_ name: String) -> Bool { required || ExternalTool.find(name) != nil }

    /// Whether a test needing the Python module `module` should run.
    public static func python(_ module: String) -> Bool { required || ExternalTool.pythonHas(module) }

    /// Whether a test needing `../shared` (beside the checkout) should run.
    public static var shared: Bool { required || SharedMaterial.directory != nil }
}

/// The read-only `shared/` folder that sits beside the checkout (samples,
/// schemas, TEI samples, annotated corpora, benchmark peers).
public enum SharedMaterial {
    /// The package's root folder, found from this file's place in the tree.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` when it exists.
    public static var directory: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// A file under `../shared`; records a test failure (by throwing) when it is missing.
    public static func file(_ relative: String) throws -> URL {
        guard let dir = directory else { throw MissingShared(path: relative) }
        let url = dir.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else { throw MissingShared(path: relative) }
        return url
    }

    /// `../shared/PATH` is missing.
    public struct MissingShared: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "../shared/\(path) is missing beside the checkout" }
    }
}

/// The `corpuskit` binary that `swift test` built, for tests that run the CLI.
public enum BuiltTool {
    /// Beside the test bundle, one folder up, or in `.build/debug` of the package.
    public static let corpuskit: String = {
        let root = SharedMaterial.packageRoot
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [beside, beside.deletingLastPathComponent(), root.appendingPathComponent(".build/debug")] {
            let candidate = dir.appendingPathComponent("corpuskit").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return root.appendingPathComponent(".build/debug/corpuskit").path
    }()
}

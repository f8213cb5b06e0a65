import CorpusModel
import Foundation

/// Finds `corpuskit-NAME` executables and asks each to `--describe` itself.
///
/// Where: the paths given explicitly (`--plugin PATH`, a file or a folder),
/// the folders of `CORPUSKIT_PLUGIN_PATH`, then `PATH`. The first executable
/// of a name wins, as in a shell. A plugin whose `--describe` fails or is
/// malformed is skipped with a warning; the others still work.
public struct PluginDiscovery: Sendable {
    /// Where a plugin was found, for `corpuskit formats`.
    public enum Origin: String, Sendable { case explicit = "--plugin", pluginPath = "CORPUSKIT_PLUGIN_PATH", path = "PATH" }

    /// What discovery found.
    public struct Result: Sendable {
        public var plugins: [(plugin: ExternalPlugin, origin: Origin)] = []
        /// One line per plugin that was skipped, and why.
        public var warnings: [String] = []
    }

    public var explicit: [String]
    public var pluginPath: [String]
    public var searchPath: [String]
    public var timeout: Double
    /// Seconds a `--describe` may take.
    public var describeTimeout: Double

    /// Discovery over `explicit` paths and the process's `CORPUSKIT_PLUGIN_PATH` and `PATH`.
    public init(explicit: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment,
                timeout: Double = ExternalPlugin.defaultTimeout) {
        self.explicit = explicit
        self.pluginPath = Self.folders(environment["CORPUSKIT_PLUGIN_PATH"])
        self.searchPath = Self.folders(environment["PATH"])
        self.timeout = timeout
        self.describeTimeout = min(timeout, 10)
    }

    /// Finds and describes every plugin.
    public func discover() -> Result {
        var result = Result()
        var seenNames: Set<String> = []
        var seenFiles: Set<String> = []
        var candidates: [(String, Origin)] = []
        for path in explicit {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.warnings.append("plugin \(path): no such file")
                continue
            }
            if isDirectory.boolValue {
                candidates += Self.executables(in: path).map { ($0, .explicit) }
            } else if FileManager.default.isExecutableFile(atPath: path) {
                candidates.append((path, .explicit))
            } else {
                result.warnings.append("plugin \(path): not executable (chmod +x)")
            }
        }
        for folder in pluginPath { candidates += Self.executables(in: folder).map { ($0, .pluginPath) } }
        for folder in searchPath { candidates += Self.executables(in: folder).map { ($0, .path) } }

        for (path, origin) in candidates {
            let file = URL(fileURLWithPath: path).lastPathComponent
            let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            guard !seenFiles.contains(real) else { continue }
            // An explicit --plugin may carry any file name; found ones are looked up by name.
            if origin != .explicit {
                guard !seenNames.contains(file) else { continue }
                seenNames.insert(file)
            }
            seenFiles.insert(real)
            do {
                let description = try describe(path)
                result.plugins.append((ExternalPlugin(executable: path, description: description, timeout: timeout), origin))
            } catch {
                result.warnings.append("plugin \(path): --describe \(error); skipped")
            }
        }
        return result
    }

    /// Runs `PATH --describe` and parses its answer.
    public func describe(_ path: String) throws -> PluginDescription {
        let label = URL(fileURLWithPath: path).lastPathComponent
        let collected = Collected()
        let process = try PluginProcess.start(
            executable: path, arguments: ["--describe"], label: label, timeout: describeTimeout,
            forwardStderr: false, onOutput: { collected.bytes.append(contentsOf: $0) })
        do {
            try process.finish()
        } catch let error as CorpusError {
            throw DescribeProblem("failed: " + error.message)
        }
        return try PluginDescription.parse(collected.bytes)
    }

    /// Executable files named `corpuskit-*` in `folder`, sorted by name.
    static func executables(in folder: String) -> [String] {
        return pluginNames(in: folder).sorted().compactMap { name in
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: path)
            else { return nil }
            return path
        }
    }

    /// The names in `folder` that start with `corpuskit-` and go on, read with
    /// `readdir` and compared as bytes: every conversion walks all of `PATH`,
    /// and FileManager's listing made a `String` of every name there
    /// (2.5 M instructions of a 40 M start-up on a 12-folder `PATH`).
    static func pluginNames(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        let prefix = Array("corpuskit-".utf8)
        var names: [String] = []
        while let entry = readdir(directory) {
            let name: String? = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                let length = raw.firstIndex(of: 0) ?? raw.count
                guard length > prefix.count, raw.starts(with: prefix) else { return nil }
                return String(decoding: raw[..<length], as: UTF8.self)
            }
            if let name { names.append(name) }
        }
        return names
    }

    static func folders(_ value: String?) -> [String] {
        (value ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }
}

private final class Collected: @unchecked Sendable {
    var bytes: [UInt8] = []
}

import Foundation

/// Scratch directories for tests that write files.
///
/// Every directory lives under one folder per test process, removed when the
/// process exits, so a run of the suite leaves nothing behind in the system's
/// temporary directory (the suite makes hundreds of them per run).
public enum ScratchDirectory {
    /// The per-process folder; created, and its removal at exit registered, on first use.
    private static let root: String = {
        let path = NSTemporaryDirectory() + "corpuskit-tests-\(getpid())-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { ScratchDirectory.removeRoot() }
        return path
    }()

    /// A fresh, empty directory whose name starts with `prefix`.
    public static func make(_ prefix: String) -> String {
        let path = root + "/" + prefix + "-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private static func removeRoot() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CorpusModel

/// File-system helpers for batches: expanding directories and mirroring
/// them into an output directory.
public enum OutputPaths {
    /// Whether `path` is an existing directory.
    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether `path` is an existing device, pipe or socket (`/dev/null`, a FIFO):
    /// an output written straight into, since it cannot be replaced by a rename.
    public static func isSpecialFile(_ path: String) -> Bool {
        guard let status = FileStatus(path: path) else { return false }
        return !status.isRegular && !status.isDirectory
    }

    /// Whether two paths name the same existing file.
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat()
        var sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    /// Every regular file under `directory`, sorted, relative to it; linked
    /// directories are not entered (see ``DirectoryWalk``).
    public static func files(under directory: String) throws -> [String] {
        try DirectoryWalk().files(under: directory).files
    }

    /// `relative` with its extension replaced by `ext`, under `directory`.
    public static func mirrored(_ relative: String, into directory: String, extension ext: String) -> String {
        var stem = relative
        let fileStart = stem.lastIndex(of: "/").map { stem.index(after: $0) } ?? stem.startIndex
        if let dot = stem[fileStart...].lastIndex(of: "."), dot != fileStart { stem = String(stem[..<dot]) }
        return directory + "/" + stem + "." + ext
    }

    /// The output path for input `relative` under `directory`: its extension
    /// replaced by `ext`, or kept before it (`a.txt.csv`) when `keepingExtension`.
    public static func output(for relative: String, in directory: String, extension ext: String, keepingExtension: Bool) -> String {
        keepingExtension ? directory + "/" + relative + "." + ext : mirrored(relative, into: directory, extension: ext)
    }

    /// Creates the directories above `path` as needed.
    public static func ensureParentDirectory(of path: String) throws {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        try makeDirectory(String(path[..<slash]))
    }

    /// `mkdir -p`.
    public static func makeDirectory(_ path: String) throws {
        if path.isEmpty || isDirectory(path) { return }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try makeDirectory(String(path[..<slash]))
        }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw CorpusError.io(errno: errno, doing: "cannot create directory", file: path)
        }
    }
}

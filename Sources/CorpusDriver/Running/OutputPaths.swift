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

    /// Whether two paths name the same existing file.
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat()
        var sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    /// Every regular file under `directory`, sorted, as paths relative to it.
    /// Hidden files and folders are skipped.
    public static func files(under directory: String) throws -> [String] {
        var result: [String] = []
        func walk(_ relative: String) throws {
            let full = relative.isEmpty ? directory : directory + "/" + relative
            guard let dir = opendir(full) else {
                throw CorpusError.io(errno: errno, doing: "cannot list directory", file: full)
            }
            defer { closedir(dir) }
            var names: [String] = []
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                if name.hasPrefix(".") { continue }
                names.append(name)
            }
            for name in names.sorted() {
                let rel = relative.isEmpty ? name : relative + "/" + name
                if isDirectory(directory + "/" + rel) { try walk(rel) } else { result.append(rel) }
            }
        }
        try walk("")
        return result
    }

    /// `relative` with its extension replaced by `ext`, under `directory`.
    public static func mirrored(_ relative: String, into directory: String, extension ext: String) -> String {
        var stem = relative
        let fileStart = stem.lastIndex(of: "/").map { stem.index(after: $0) } ?? stem.startIndex
        if let dot = stem[fileStart...].lastIndex(of: "."), dot != fileStart { stem = String(stem[..<dot]) }
        return directory + "/" + stem + "." + ext
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

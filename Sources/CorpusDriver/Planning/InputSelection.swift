import CorpusModel

/// `--shard K/N`: a stable share of a batch's inputs, for array jobs (Slurm
/// `--array=1-N`, one task per K) that each convert their own part.
///
/// An input belongs to shard `K` when `FNV-1a-64(path) % N == K - 1`, where
/// `path` is the input's path as the run names it (the command-line
/// argument, joined with the path under it for files found in a directory,
/// or the line of a `--files-from` list). Every input is in exactly one of
/// shards `1/N … N/N`, whatever the machine, the order of the listing or
/// the number of files; run every shard with the same arguments.
public struct ShardSpec: Sendable, Equatable, CustomStringConvertible {
    /// 1-based: the first shard is `1/N`.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, index >= 1, index <= count else {
            throw CorpusError(.usage, "--shard K/N needs 1 ≤ K ≤ N, got \(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`, e.g. `3/8`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw CorpusError(.usage, "--shard expects K/N (e.g. 2/8), got '\(text)'")
        }
        try self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether the input at `path` is in this shard.
    public func contains(_ path: String) -> Bool {
        Int(Self.fnv1a64(path) % UInt64(count)) == index - 1
    }

    /// The inputs of `paths` in this shard, in their order.
    public func select(_ paths: [String]) -> [String] { paths.filter(contains) }

    /// 64-bit FNV-1a over the UTF-8 bytes: tiny, fast, the same everywhere
    /// (Swift's `Hasher` is seeded per process, so it cannot split a job).
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// `--files-from FILE|-`: the inputs listed one per line.
public enum InputList {
    /// The paths in `bytes`: one per line (LF or CRLF); blank lines and lines
    /// starting with `#` are skipped; leading and trailing spaces are kept
    /// (file names may have them) except a final CR.
    public static func paths(in bytes: [UInt8]) throws -> [String] {
        var paths: [String] = []
        var lineNumber = 0
        for raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = raw
            if line.last == 0x0D { line = line.dropLast() }
            guard !line.isEmpty, line.first != UInt8(ascii: "#") else { continue }
            guard let path = String(validating: line, as: UTF8.self) else {
                throw CorpusError(.encoding, "a listed path is not valid UTF-8",
                                  location: SourceLocation(line: lineNumber, column: 1))
            }
            if path.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            paths.append(path)
        }
        return paths
    }

    /// The paths listed in `source` (a file, or stdin for `-`), named in errors.
    public static func read(_ source: InputSource) throws -> [String] {
        do {
            return try paths(in: try source.readAll())
        } catch let error as CorpusError {
            throw error.naming(source.name)
        }
    }
}

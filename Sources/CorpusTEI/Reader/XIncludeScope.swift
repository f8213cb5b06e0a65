import CorpusModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `xi:include` may reach while one root file is read, and the rule that
/// resolves an `href` safely.
///
/// Only local relative paths are followed, and only to regular files inside the
/// folder tree of the root file (after resolving symbolic links): no URL scheme
/// (`http:`, `ftp:`, `file:`), no absolute path, no `..` out of the tree, no
/// file already being read (a cycle) or already read (so includes cannot multiply
/// into an XInclude bomb), and no deeper than ``maxDepth`` — a fixed limit that
/// no option lifts.
struct XIncludeScope {
    /// How deep includes may nest (the root file is depth 0).
    static let maxDepth = 8

    /// The root file's folder, resolved (nil for stdin and memory: nothing can be included).
    let rootDirectory: String?
    /// The resolved paths of the files being read, the root first.
    private(set) var chain: [String]
    /// The names of those files as the user sees them (for messages).
    private(set) var names: [String]
    /// Every file included so far in this root's read, shared by the nested scopes.
    private let included = IncludedFiles()

    /// The resolved paths already read through `xi:include` (a reference, so nested reads add to it).
    private final class IncludedFiles {
        var paths = Set<String>()
    }

    /// The scope of a root input.
    init(root input: InputSource) {
        if let path = input.path, let real = Self.realPath(path) {
            rootDirectory = Self.directory(of: real)
            chain = [real]
        } else {
            rootDirectory = nil
            chain = []
        }
        names = [input.name]
    }

    /// What an `href` resolves to.
    enum Target: Equatable {
        /// A readable regular file inside the tree: its resolved path, and the name to show.
        case file(path: String, name: String)
        /// Nothing at that path (an `xi:fallback` may stand in).
        case missing(name: String)
    }

    /// Resolves `href`, found in the innermost file of the chain; throws a
    /// ``CorpusError`` (`.unsafe` for a path that leaves the tree or the machine,
    /// `.structure` for cycles and depth) naming `href`.
    func resolve(_ href: String) throws -> Target {
        func refuse(_ kind: CorpusError.Kind, _ why: String) -> CorpusError {
            CorpusError(kind, "xi:include href=\"\(href)\" refused: \(why)")
        }
        guard !href.isEmpty else {
            throw refuse(.structure, "an empty href includes the document itself")
        }
        if Self.hasScheme(href) {
            throw refuse(.unsafe, "only relative paths to local files are followed, never URLs (no network, no file: URLs)")
        }
        guard let relative = Self.percentDecoded(href), !relative.contains("\0") else {
            throw refuse(.structure, "not a valid URI reference (bad %-escape)")
        }
        if relative.hasPrefix("/") || href.hasPrefix("\\") {
            throw refuse(.unsafe, "absolute paths are never followed; use a path relative to the including file")
        }
        if relative.contains("#") {
            throw refuse(.structure, "fragment identifiers are not supported")
        }
        guard let rootDirectory, let including = chain.last else {
            throw refuse(.structure, "the input has no folder to resolve it against (stdin or memory); read the file by its path, or skip includes with --no-xinclude")
        }
        let includingName = names.last ?? ""
        let name = (includingName.lastIndex(of: "/").map { String(includingName[...$0]) } ?? "") + relative
        let candidate = Self.directory(of: including) + "/" + relative
        guard let real = Self.realPath(candidate) else {
            if errno == ENOENT || errno == ENOTDIR { return .missing(name: name) }
            let reason = String(cString: strerror(errno))
            throw refuse(.io, reason)
        }
        guard real.hasPrefix(rootDirectory == "/" ? "/" : rootDirectory + "/") else {
            throw refuse(.unsafe, "it resolves to \(real), outside the folder of the root file (\(rootDirectory))")
        }
        var info = stat()
        guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw refuse(.unsafe, "\(real) is not a regular file")
        }
        /// The files as paths inside the root's folder, for messages.
        func trail(_ paths: some Sequence<String>) -> String {
            paths.map { $0.hasPrefix(rootDirectory + "/") ? String($0.dropFirst(rootDirectory.count + 1)) : $0 }
                .joined(separator: " → ")
        }
        if let i = chain.firstIndex(of: real) {
            throw refuse(.structure, "an include cycle: \(trail(chain[i...] + [real]))")
        }
        if included.paths.contains(real) {
            // Each file is read once per root: ten includes of a file that includes another
            // ten times, eight levels deep, would otherwise read 10⁸ files (an XInclude bomb).
            throw refuse(.structure, "\(trail([real])) is already included once in this corpus; each file is read at most once")
        }
        guard chain.count <= Self.maxDepth else {
            throw refuse(.structure, "includes nest more than \(Self.maxDepth) levels deep (\(trail(chain + [real])))")
        }
        return .file(path: real, name: name)
    }

    /// The scope inside an included file (which counts as included from now on).
    func entering(path: String, name: String) -> XIncludeScope {
        included.paths.insert(path)
        var inner = self
        inner.chain.append(path)
        inner.names.append(name)
        return inner
    }

    // MARK: path helpers

    /// `scheme:` at the start (RFC 3986: a letter, then letters, digits, `+`, `-`, `.`).
    static func hasScheme(_ href: String) -> Bool {
        var first = true
        for c in href.unicodeScalars {
            if c == ":" { return !first }
            let letter = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z")
            let other = (c >= "0" && c <= "9") || c == "+" || c == "-" || c == "."
            if first ? !letter : !(letter || other) { return false }
            first = false
        }
        return false
    }

    /// `%XX` escapes decoded as UTF-8; nil for a malformed escape or bytes that are not UTF-8.
    static func percentDecoded(_ s: String) -> String? {
        guard s.contains("%") else { return s }
        var bytes: [UInt8] = []
        var it = Array(s.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "%") {
                guard let h = it.popFirst(), let l = it.popFirst(), let hi = hexValue(h), let lo = hexValue(l) else { return nil }
                bytes.append(hi << 4 | lo)
            } else {
                bytes.append(b)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The path with every symbolic link, `.` and `..` resolved; nil (with `errno` set) when it does not resolve.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The folder part of a resolved path (`/` for a file at the top).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CorpusModel

/// Lists the files under a directory for a batch, safely.
///
/// Linked directories are not entered unless `followLinks` is set, and then
/// a directory already on the path being walked (a link to a parent) is
/// skipped, so a loop can never multiply the inputs. Hidden entries are
/// skipped, and so are the `excluded` directories (an output folder inside
/// the input folder must not feed the next run its own outputs).
public struct DirectoryWalk {
    public var followLinks: Bool
    /// Directories never entered (by identity).
    public var excluded: Set<FileIdentity>

    public init(followLinks: Bool = false, excluded: Set<FileIdentity> = []) {
        self.followLinks = followLinks
        self.excluded = excluded
    }

    /// Every regular file under `directory`, sorted, as paths relative to it,
    /// with the linked directories that were skipped.
    public func files(under directory: String) throws -> (files: [String], skippedLinks: [String]) {
        var result: [String] = []
        var skipped: [String] = []
        var ancestors: Set<FileIdentity> = []
        func walk(_ relative: String, _ identity: FileIdentity) throws {
            let full = relative.isEmpty ? directory : directory + "/" + relative
            guard let dir = opendir(full) else {
                throw CorpusError.io(errno: errno, doing: "cannot list directory", file: full)
            }
            var names: [String] = []
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                if !name.hasPrefix(".") { names.append(name) }
            }
            closedir(dir)
            ancestors.insert(identity)
            defer { ancestors.remove(identity) }
            for name in names.sorted() {
                let rel = relative.isEmpty ? name : relative + "/" + name
                let path = directory + "/" + rel
                guard let own = FileStatus(path: path, followLinks: false) else { continue }
                guard let target = own.isLink ? FileStatus(path: path) : own else { continue }  // dangling link
                if target.isDirectory {
                    if excluded.contains(target.identity) { continue }
                    if own.isLink && !followLinks { skipped.append(rel); continue }
                    if ancestors.contains(target.identity) { skipped.append(rel); continue }
                    try walk(rel, target.identity)
                } else if target.isRegular {
                    result.append(rel)
                }
            }
        }
        guard let root = FileStatus(path: directory) else {
            throw CorpusError.io(errno: errno, doing: "cannot open directory", file: directory)
        }
        try walk("", root.identity)
        return (result, skipped)
    }
}

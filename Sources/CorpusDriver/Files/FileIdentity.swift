#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What makes two paths the same file: device and inode, after following links.
///
/// Comparing paths as strings misses `./a.txt` against `a.txt`, hard links
/// and symbolic links; comparing identities does not.
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64

    /// The identity of the file `path` names (links followed), or nil when it does not exist.
    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }

    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }
}

/// The facts about one path the planner needs, from one `stat`/`lstat`.
struct FileStatus {
    var isDirectory: Bool
    var isRegular: Bool
    var isLink: Bool
    var identity: FileIdentity
    /// Modification time in nanoseconds since the epoch.
    var modified: Int64

    /// The status of `path`; links are followed unless `followLinks` is false.
    init?(path: String, followLinks: Bool = true) {
        var st = stat()
        guard (followLinks ? stat(path, &st) : lstat(path, &st)) == 0 else { return nil }
        let type = st.st_mode & S_IFMT
        isDirectory = type == S_IFDIR
        isRegular = type == S_IFREG
        isLink = type == S_IFLNK
        identity = FileIdentity(st)
        #if canImport(Darwin)
        modified = Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
        #else
        modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CorpusModel

/// An output file written to a temporary name beside its target and renamed
/// into place only on success: a failed or interrupted conversion never
/// leaves a half-written file and never replaces a good one.
public final class AtomicFile {
    /// The final path.
    public let path: String
    private let temporaryPath: String
    private var descriptor: Int32
    private var cleanupSlot: Int?
    /// The buffered writer over the temporary file.
    public let output: ByteOutput

    public init(path: String) throws {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let (fd, temporary, slot) = InterruptCleanup.makeTemporary("\(directory.isEmpty ? "/" : directory)/.\(base).corpuskit-XXXXXX")
        guard fd >= 0 else {
            let code = errno
            InterruptCleanup.release(slot)
            throw CorpusError.io(errno: code, doing: "cannot create output", file: path)
        }
        cleanupSlot = slot
        // mkstemp makes the file 0600; outputs are ordinary files (the umask still applies at open).
        if fchmod(fd, 0o644) != 0 {
            let code = errno
            close(fd)
            unlink(temporary)
            InterruptCleanup.release(slot)
            throw CorpusError.io(errno: code, doing: "cannot set the output's permissions", file: path)
        }
        descriptor = fd
        temporaryPath = temporary
        output = ByteOutput(descriptor: fd, name: path, writeback: 8 << 20)
    }

    /// Flushes, syncs, closes and renames the file into place; any failure
    /// on the way (a full disk, a file-size limit) is an error and the
    /// target is left as it was.
    public func commit() throws {
        do {
            try output.flush()
        } catch {
            discard()
            throw error
        }
        if fsync(descriptor) != 0 && errno != EINVAL && errno != EROFS {
            let code = errno
            discard()
            throw CorpusError.io(errno: code, doing: "cannot write the output to disk", file: path)
        }
        let closed = close(descriptor)
        let closeError = errno
        descriptor = -1
        if closed != 0 {
            discard()
            throw CorpusError.io(errno: closeError, doing: "cannot close the output", file: path)
        }
        defer {
            InterruptCleanup.release(cleanupSlot)
            cleanupSlot = nil
        }
        guard rename(temporaryPath, path) == 0 else {
            let code = errno
            unlink(temporaryPath)
            throw CorpusError.io(errno: code, doing: "cannot move output into place", file: path)
        }
    }

    /// Removes the temporary file; the target is left as it was.
    public func discard() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        unlink(temporaryPath)
        InterruptCleanup.release(cleanupSlot)
        cleanupSlot = nil
    }

    deinit {
        if descriptor >= 0 { discard() }
    }
}

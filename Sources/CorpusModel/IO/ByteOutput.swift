#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered byte sink for writers: a file descriptor or memory.
///
/// Writers append strings and bytes; the buffer goes to the descriptor in
/// large writes. The driver owns the descriptor (temporary file, rename).
/// The buffer is raw memory appended with `memcpy`: writers call this for
/// every tag and text run, and an `Array` append cost ~20 times more per call.
public final class ByteOutput {
    private enum Target { case descriptor(Int32), memory }

    private let target: Target
    private var storage: UnsafeMutableRawPointer
    private var allocated: Int
    private var count = 0
    /// Flush to the descriptor once this many bytes are buffered (0: after every write).
    private let capacity: Int
    /// The name errors use.
    public let name: String

    /// Start the disk writing of every this many bytes written (0: never); see ``init(descriptor:name:capacity:writeback:)``.
    private let writebackEvery: Int
    /// Bytes written to the descriptor, and how many of them the disk has been asked to write.
    private var written = 0
    private var writebackRequested = 0

    /// Output to an open descriptor; the caller closes it.
    ///
    /// `writeback`: for a regular file that will be `fsync`ed, ask the kernel to
    /// start writing each further `writeback` bytes to disk as they are written
    /// (`posix_fadvise` `DONTNEED`, which starts the write-out of dirty pages and
    /// drops the pages already clean). The final `fsync` then waits for the last
    /// stretch only, not for all of a large output at once: on 100 MiB it had
    /// taken 60–80 ms after the conversion itself was done.
    public init(descriptor: Int32, name: String, capacity: Int = 1 << 18, writeback: Int = 0) {
        self.target = .descriptor(descriptor)
        self.name = name
        self.capacity = capacity
        self.writebackEvery = writeback
        allocated = max(capacity, 4096)
        storage = .allocate(byteCount: allocated, alignment: 16)
    }

    private init(memoryNamed name: String) {
        self.target = .memory
        self.name = name
        self.capacity = .max
        self.writebackEvery = 0
        allocated = 4096
        storage = .allocate(byteCount: allocated, alignment: 16)
    }

    deinit { storage.deallocate() }

    /// Output collected in memory; read it with ``bytes``.
    public static func memory(name: String = "<memory>") -> ByteOutput { ByteOutput(memoryNamed: name) }

    /// What a memory output holds (empty for a descriptor output after flushing).
    public var bytes: [UInt8] { Array(UnsafeRawBufferPointer(start: storage, count: count)) }

    /// How many bytes are buffered: all of a memory output, the unflushed rest of a descriptor's.
    public var byteCount: Int { count }

    /// The buffered bytes, lent for the duration of `body` (no copy, unlike ``bytes``).
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: storage, count: count))
    }

    /// Forgets the buffered bytes past the first `byteCount` (a renderer taking back what it declined).
    public func truncate(to byteCount: Int) {
        precondition(byteCount >= 0 && byteCount <= count, "truncate past the buffered bytes")
        count = byteCount
    }

    @inline(__always)
    public func write(_ string: String) throws {
        var s = string
        try s.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    @inline(__always)
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        let n = bytes.count
        if n > allocated - count { try makeRoom(n) }
        if n > 0 { (storage + count).copyMemory(from: bytes.baseAddress!, byteCount: n) }
        count += n
        if count >= capacity { try flush() }
    }

    @inline(__always)
    public func write(byte: UInt8) throws {
        if count == allocated { try makeRoom(1) }
        storage.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        count += 1
        if count >= capacity { try flush() }
    }

    /// `value` in decimal, the bytes of `String(value)`, from a stack buffer:
    /// the writers emit numbers (ids' counts, offsets, CSV columns) per sentence.
    @inline(__always)
    public func write(decimal value: Int) throws {
        if value >= 0 && value < 10 {
            try write(byte: 0x30 + UInt8(value))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: 20 digits and a sign fit
        try withUnsafeMutableBytes(of: &digits) { buffer in
            var i = buffer.count
            var v = value.magnitude
            repeat {
                i -= 1
                buffer[i] = 0x30 + UInt8(v % 10)
                v /= 10
            } while v > 0
            if value < 0 {
                i -= 1
                buffer[i] = UInt8(ascii: "-")
            }
            try write(UnsafeRawBufferPointer(rebasing: buffer[i...]))
        }
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Room for `n` more bytes: a descriptor output flushes (and grows only for
    /// a write larger than its buffer); a memory output doubles.
    private func makeRoom(_ n: Int) throws {
        if case .descriptor = target {
            try flush()
            if n <= allocated { return }
        }
        var size = allocated
        while size - count < n { size *= 2 }
        let grown = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        grown.copyMemory(from: storage, byteCount: count)
        storage.deallocate()
        storage = grown
        allocated = size
    }

    /// Sends buffered bytes to the descriptor; a no-op for memory outputs.
    public func flush() throws {
        guard case .descriptor(let fd) = target, count > 0 else { return }
        var done = 0
        while done < count {
            let n = posixWrite(fd, storage + done, count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw CorpusError.io(errno: errno, doing: "cannot write", file: name)
            }
            if n == 0 { throw CorpusError(.io, "cannot write: no space written", file: name) }
            done += n
        }
        written += count
        count = 0
        if writebackEvery > 0 && written - writebackRequested >= writebackEvery {
            #if os(Linux)
            // Advice only: a descriptor that cannot take it (a pipe) just says so.
            _ = posix_fadvise(fd, off_t(writebackRequested), off_t(written - writebackRequested), Int32(POSIX_FADV_DONTNEED))
            #endif
            writebackRequested = written
        }
    }
}

@inline(__always)
private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    write(fd, p, n)
}

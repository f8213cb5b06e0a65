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
public final class ByteOutput {
    private enum Target { case descriptor(Int32), memory }

    private let target: Target
    private var buffer: [UInt8] = []
    private let capacity: Int
    /// The name errors use.
    public let name: String

    /// Output to an open descriptor; the caller closes it.
    public init(descriptor: Int32, name: String, capacity: Int = 1 << 18) {
        self.target = .descriptor(descriptor)
        self.name = name
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    private init(memoryNamed name: String) {
        self.target = .memory
        self.name = name
        self.capacity = .max
    }

    /// Output collected in memory; read it with ``bytes``.
    public static func memory(name: String = "<memory>") -> ByteOutput { ByteOutput(memoryNamed: name) }

    /// What a memory output holds (empty for a descriptor output after flushing).
    public var bytes: [UInt8] { buffer }

    @inline(__always)
    public func write(_ string: String) throws {
        var s = string
        try s.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    @inline(__always)
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    @inline(__always)
    public func write(byte: UInt8) throws {
        buffer.append(byte)
        if buffer.count >= capacity { try flush() }
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Sends buffered bytes to the descriptor; a no-op for memory outputs.
    public func flush() throws {
        guard case .descriptor(let fd) = target, !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = posixWrite(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw CorpusError.io(errno: errno, doing: "cannot write", file: name)
                }
                if n == 0 { throw CorpusError(.io, "cannot write: no space written", file: name) }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

@inline(__always)
private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int {
    write(fd, p, n)
}

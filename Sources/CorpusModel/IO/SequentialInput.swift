#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension InputSource {
    /// Opens the input to be read on demand: a parser that needs more bytes in
    /// the middle of a value asks for them (``SequentialInput/read(into:)``)
    /// instead of being handed chunks, so it can stream a file of any size.
    public func openSequential() throws -> SequentialInput { try SequentialInput(self) }
}

/// An input read on demand, in order, into the caller's buffer. A file is
/// opened here and closed when this is released; a descriptor is not closed.
public final class SequentialInput {
    /// The name errors use (the input's name).
    public let name: String
    private var descriptor: Int32 = -1
    private var ownsDescriptor = false
    /// Bytes given before the descriptor's: the sniffed prefix of stdin, or a memory input.
    private let given: [UInt8]
    private var givenOffset = 0

    init(_ source: InputSource) throws {
        name = source.name
        switch source.storage {
        case .bytes(let bytes):
            given = bytes
        case .path(let path):
            given = []
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw CorpusError.io(errno: errno, doing: "cannot open", file: path) }
            ownsDescriptor = true
        case .descriptor(let fd, let prefix):
            given = prefix
            descriptor = fd
        }
    }

    deinit { if ownsDescriptor { close(descriptor) } }

    /// Reads up to `buffer.count` bytes into `buffer`; returns 0 only at the end of the input.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let target = buffer.baseAddress, buffer.count > 0 else { return 0 }
        if givenOffset < given.count {
            let n = min(buffer.count, given.count - givenOffset)
            given.withUnsafeBytes { target.copyMemory(from: $0.baseAddress! + givenOffset, byteCount: n) }
            givenOffset += n
            return n
        }
        guard descriptor >= 0 else { return 0 }
        while true {
            let n = systemRead(descriptor, target, buffer.count)
            if n >= 0 { return n }
            if errno != EINTR { throw CorpusError.io(errno: errno, doing: "cannot read", file: name) }
        }
    }
}

@inline(__always)
private func systemRead(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int { read(fd, p, n) }

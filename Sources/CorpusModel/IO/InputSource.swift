#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a reader's bytes come from: a file, a stream (stdin) or memory.
///
/// Readers stream it in chunks (``forEachChunk(size:_:)``) so memory stays
/// bounded; small formats may ``readAll()``. The name is what errors print.
public struct InputSource: Sendable {
    enum Storage: Sendable {
        case path(String)
        case descriptor(Int32, prefix: [UInt8])
        case bytes([UInt8])
    }

    /// The name errors use: the path as given, or `<stdin>`.
    public let name: String
    let storage: Storage

    /// A file on disk.
    public static func file(_ path: String) -> InputSource { InputSource(name: path, storage: .path(path)) }

    /// A file on disk that errors call `name` (an included file named as its `href` reads).
    public static func file(_ path: String, name: String) -> InputSource { InputSource(name: name, storage: .path(path)) }

    /// Bytes in memory, named `name` in errors.
    public static func bytes(_ bytes: [UInt8], name: String = "<memory>") -> InputSource {
        InputSource(name: name, storage: .bytes(bytes))
    }

    /// A string in memory, as UTF-8.
    public static func string(_ text: String, name: String = "<memory>") -> InputSource {
        .bytes(Array(text.utf8), name: name)
    }

    /// An open descriptor (stdin); `prefix` holds bytes already read from it for sniffing.
    public static func descriptor(_ fd: Int32, prefix: [UInt8] = [], name: String = "<stdin>") -> InputSource {
        InputSource(name: name, storage: .descriptor(fd, prefix: prefix))
    }

    /// The file path, when the input is a file.
    public var path: String? {
        if case .path(let p) = storage { return p }
        return nil
    }

    /// Calls `body` with consecutive chunks of the input, each at most `size` bytes.
    public func forEachChunk(size: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        switch storage {
        case .bytes(let bytes):
            var start = 0
            try bytes.withUnsafeBytes { raw in
                repeat {
                    let end = min(start + size, raw.count)
                    try body(UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                    start = end
                } while start < raw.count
            }
        case .path(let path):
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw CorpusError.io(errno: errno, doing: "cannot open", file: path) }
            defer { close(fd) }
            try Self.drain(fd, size: size, name: name, body)
        case .descriptor(let fd, let prefix):
            if !prefix.isEmpty { try prefix.withUnsafeBytes { try body($0) } }
            try Self.drain(fd, size: size, name: name, body)
        }
    }

    /// The whole input in memory.
    public func readAll() throws -> [UInt8] {
        if case .bytes(let b) = storage { return b }
        var all: [UInt8] = []
        try forEachChunk { all.append(contentsOf: $0) }
        return all
    }

    /// Up to `count` first bytes, for sniffing; does not consume a descriptor.
    public func prefix(_ count: Int = 4096) throws -> [UInt8] {
        switch storage {
        case .bytes(let b): return Array(b.prefix(count))
        case .descriptor(_, let prefix): return Array(prefix.prefix(count))
        case .path(let path):
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw CorpusError.io(errno: errno, doing: "cannot open", file: path) }
            defer { close(fd) }
            var buffer = [UInt8](repeating: 0, count: count)
            var filled = 0
            while filled < count {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, count - filled) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw CorpusError.io(errno: errno, doing: "cannot read", file: path)
                }
                if n == 0 { break }
                filled += n
            }
            return Array(buffer.prefix(filled))
        }
    }

    private static func drain(
        _ fd: Int32, size: Int, name: String, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress, size)
            if n < 0 {
                if errno == EINTR { continue }
                throw CorpusError.io(errno: errno, doing: "cannot read", file: name)
            }
            if n == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
    }
}

extension CorpusError {
    /// An I/O error with the system's message for `errno`.
    public static func io(errno code: Int32, doing what: String, file: String) -> CorpusError {
        let reason = String(cString: strerror(code))
        return CorpusError(.io, "\(what): \(reason)", file: file)
    }
}

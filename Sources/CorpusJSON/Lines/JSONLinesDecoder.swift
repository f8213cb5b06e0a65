import CorpusModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes JSON Lines (one versioned document per line) from chunks of bytes
/// as they arrive: the `jsonl` reader and the plugin event stream share it.
///
/// Lines are split on LF (a trailing CR is dropped), blank lines are skipped,
/// and every error names `name` and the 1-based line number. A line longer
/// than `limit` bytes is refused before it is held whole, so input without
/// line ends cannot fill memory.
public struct JSONLinesDecoder {
    /// The name errors use (a file, or a plugin's output).
    public let name: String
    /// Lines seen so far (the number of the last complete line).
    public private(set) var lineNumber = 0
    /// Documents decoded so far.
    public private(set) var documentCount = 0
    /// The longest line accepted, in bytes.
    public let limit: Int
    private var pending: [UInt8] = []
    private var consumed = 0

    public init(name: String, limit: Int = ReadLimits.maximumUnitBytes) {
        self.name = name
        self.limit = limit
    }

    /// Decodes every complete line in `chunk` (and any line left over from the
    /// previous chunk), calling `emit` for each document in order.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer, emit: (Document) throws -> Void) throws {
        var start = 0
        // A NUL byte is binary data: the lines before it are read, then the read stops.
        var nul: Int? = nil
        if let base = chunk.baseAddress, let hit = memchr(base, 0, chunk.count) {
            nul = base.distance(to: UnsafeRawPointer(hit))
        }
        for i in 0..<(nul ?? chunk.count) where chunk[i] == 0x0A {
            try checkLength(pending.count + i - start)
            if pending.isEmpty {
                try handle(ArraySlice(chunk[start..<i]), emit: emit)
            } else {
                pending.append(contentsOf: chunk[start..<i])
                let line = pending
                pending.removeAll(keepingCapacity: true)
                try handle(line[...], emit: emit)
            }
            start = i + 1
        }
        if let nul {
            let column = 1 + pending.count + nul - start
            throw CorpusError(
                .syntax, "NUL byte at byte offset \(consumed + nul): binary data, not JSON Lines", file: name,
                location: SourceLocation(line: lineNumber + 1, column: column, byteOffset: consumed + nul))
        }
        try checkLength(pending.count + chunk.count - start)
        pending.append(contentsOf: chunk[start...])
        consumed += chunk.count
    }

    private func checkLength(_ length: Int) throws {
        guard length > limit else { return }
        throw CorpusError(
            .structure, "line \(lineNumber + 1) is longer than \(ReadLimits.describe(limit)) (the limit for one JSON Lines document)",
            file: name, location: SourceLocation(line: lineNumber + 1, column: 1))
    }

    /// Decodes a last line without a final newline.
    public mutating func finish(emit: (Document) throws -> Void) throws {
        guard !pending.isEmpty else { return }
        let line = pending
        pending.removeAll()
        try handle(line[...], emit: emit)
    }

    private mutating func handle(_ line: ArraySlice<UInt8>, emit: (Document) throws -> Void) throws {
        lineNumber += 1
        var line = line
        if line.last == 0x0D { line = line.dropLast() }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
        try emit(try decodeLine(line, number: lineNumber))
        documentCount += 1
    }

    /// One line (without its newline) as a document, read by ``JSONModelParser``;
    /// a ``CorpusError`` placed at line `number` otherwise.
    public func decodeLine(_ line: ArraySlice<UInt8>, number: Int) throws -> Document {
        try line.withUnsafeBytes { bytes in
            var parser = JSONModelParser(cursor: JSONByteCursor(bytes: bytes, name: name, line: number))
            return try parser.readLinesRecord()
        }
    }
}

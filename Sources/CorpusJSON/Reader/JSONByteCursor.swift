import CorpusModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns the cursor's raw buffer so that it is freed with the last copy of the cursor.
final class JSONBufferStorage {
    var pointer: UnsafeMutablePointer<UInt8>
    var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        pointer = .allocate(capacity: capacity)
    }

    deinit { pointer.deallocate() }
}

/// The byte level of the JSON reader: a window over the input that refills on
/// demand, and the JSON tokens (whitespace, strings, numbers, literals) read
/// straight from its bytes.
///
/// Only the bytes of the value being read are held: memory stays flat on a file
/// of any size. Line and column are counted only for bytes the window drops and
/// for errors, so locating costs nothing on the way. A string longer than
/// `limit` bytes, a NUL byte, invalid UTF-8 and nesting deeper than
/// ``maximumDepth`` are errors with a place.
struct JSONByteCursor {
    /// Deeper nesting is refused (the same bound as Foundation's decoder).
    static let maximumDepth = 512

    let name: String
    private let source: SequentialInput?
    private let storage: JSONBufferStorage
    private(set) var buf: UnsafeMutablePointer<UInt8>
    /// The next byte to read and the end of the bytes held.
    var pos = 0
    private(set) var end = 0
    /// Absolute offset in the input of `buf[0]`.
    private(set) var base = 0
    private var atEnd = false
    /// The most bytes one value (a string) may take.
    let limit: Int
    /// Line and column of `buf[0]`.
    private var lineAtBase: Int
    private var columnAtBase = 1
    /// Decoded bytes of a string with escapes.
    private var scratch: [UInt8] = []

    /// A cursor that reads `source` on demand.
    init(source: SequentialInput, limit: Int, chunk: Int = 1 << 20) {
        self.name = source.name
        self.source = source
        self.limit = limit
        storage = JSONBufferStorage(capacity: chunk)
        buf = storage.pointer
        lineAtBase = 1
    }

    /// A cursor over bytes already in memory (a JSON Lines line) whose first line is `line`.
    init(bytes: UnsafeRawBufferPointer, name: String, line: Int) {
        self.name = name
        source = nil
        limit = .max
        storage = JSONBufferStorage(capacity: max(bytes.count, 1))
        buf = storage.pointer
        if let b = bytes.baseAddress { buf.update(from: b.assumingMemoryBound(to: UInt8.self), count: bytes.count) }
        end = bytes.count
        atEnd = true
        lineAtBase = line
    }

    // MARK: Refilling

    /// Reads more input, keeping the bytes from `keep` on (they move to the
    /// start of the buffer, and `pos` with them). Returns how far indices moved
    /// and whether more bytes came (false at the end of the input).
    mutating func fill(keeping keep: Int) throws -> (shift: Int, more: Bool) {
        if atEnd { return (0, false) }
        if keep > 0 {
            advanceLocation(over: keep)
            let held = end - keep
            if held > 0 { buf.update(from: buf + keep, count: held) }
            base += keep
            pos -= keep
            end = held
        }
        if end == storage.capacity {
            guard storage.capacity < limit else { throw tooLarge() }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: min(storage.capacity * 2, max(limit, storage.capacity)))
            grown.update(from: buf, count: end)
            storage.pointer.deallocate()
            storage.pointer = grown
            storage.capacity = min(storage.capacity * 2, max(limit, storage.capacity))
            buf = grown
        }
        let n = try source!.read(into: UnsafeMutableRawBufferPointer(start: buf + end, count: storage.capacity - end))
        if n == 0 {
            atEnd = true
            return (keep, false)
        }
        if let hit = memchr(buf + end, 0, n) {
            let offset = UnsafeRawPointer(buf).distance(to: UnsafeRawPointer(hit))
            end += n
            throw CorpusError(.syntax, "NUL byte at byte offset \(base + offset): binary data, not JSON", file: name,
                              location: location(at: offset))
        }
        end += n
        return (keep, true)
    }

    /// Makes `buf[pos]` readable; false at the end of the input.
    @inline(__always)
    mutating func ensureByte() throws -> Bool {
        if pos < end { return true }
        return try refillAtPos()
    }

    @inline(never)
    private mutating func refillAtPos() throws -> Bool {
        while pos >= end {
            guard try fill(keeping: pos).more else { return false }
        }
        return true
    }

    /// Makes `count` bytes from `pos` readable if the input has them.
    mutating func ensure(_ count: Int) throws -> Bool {
        while end - pos < count {
            guard try fill(keeping: pos).more else { return false }
        }
        return true
    }

    // MARK: Places

    /// Line and column of everything before `count` dropped from the window:
    /// newlines found with `memchr`, characters counted only after the last one.
    private mutating func advanceLocation(over count: Int) {
        var newlines = 0
        var i = 0
        while i < count, let hit = memchr(buf + i, 0x0A, count - i) {
            newlines += 1
            i = UnsafeRawPointer(buf).distance(to: UnsafeRawPointer(hit)) + 1
        }
        var lineStart = 0
        if newlines > 0 {
            var k = count - 1
            while buf[k] != 0x0A { k -= 1 }
            lineStart = k + 1
            lineAtBase += newlines
            columnAtBase = 1
        }
        columnAtBase += characters(from: lineStart, to: count)
    }

    /// Characters (bytes that do not continue a UTF-8 sequence) in `buf[from..<to]`.
    private func characters(from: Int, to: Int) -> Int {
        var n = 0
        var i = from
        while i + 8 <= to {
            let x = UnsafeRawPointer(buf + i).loadUnaligned(as: UInt64.self)
            // Continuation bytes are 10xxxxxx: bit 7 set, bit 6 clear.
            n &+= 8 &- (x & ~(x << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            i += 8
        }
        while i < to {
            n &+= buf[i] & 0xC0 != 0x80 ? 1 : 0
            i += 1
        }
        return n
    }

    /// The place of `buf[index]` (columns count characters).
    func location(at index: Int) -> SourceLocation {
        var line = lineAtBase
        var column = columnAtBase
        for i in 0..<min(index, end) {
            if buf[i] == 0x0A {
                line += 1
                column = 1
            } else if buf[i] & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column, byteOffset: base + index)
    }

    /// The place of an absolute offset, or of the current byte when that offset is no longer held.
    func location(atOffset offset: Int) -> SourceLocation {
        offset >= base ? location(at: offset - base) : location(at: pos)
    }

    var offset: Int { base + pos }

    // MARK: Errors

    func syntaxError(_ message: String, at index: Int) -> CorpusError {
        CorpusError(.syntax, "malformed JSON: \(message)", file: name, location: location(at: index))
    }

    /// "expected X, found Y" at the current byte.
    mutating func expected(_ what: String) -> CorpusError {
        let found: String
        if (try? ensureByte()) == true {
            let c = buf[pos]
            if c >= 0x21 && c < 0x7F {
                found = "'\(Character(Unicode.Scalar(c)))'"
            } else {
                let hex = Array("0123456789ABCDEF")
                found = "byte 0x\(hex[Int(c >> 4)])\(hex[Int(c & 0xF)])"
            }
        } else {
            found = "end of input"
        }
        return syntaxError("expected \(what), found \(found)", at: pos)
    }

    private func tooLarge() -> CorpusError {
        CorpusError(.structure, "larger than \(ReadLimits.describe(limit)): one JSON value this long is held whole (the file itself is streamed)",
                    file: name, location: location(at: 0))
    }

    // MARK: Tokens

    /// Skips whitespace; the next byte, or nil at the end of the input.
    @inline(__always)
    mutating func peek() throws -> UInt8? {
        while true {
            if pos >= end { guard try refillAtPos() else { return nil } }
            let b = buf[pos]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 {
                pos += 1
            } else {
                return b
            }
        }
    }

    /// Consumes `byte` after whitespace, or fails with "expected `what`".
    @inline(__always)
    mutating func consume(_ byte: UInt8, _ what: String) throws {
        guard try peek() == byte else { throw expected(what) }
        pos += 1
    }

    /// Skips a UTF-8 byte order mark at the very start.
    mutating func skipByteOrderMark() throws {
        if try ensure(3), buf[pos] == 0xEF, buf[pos + 1] == 0xBB, buf[pos + 2] == 0xBF { pos += 3 }
    }

    /// Scans a string whose `"` is at `pos`: on return its raw bytes are
    /// `buf[start..<stop]` (`"` at `stop`, consumed) and `escaped` says whether
    /// they hold backslashes.
    @inline(__always)
    mutating func scanString() throws -> (start: Int, stop: Int, escaped: Bool) {
        var start = pos + 1
        var i = start
        var escaped = false
        while true {
            // Eight bytes at a time while none is '"', '\' or a control character; the
            // lowest flagged byte of a word is exactly the first such byte (no false
            // positive below it), so the scan jumps straight to it.
            while i + 8 <= end {
                let w = UnsafeRawPointer(buf + i).loadUnaligned(as: UInt64.self)
                let quote = w ^ 0x2222_2222_2222_2222
                let slash = w ^ 0x5C5C_5C5C_5C5C_5C5C
                let special = (((quote &- 0x0101_0101_0101_0101) & ~quote)
                    | ((slash &- 0x0101_0101_0101_0101) & ~slash)
                    | ((w &- 0x2020_2020_2020_2020) & ~w)) & 0x8080_8080_8080_8080
                if special != 0 {
                    i += special.trailingZeroBitCount >> 3
                    break
                }
                i += 8
            }
            if i >= end {
                let (shift, more) = try fill(keeping: start - 1)
                start -= shift
                i -= shift
                if !more { throw syntaxError("unterminated string", at: start - 1) }
                continue
            }
            let b = buf[i]
            if b == 0x22 { break }
            if b == 0x5C {
                escaped = true
                i += 2
                continue
            }
            if b < 0x20 { throw syntaxError("control character inside a string", at: i) }
            i += 1
        }
        pos = i + 1
        if i - start > limit { throw tooLarge() }
        return (start, i, escaped)
    }

    /// Reads a string value at `pos` (which holds `"`).
    mutating func string() throws -> String {
        let (start, stop, escaped) = try scanString()
        let raw = UnsafeBufferPointer(start: buf + start, count: stop - start)
        if !escaped {
            // One validation, the standard library's (String(decoding:) replaces what is
            // invalid, so the result spells the input's bytes exactly when they were valid);
            // the offset is looked for only on failure.
            var s = String(decoding: raw, as: UTF8.self)
            if s.utf8.count == raw.count
                && (raw.count == 0 || s.withUTF8 { memcmp($0.baseAddress!, raw.baseAddress!, raw.count) == 0 }) {
                return s
            }
            let bad = UTF8Validation.firstInvalidByte(in: raw) ?? 0
            throw CorpusError(.syntax, "invalid UTF-8 in a string", file: name, location: location(at: start + bad))
        }
        return try unescape(raw, at: start)
    }

    /// The string `buf[start..<stop]` spells, escapes decoded (as ``scanString()`` left it).
    mutating func unescaped(start: Int, stop: Int) throws -> String {
        try unescape(UnsafeBufferPointer(start: buf + start, count: stop - start), at: start)
    }

    private mutating func unescape(_ raw: UnsafeBufferPointer<UInt8>, at start: Int) throws -> String {
        scratch.removeAll(keepingCapacity: true)
        var i = 0
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= raw.count else { return nil }
            var v: UInt32 = 0
            for k in at..<(at + 4) {
                let c = raw[k]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: return nil
                }
                v = v << 4 | d
            }
            return v
        }
        while i < raw.count {
            let b = raw[i]
            guard b == 0x5C else {
                scratch.append(b)
                i += 1
                continue
            }
            let e = i + 1 < raw.count ? raw[i + 1] : 0
            switch e {
            case 0x22, 0x5C, 0x2F: scratch.append(e)
            case 0x62: scratch.append(0x08)
            case 0x66: scratch.append(0x0C)
            case 0x6E: scratch.append(0x0A)
            case 0x72: scratch.append(0x0D)
            case 0x74: scratch.append(0x09)
            case 0x75:
                guard var scalar = hex4(i + 2) else { throw syntaxError("invalid \\u escape", at: start + i) }
                i += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 2 < raw.count, raw[i + 2] == 0x5C, raw[i + 3] == 0x75, let low = hex4(i + 4),
                        (0xDC00...0xDFFF).contains(low)
                    else { throw syntaxError("unpaired surrogate in a \\u escape", at: start + i - 4) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw syntaxError("unpaired surrogate in a \\u escape", at: start + i - 4)
                }
                scratch.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
            default:
                throw syntaxError("invalid escape '\\\(e >= 0x21 && e < 0x7F ? String(UnicodeScalar(e)) : "?")' in a string", at: start + i)
            }
            i += 2
        }
        let result = scratch.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
        guard let result else {
            let bad = UTF8Validation.firstInvalidByte(in: raw) ?? 0
            throw CorpusError(.syntax, "invalid UTF-8 in a string", file: name, location: location(at: start + bad))
        }
        return result
    }

    /// Scans a number at `pos`: its bytes and whether it is a plain integer.
    mutating func scanNumber() throws -> (start: Int, stop: Int, integer: Bool) {
        var start = pos
        var i = pos
        var integer = true
        func byte(_ at: inout Int) throws -> UInt8? {
            if at >= end {
                let (shift, more) = try fill(keeping: start)
                start -= shift
                at -= shift
                if !more { return nil }
            }
            return buf[at]
        }
        func digits(_ at: inout Int) throws -> Int {
            var n = 0
            while let c = try byte(&at), c >= 0x30 && c <= 0x39 { at += 1; n += 1 }
            return n
        }
        if try byte(&i) == 0x2D { i += 1 }
        let first = try byte(&i)
        guard let first, first >= 0x30 && first <= 0x39 else {
            pos = i
            throw expected("a digit")
        }
        if first == 0x30 { i += 1 } else { _ = try digits(&i) }
        if try byte(&i) == 0x2E {
            integer = false
            i += 1
            guard try digits(&i) > 0 else { pos = i; throw expected("a digit") }
        }
        if let e = try byte(&i), e == 0x65 || e == 0x45 {
            integer = false
            i += 1
            if let s = try byte(&i), s == 0x2B || s == 0x2D { i += 1 }
            guard try digits(&i) > 0 else { pos = i; throw expected("a digit") }
        }
        pos = i
        return (start, i, integer)
    }

    /// Reads `true`, `false` or `null` at `pos`; nil when none is there.
    mutating func literal() throws -> UInt8? {
        let c = buf[pos]
        let word: StaticString = c == 0x74 ? "true" : c == 0x66 ? "false" : "null"
        let n = word.utf8CodeUnitCount
        guard try ensure(n), memcmp(buf + pos, word.utf8Start, n) == 0 else { return nil }
        pos += n
        return c
    }

    /// Skips one whole value (checking its syntax), without recursion.
    mutating func skipValue() throws {
        var stack: [Bool] = []  // true: object
        var expectValue = true
        while true {
            if expectValue {
                guard let c = try peek() else { throw expected("a value") }
                switch c {
                case 0x7B, 0x5B:
                    pos += 1
                    guard stack.count < Self.maximumDepth else {
                        throw CorpusError(.structure, "JSON nested deeper than \(Self.maximumDepth) levels", file: name,
                                          location: location(at: pos - 1))
                    }
                    stack.append(c == 0x7B)
                    let close: UInt8 = c == 0x7B ? 0x7D : 0x5D
                    if try peek() == close {
                        pos += 1
                        stack.removeLast()
                    } else {
                        if c == 0x7B { try memberKey() }
                        continue
                    }
                case 0x22: _ = try scanString()
                case 0x2D, 0x30...0x39: _ = try scanNumber()
                case 0x74, 0x66, 0x6E: guard try literal() != nil else { throw expected("a value") }
                default: throw expected("a value")
                }
                expectValue = false
            }
            guard let inObject = stack.last else { return }
            let close: UInt8 = inObject ? 0x7D : 0x5D
            guard let c = try peek() else { throw expected(inObject ? "',' or '}'" : "',' or ']'") }
            if c == close {
                pos += 1
                stack.removeLast()
                continue
            }
            guard c == 0x2C else { throw expected(inObject ? "',' or '}'" : "',' or ']'") }
            pos += 1
            if inObject { try memberKey() }
            expectValue = true
        }
    }

    /// Skips `"key":` inside an object being skipped.
    private mutating func memberKey() throws {
        guard try peek() == 0x22 else { throw expected("a quoted key") }
        _ = try scanString()
        try consume(0x3A, "':'")
    }
}

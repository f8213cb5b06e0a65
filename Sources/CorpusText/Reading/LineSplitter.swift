#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CorpusModel

/// One line of the input, without its line end, decoded from UTF-8.
struct SourceLine {
    /// The line as a `String`, or nil when it is given as ``utf8`` only.
    private var string: String?
    /// The line's UTF-8, checked valid without NUL, when it came straight from the
    /// splitter's buffer: valid only during the callback that receives the line.
    /// (A `String` per line, copied into the paragraph and freed, cost ~30 M
    /// instructions on 10 MiB: an assembler that can take the bytes skips it.)
    let utf8: UnsafeBufferPointer<UInt8>?
    /// 1-based line number.
    var number: Int
    /// Byte offset of the line's first byte in the (UTF-8) stream.
    var byteOffset: Int
    /// True when the line is known to need no whitespace collapsing (see
    /// ``TextWhitespace/collapse(_:)-(String)``), found in the validating pass; false when unknown.
    var collapsed = false

    init(text: String, number: Int, byteOffset: Int, collapsed: Bool = false) {
        string = text
        utf8 = nil
        self.number = number
        self.byteOffset = byteOffset
        self.collapsed = collapsed
    }

    /// A line known by its bytes (valid UTF-8 without NUL), during the callback only.
    init(utf8: UnsafeBufferPointer<UInt8>, ascii: Bool, number: Int, byteOffset: Int, collapsed: Bool) {
        string = nil
        self.utf8 = utf8
        self.number = number
        self.byteOffset = byteOffset
        self.collapsed = collapsed
        self.ascii = ascii
    }

    /// Whether ``utf8`` is all ASCII (false when unknown).
    private(set) var ascii = false

    /// The line's text.
    var text: String {
        if let string { return string }
        guard let utf8 else { return "" }
        return String(copying: unsafe UTF8Span(unchecked: Span(_unsafeElements: utf8), isKnownASCII: ascii))
    }
}

/// Cuts a UTF-8 byte stream into lines (LF, CRLF or CR), validating each line.
///
/// Invalid UTF-8 or a NUL byte is an error naming line, column and byte
/// offset, unless `replaceInvalid` is set: then bad bytes become U+FFFD and
/// `warn` is told where.
struct LineSplitter {
    let inputName: String
    let replaceInvalid: Bool
    let warn: (Diagnostic) throws -> Void
    /// The longest line accepted, in bytes (``ReadLimits``).
    let maximumLineBytes: Int

    private var pending: [UInt8] = []
    private var lineStart = 0
    private var position = 0
    private var lineNumber = 1
    private var afterCR = false
    private var warnings = 0

    init(inputName: String, replaceInvalid: Bool, maximumLineBytes: Int = ReadLimits.maximumUnitBytes,
         warn: @escaping (Diagnostic) throws -> Void) {
        self.inputName = inputName
        self.replaceInvalid = replaceInvalid
        self.maximumLineBytes = maximumLineBytes
        self.warn = warn
    }

    /// Feeds bytes; calls `body` for each completed line.
    mutating func feed(_ bytes: UnsafeRawBufferPointer, _ body: (SourceLine) throws -> Void) throws {
        var segmentStart = 0
        let count = bytes.count
        guard count > 0, let base = bytes.baseAddress else { return }
        func offset(_ p: UnsafeMutableRawPointer) -> Int { base.distance(to: UnsafeRawPointer(p)) }
        // Binary data: a NUL byte stops the read at once, before any more is read or held.
        // Lines before it are still emitted, so the error comes in order.
        var nul: Int? = nil
        if !replaceInvalid, let hit = memchr(base, 0, count) { nul = offset(hit) }
        let stop = nul ?? count
        var i = 0
        while i < stop {
            // The next line end: memchr finds LF; CR (rare) is looked for only before it.
            let lf = memchr(base + i, 0x0A, stop - i).map(offset) ?? stop
            let end = memchr(base + i, 0x0D, lf - i).map(offset) ?? lf
            if end > i { afterCR = false }
            if end == stop { break }
            let b = bytes[end]
            if b == 0x0A && afterCR {
                // The LF of a CRLF whose CR ended the previous line.
                afterCR = false
                segmentStart = end + 1
                lineStart = position + end + 1
                i = end + 1
                continue
            }
            try checkLength(pending.count + (end - segmentStart))
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[segmentStart..<end]))
            try emit(body)
            afterCR = b == 0x0D
            segmentStart = end + 1
            lineStart = position + end + 1
            i = end + 1
        }
        if let nul { try throwNUL(bytes, segmentStart: segmentStart, at: nul) }
        try checkLength(pending.count + (count - segmentStart))
        pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[segmentStart..<count]))
        position += count
    }

    /// Refuses a line of `length` bytes over the limit, before holding it.
    private func checkLength(_ length: Int) throws {
        guard length > maximumLineBytes else { return }
        throw CorpusError(
            .structure,
            "line \(lineNumber) is longer than \(ReadLimits.describe(maximumLineBytes)) (the limit for one line): this does not look like text",
            file: inputName, location: SourceLocation(line: lineNumber, column: 1, byteOffset: lineStart))
    }

    /// The error for a NUL byte at `i` of `bytes`, on the line held in `pending` plus `bytes[segmentStart..<i]`.
    private func throwNUL(_ bytes: UnsafeRawBufferPointer, segmentStart: Int, at i: Int) throws -> Never {
        let offset = position + i
        var column = 1
        for b in pending where b & 0xC0 != 0x80 { column += 1 }
        for k in segmentStart..<i where bytes[k] & 0xC0 != 0x80 { column += 1 }
        throw CorpusError(
            .encoding, "NUL byte at byte offset \(offset): this looks like binary data, not text",
            file: inputName, location: SourceLocation(line: lineNumber, column: column, byteOffset: offset))
    }

    /// Emits the last line if the input does not end with a line end.
    mutating func finish(_ body: (SourceLine) throws -> Void) throws {
        if !pending.isEmpty { try emit(body) }
    }

    private mutating func emit(_ body: (SourceLine) throws -> Void) throws {
        let text: String
        // The common case: valid UTF-8 without NUL, handed on as the bytes themselves.
        let scan = pending.withUnsafeBufferPointer { LineScan($0) }
        if let scan {
            try pending.withUnsafeBufferPointer { buffer in
                try body(SourceLine(utf8: buffer, ascii: scan.ascii, number: lineNumber, byteOffset: lineStart,
                                    collapsed: scan.collapsed))
            }
            pending.removeAll(keepingCapacity: true)
            lineNumber += 1
            return
        }
        if let bad = UTF8Check.firstProblem(in: pending) {
            let location = SourceLocation(
                line: lineNumber, column: UTF8Check.column(of: bad.offset, in: pending),
                byteOffset: lineStart + bad.offset)
            let message = bad.message + " at byte offset \(lineStart + bad.offset)"
            if !replaceInvalid {
                throw CorpusError(.encoding, message + " (choose --encoding, or replace-invalid to replace bad bytes)",
                                  file: inputName, location: location)
            }
            if warnings < 20 {
                try warn(Diagnostic(severity: .warning, message: message + "; replaced with U+FFFD",
                                file: inputName, location: location))
            }
            warnings += 1
            // NUL bytes are replaced too: no writer can put them in XML, and they are not text.
            text = String(decoding: pending, as: UTF8.self).replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
        } else {
            text = String(decoding: pending, as: UTF8.self)  // unreachable: LineScan accepts what firstProblem does
        }
        try body(SourceLine(text: text, number: lineNumber, byteOffset: lineStart))
        pending.removeAll(keepingCapacity: true)
        lineNumber += 1
    }
}

/// UTF-8 validation that says where the first problem is.
enum UTF8Check {
    struct Problem {
        var offset: Int
        var message: String
    }

    /// The first invalid sequence or NUL byte in `bytes`, or nil when the bytes are clean UTF-8.
    /// The line as a `String` when it is valid UTF-8 without NUL bytes: one
    /// validating pass (the standard library's) on the common path; the slower
    /// ``firstProblem(in:)`` runs only to locate a problem.
    static func cleanText(_ bytes: [UInt8]) -> (text: String, collapsed: Bool)? {
        bytes.withUnsafeBufferPointer { buffer in
            // One pass of our own validates and checks the whitespace, then the
            // standard library copies without validating again (`String(decoding:)`
            // validated at ~12 instructions a byte, a quarter of the reader's work).
            guard let scan = LineScan(buffer) else { return nil }
            let text = String(copying: unsafe UTF8Span(unchecked: Span(_unsafeElements: buffer), isKnownASCII: scan.ascii))
            return (text, scan.collapsed)
        }
    }

    static func firstProblem(in bytes: [UInt8]) -> Problem? {
        let found = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidByte(in: $0, rejectingNUL: true) }
        guard let i = found else { return nil }
        if bytes[i] == 0 { return Problem(offset: i, message: "NUL byte: this looks like binary data, not text") }
        return invalid(bytes[i], at: i)
    }

    private static func invalid(_ b: UInt8, at i: Int) -> Problem {
        Problem(offset: i, message: "invalid UTF-8: byte 0x\(String(b, radix: 16, uppercase: true))")
    }

    /// 1-based column (in characters) of byte `offset` of a line.
    static func column(of offset: Int, in bytes: [UInt8]) -> Int {
        var col = 1
        for k in 0..<min(offset, bytes.count) where bytes[k] & 0xC0 != 0x80 { col += 1 }
        return col
    }
}

/// One pass over a line's bytes: UTF-8 validity (no NUL), ASCII-ness, and
/// whether ``TextWhitespace/collapse(_:)-(String)`` would leave it as it is.
///
/// Validity is exactly ``UTF8Validation/firstInvalidByte(in:rejectingNUL:)``'s
/// (the same checks per sequence): a line it rejects gets nil, and the reader
/// then locates the problem the slow way. Runs of sixteen bytes of ASCII and
/// two-byte characters (``cleanChunk(_:ascii:collapsed:)``), words of eight ASCII bytes, of four
/// two-byte characters (Cyrillic), and of ASCII and two-byte characters mixed
/// (``mixedWord(_:collapsed:prevSpace:)``) are checked at once.
struct LineScan {
    var ascii = true
    /// No leading, trailing or doubled space, no control character, no non-ASCII space.
    var collapsed = true

    init?(_ buffer: UnsafeBufferPointer<UInt8>) {
        let n = buffer.count
        guard n > 0, let p = buffer.baseAddress else { return }
        collapsed = p[0] != 0x20 && p[n - 1] != 0x20
        var prevSpace = false
        var i = 0
        // Sixteen bytes at a time from the second byte on (a chunk also reads the byte before
        // it); after a chunk, i may sit right after a lead, whose continuation the next chunk checks.
        var wideFrom = 1
        var afterChunk = false
        while i < n {
            if i >= wideFrom && i + 16 <= n {
                if Self.cleanChunk(p + i, ascii: &ascii, collapsed: &collapsed) {
                    i += 16
                    afterChunk = true
                    continue
                }
                wideFrom = i + 16  // refused: the narrower paths take the chunk
            }
            if afterChunk {
                // Back to the start of the character i is in (a lead's flags come out the same twice).
                afterChunk = false
                if p[i - 1] >= 0xC0 { i -= 1 }
                prevSpace = p[i - 1] == 0x20
            }
            if i + 8 <= n {
                let x = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                if x & 0x8080_8080_8080_8080 == 0 {
                    if (x &- 0x2020_2020_2020_2020) & ~x & 0x8080_8080_8080_8080 == 0 {
                        // Eight ASCII bytes, none a control (nor NUL).
                        let spaces = ByteScan.exactlyEqual(x, 0x20)
                        if spaces & (spaces >> 8) != 0 || (prevSpace && spaces & 0x80 != 0) { collapsed = false }
                        prevSpace = spaces >> 63 != 0
                        i += 8
                        continue
                    }
                } else if x & 0xC0E0_C0E0_C0E0_C0E0 == 0x80C0_80C0_80C0_80C0
                    && ((x & 0x001E_001E_001E_001E) &+ 0x007F_007F_007F_007F) & 0x0080_0080_0080_0080 == 0x0080_0080_0080_0080
                {
                    // Four two-byte characters, each lead at least 0xC2 (no overlong form).
                    ascii = false
                    if collapsed && (Self.hasLane(x, 0xA0C2) || Self.hasLane(x, 0x85C2)) { collapsed = false }  // NBSP, NEL
                    prevSpace = false
                    i += 8
                    continue
                } else if let taken = Self.mixedWord(x, collapsed: &collapsed, prevSpace: &prevSpace) {
                    // ASCII (no control) and two-byte characters mixed: a word's end, its space
                    // and punctuation, the next word's start. A lead in byte 7 waits for the next load.
                    ascii = false
                    i += taken
                    continue
                }
            }
            let b = p[i]
            if b < 0x80 {
                if b < 0x21 {
                    if b == 0 { return nil }
                    if b != 0x20 || prevSpace { collapsed = false }
                    prevSpace = b == 0x20
                } else {
                    prevSpace = false
                }
                i += 1
                continue
            }
            ascii = false
            prevSpace = false
            if b & 0xE0 == 0xC0 {
                guard b >= 0xC2, i + 1 < n, p[i + 1] & 0xC0 == 0x80 else { return nil }
                if b == 0xC2 && (p[i + 1] == 0xA0 || p[i + 1] == 0x85) { collapsed = false }
                i += 2
                continue
            }
            guard let (length, lower, upper) = UTF8Validation.longSequence(lead: b), i + length <= n else { return nil }
            let second = p[i + 1]
            if second < lower || second > upper { return nil }
            for k in 2..<length where p[i + k] & 0xC0 != 0x80 { return nil }
            if length == 3 && b >= 0xE1 && b <= 0xE3 {
                // The non-ASCII spaces (and, to be safe, every lead pattern the whitespace check looks at).
                let w = p[i + 2]
                switch (b, second) {
                case (0xE1, 0x9A), (0xE1, 0xA0): collapsed = false
                case (0xE2, 0x80) where w <= 0x8A || w == 0xA8 || w == 0xA9 || w == 0xAF: collapsed = false
                case (0xE2, 0x81) where w == 0x9F: collapsed = false
                case (0xE3, 0x80) where w == 0x80: collapsed = false
                default: break
                }
            }
            i += length
        }
        if afterChunk && p[n - 1] >= 0xC0 { return nil }  // the line ends on a lead
    }

    /// Whether the sixteen bytes at `p` are text of ASCII characters from U+0020
    /// and two-byte characters (leads 0xC2–0xDF), each continuation right after
    /// its lead and each lead before a continuation (one in byte 15 is checked
    /// by the next chunk or the end); reads the byte before `p` too. When they
    /// are, updates `ascii` and `collapsed` as the byte-by-byte path would.
    /// Corpus text is mostly such runs; one pass of vector compares replaces
    /// eight to twelve instructions a byte.
    @inline(__always)
    static func cleanChunk(_ p: UnsafePointer<UInt8>, ascii: inout Bool, collapsed: inout Bool) -> Bool {
        // Every constant a typed `let` and every test through `anyLane`: with literals in
        // the operators, or with the standard `any`, Swift 6.3 compiled lane-by-lane loops
        // and a call; this way each line is one SSE2 instruction or two.
        typealias Bytes = SIMD16<UInt8>
        typealias Lanes = SIMDMask<SIMD16<Int8>>
        let v = UnsafeRawPointer(p).loadUnaligned(as: Bytes.self)
        let before = UnsafeRawPointer(p - 1).loadUnaligned(as: Bytes.self)
        let top: Bytes = Bytes(repeating: 0xC0), continuation: Bytes = Bytes(repeating: 0x80)
        let firstPrintable: Bytes = Bytes(repeating: 0x20), firstLongLead: Bytes = Bytes(repeating: 0xE0)
        let overlongBits: Bytes = Bytes(repeating: 0xFE)
        let isContinuation: Lanes = (v & top) .== continuation
        let afterLead: Lanes = before .>= top
        // A continuation without its lead or a lead without its continuation; a control
        // or NUL; a lead of three or four bytes (0xE0 up) or an overlong one (0xC0, 0xC1).
        let control: Lanes = v .< firstPrintable
        let longLead: Lanes = v .>= firstLongLead
        let overlong: Lanes = (v & overlongBits) .== top
        let bad = (isContinuation .^ afterLead) .| control .| longLead .| overlong
        // A doubled space, or NBSP (C2 A0) or NEL (C2 85): tested with the above, in one go.
        let space: Bytes = Bytes(repeating: 0x20), c2: Bytes = Bytes(repeating: 0xC2)
        let nbsp: Bytes = Bytes(repeating: 0xA0), nel: Bytes = Bytes(repeating: 0x85)
        let doubled: Lanes = (v .== space) .& (before .== space)
        let wide: Lanes = (before .== c2) .& ((v .== nbsp) .| (v .== nel))
        if anyLane(bad .| doubled .| wide) {
            if anyLane(bad) { return false }
            collapsed = false
        }
        if ascii {
            let high: Lanes = v .>= continuation
            if anyLane(high) { ascii = false }
        }
        return true
    }

    /// Whether any lane of `lanes` is set (the standard `any` was a call).
    @inline(__always)
    private static func anyLane(_ lanes: SIMDMask<SIMD16<Int8>>) -> Bool {
        let words = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }

    /// How many bytes of the eight in `x` (little-endian: byte 0 first) are
    /// valid text made of ASCII characters from U+0020 and two-byte characters
    /// (leads 0xC2–0xDF, each followed by its continuation): 8, or 7 when byte 7
    /// is a lead whose continuation follows; nil when the word holds anything
    /// else (a control, a longer sequence, a stray or missing continuation, an
    /// overlong lead), which the byte-by-byte path then judges. Updates the
    /// whitespace facts for the bytes taken, as that path would.
    @inline(__always)
    static func mixedWord(_ x: UInt64, collapsed: inout Bool, prevSpace: inout Bool) -> Int? {
        let highs: UInt64 = 0x8080_8080_8080_8080
        let high = x & highs
        let lead = x & (x << 1) & highs  // 11xxxxxx (`x << 1` moves each byte's bit 6 to its bit 7)
        // Every continuation (10xxxxxx) right after a lead and every lead before one (a lead in
        // byte 7 has its continuation in the next word); no 111xxxxx lead (three or four bytes).
        guard high ^ lead == lead << 8, lead & (x << 2) == 0 else { return nil }
        // No byte below 0x20 (controls, NUL; bytes from 0x80 never count here), and no lead
        // 0xC0 or 0xC1 (an overlong form: none of the bits 0x1E).
        let control = (x &- 0x2020_2020_2020_2020) & ~x
        let overlong = ~((x & 0x1E1E_1E1E_1E1E_1E1E) &+ 0x7F7F_7F7F_7F7F_7F7F) & lead
        guard (control | overlong) & highs == 0 else { return nil }
        let taken = lead >> 63 != 0 ? 7 : 8
        let spaces = ByteScan.exactlyEqual(x, 0x20)  // byte 7 is never a space when it is a lead
        if spaces & (spaces >> 8) != 0 || (prevSpace && spaces & 0x80 != 0) { collapsed = false }
        prevSpace = (spaces >> UInt64(8 * taken - 1)) & 1 != 0
        // NBSP (C2 A0) and NEL (C2 85) within the bytes taken (C2 also leads « » and °).
        let c2 = ByteScan.exactlyEqual(x, 0xC2)
        if c2 != 0 && (c2 << 8) & (ByteScan.exactlyEqual(x, 0xA0) | ByteScan.exactlyEqual(x, 0x85)) != 0 {
            collapsed = false
        }
        return taken
    }

    /// Whether one of the four 16-bit lanes of `x` is `lane`.
    @inline(__always)
    private static func hasLane(_ x: UInt64, _ lane: UInt64) -> Bool {
        let y = x ^ (lane &* 0x0001_0001_0001_0001)
        return (y &- 0x0001_0001_0001_0001) & ~y & 0x8000_8000_8000_8000 != 0
    }
}

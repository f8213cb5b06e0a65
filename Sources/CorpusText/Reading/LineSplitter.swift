#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CorpusModel

/// One line of the input, without its line end, decoded from UTF-8.
struct SourceLine {
    var text: String
    /// 1-based line number.
    var number: Int
    /// Byte offset of the line's first byte in the (UTF-8) stream.
    var byteOffset: Int
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
        // Binary data: a NUL byte stops the read at once, before any more is read or held.
        // Lines before it are still emitted, so the error comes in order.
        var nul: Int? = nil
        if !replaceInvalid, count > 0, let base = bytes.baseAddress, let hit = memchr(base, 0, count) {
            nul = base.distance(to: UnsafeRawPointer(hit))
        }
        let end = nul ?? count
        var i = 0
        while i < end {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                if b == 0x0A && afterCR {
                    // The LF of a CRLF whose CR ended the previous line.
                    afterCR = false
                    segmentStart = i + 1
                    lineStart = position + i + 1
                    i += 1
                    continue
                }
                try checkLength(pending.count + (i - segmentStart))
                pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[segmentStart..<i]))
                try emit(body)
                afterCR = b == 0x0D
                segmentStart = i + 1
                lineStart = position + i + 1
            } else {
                afterCR = false
            }
            i += 1
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
        if let clean = UTF8Check.cleanText(pending) {
            text = clean
        } else if let bad = UTF8Check.firstProblem(in: pending) {
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
            text = String(decoding: pending, as: UTF8.self)  // unreachable: cleanText accepts what firstProblem does
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
    static func cleanText(_ bytes: [UInt8]) -> String? {
        let hasNUL = bytes.withUnsafeBytes { raw in
            raw.count > 0 && memchr(raw.baseAddress!, 0, raw.count) != nil
        }
        return hasNUL ? nil : String(validating: bytes, as: UTF8.self)
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

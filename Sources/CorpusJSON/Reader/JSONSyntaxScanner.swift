import CorpusModel
import Foundation

/// Finds the first syntax error in JSON bytes, with its line and column.
///
/// Only runs after `JSONDecoder` has failed, so it favours clear messages
/// over speed. Iterative (explicit stack), so hostile nesting cannot
/// overflow the call stack.
enum JSONSyntaxScanner {
    struct Failure {
        var offset: Int
        var message: String
    }

    static func firstError(in bytes: [UInt8]) -> SourceLocation? {
        scan(bytes).map { SourceLocation.of(byteOffset: $0.offset, in: bytes) }
    }

    static func describeError(in bytes: [UInt8]) -> String? { scan(bytes)?.message }

    private enum Container { case object, array }

    static func scan(_ b: [UInt8]) -> Failure? {
        var i = 0
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        var stack: [Container] = []

        func skipSpace() {
            while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        }
        func found() -> String {
            guard i < b.count else { return "end of input" }
            let c = b[i]
            if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
            return String(format: "byte 0x%02X", c)
        }
        func fail(_ expected: String) -> Failure {
            Failure(offset: i, message: "malformed JSON: expected \(expected), found \(found())")
        }
        /// Scans a string starting at `"`; nil on success.
        func string() -> Failure? {
            let start = i
            i += 1
            while i < b.count {
                switch b[i] {
                case 0x22: i += 1; return nil
                case 0x5C: i += 2
                case 0..<0x20:
                    return Failure(offset: i, message: "malformed JSON: control character inside a string")
                default: i += 1
                }
            }
            return Failure(offset: start, message: "malformed JSON: unterminated string")
        }
        /// Scans a scalar or opens a container; nil on success.
        func value() -> Failure? {
            skipSpace()
            guard i < b.count else { return fail("a value") }
            switch b[i] {
            case 0x7B: stack.append(.object); i += 1; return nil
            case 0x5B: stack.append(.array); i += 1; return nil
            case 0x22: return string()
            case 0x2D, 0x30...0x39:
                i += 1
                while i < b.count, (0x30...0x39).contains(b[i]) || b[i] == 0x2E || b[i] == 0x65 || b[i] == 0x45
                    || b[i] == 0x2B || b[i] == 0x2D { i += 1 }
                return nil
            default:
                for word in ["true", "false", "null"] where b[i...].starts(with: word.utf8) {
                    i += word.utf8.count
                    return nil
                }
                return fail("a value")
            }
        }

        if let f = value() { return f }
        // After each value or container opening, decide what may follow.
        var justOpened = !stack.isEmpty
        while !stack.isEmpty {
            skipSpace()
            let top = stack[stack.count - 1]
            if justOpened {
                justOpened = false
                if i < b.count, b[i] == (top == .object ? 0x7D : 0x5D) {
                    stack.removeLast(); i += 1; continue
                }
            } else {
                guard i < b.count else { return fail(top == .object ? "',' or '}'" : "',' or ']'") }
                if b[i] == (top == .object ? 0x7D : 0x5D) { stack.removeLast(); i += 1; continue }
                guard b[i] == 0x2C else { return fail(top == .object ? "',' or '}'" : "',' or ']'") }
                i += 1
                skipSpace()
            }
            if top == .object {
                guard i < b.count, b[i] == 0x22 else { return fail("a quoted key") }
                if let f = string() { return f }
                skipSpace()
                guard i < b.count, b[i] == 0x3A else { return fail("':'") }
                i += 1
            }
            let depth = stack.count
            if let f = value() { return f }
            justOpened = stack.count > depth
        }
        skipSpace()
        if i < b.count { return fail("end of input") }
        return nil
    }
}

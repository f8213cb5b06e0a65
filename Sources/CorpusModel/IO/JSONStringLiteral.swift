/// A string as a JSON string literal, for the small JSON texts that targets
/// without CorpusJSON write (a CSV `doc_meta` cell, the stats report).
public enum JSONStringLiteral {
    /// Appends `s` quoted and escaped: `"`, `\`, controls (C0 and C1) and the
    /// line separators U+2028/U+2029 as escapes, everything else as it is.
    public static func append(_ s: String, to out: inout String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count + 2)
        append(s, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `s` as ``append(_:to:)-(_,String)`` does, as UTF-8 bytes: runs that need no escape are
    /// copied whole (a scalar at a time, the stats report spent a fifth of its instructions here).
    public static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        out.append(0x22)
        s.withUTF8 { bytes in
            var run = 0
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                // Only these bytes can start a scalar that needs an escape: ASCII controls, `"`, `\`, DEL,
                // C2 (C1 controls are C2 80…C2 9F) and E2 (U+2028/U+2029 are E2 80 A8/A9).
                guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xC2 || b == 0xE2 else {
                    i += 1
                    continue
                }
                var escape: [UInt8]?
                var width = 1
                switch b {
                case 0x22: escape = [0x5C, 0x22]
                case 0x5C: escape = [0x5C, 0x5C]
                case 0x0A: escape = [0x5C, 0x6E]
                case 0x0D: escape = [0x5C, 0x72]
                case 0x09: escape = [0x5C, 0x74]
                case 0xC2:
                    width = 2
                    if i + 1 < bytes.count && bytes[i + 1] <= 0x9F { escape = unicodeEscape(UInt32(bytes[i + 1])) }
                case 0xE2:
                    width = 3
                    if i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) {
                        escape = unicodeEscape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                    }
                default: escape = unicodeEscape(UInt32(b))
                }
                if let escape {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                    out.append(contentsOf: escape)
                    run = i + width
                }
                i += width
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        }
        out.append(0x22)
    }

    /// `\uXXXX` for `value` (four lowercase hex digits).
    private static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [0x5C, 0x75] + [12, 8, 4, 0].map { digits[Int((value >> UInt32($0)) & 0xF)] }
    }
}

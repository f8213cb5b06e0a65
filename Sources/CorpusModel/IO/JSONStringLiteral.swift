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
            /// Copies the run before byte `i`, then `escape`, and skips the `width` bytes it stands for.
            func put(_ escape: some Collection<UInt8>, width: Int) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                out.append(contentsOf: escape)
                i += width
                run = i
            }
            /// `\uXXXX` for `value`, four lowercase hex digits.
            func putUnicode(_ value: UInt32, width: Int) {
                let hex: [UInt8] = [12, 8, 4, 0].map {
                    let d = UInt8((value >> UInt32($0)) & 0xF)
                    return d < 10 ? 0x30 + d : 0x57 + d
                }
                put([0x5C, 0x75] + hex, width: width)
            }
            while i < bytes.count {
                let b = bytes[i]
                // Only these bytes can start a scalar that needs an escape: ASCII controls, `"`, `\`, DEL,
                // C2 (C1 controls are C2 80…C2 9F) and E2 (U+2028/U+2029 are E2 80 A8/A9).
                switch b {
                case 0x22: put([0x5C, 0x22], width: 1)
                case 0x5C: put([0x5C, 0x5C], width: 1)
                case 0x0A: put([0x5C, 0x6E], width: 1)
                case 0x0D: put([0x5C, 0x72], width: 1)
                case 0x09: put([0x5C, 0x74], width: 1)
                case 0..<0x20, 0x7F: putUnicode(UInt32(b), width: 1)
                case 0xC2 where i + 1 < bytes.count && bytes[i + 1] <= 0x9F: putUnicode(UInt32(bytes[i + 1]), width: 2)
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    putUnicode(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029, width: 3)
                default: i += 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        }
        out.append(0x22)
    }
}

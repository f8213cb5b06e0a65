/// UTF-8 validation shared by the readers: one fast scan (eight ASCII bytes
/// at a time) that finds the first byte breaking UTF-8.
public enum UTF8Validation {
    /// For a lead byte of a three- or four-byte sequence: the sequence's length and
    /// the range its second byte must fall in (which excludes overlongs, surrogates
    /// and values above U+10FFFF); nil for any other byte.
    @inline(__always)
    public static func longSequence(lead b: UInt8) -> (length: Int, lower: UInt8, upper: UInt8)? {
        switch b {
        case 0xE0: return (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: return (3, 0x80, 0xBF)
        case 0xED: return (3, 0x80, 0x9F)
        case 0xF0: return (4, 0x90, 0xBF)
        case 0xF1...0xF3: return (4, 0x80, 0xBF)
        case 0xF4: return (4, 0x80, 0x8F)
        default: return nil
        }
    }

    /// The offset of the first byte that breaks UTF-8 (overlongs, surrogates and
    /// values above U+10FFFF included), or nil when all of `bytes` is valid.
    /// With `rejectingNUL`, a NUL byte counts as breaking it (text, not binary).
    public static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>, rejectingNUL: Bool = false) -> Int? {
        var i = 0
        let n = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        while i < n {
            // Eight ASCII bytes at a time.
            while i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                // A zero byte in the word (the classic "has zero byte" bit trick).
                if rejectingNUL && (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < n else { break }
            let b = base[i]
            if b < 0x80 {
                if b == 0 && rejectingNUL { return i }
                i += 1
                continue
            }
            if b & 0xE0 == 0xC0 {  // two bytes (Cyrillic, Latin with accents): the common case
                guard b >= 0xC2, i + 1 < n, base[i + 1] & 0xC0 == 0x80 else { return i }
                i += 2
                continue
            }
            guard let (length, lower, upper) = longSequence(lead: b), i + length <= n else { return i }
            let second = bytes[i + 1]
            if second < lower || second > upper { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}

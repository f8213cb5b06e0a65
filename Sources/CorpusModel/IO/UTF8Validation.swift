/// UTF-8 validation shared by the readers: one fast scan (eight ASCII bytes
/// at a time) that finds the first byte breaking UTF-8.
public enum UTF8Validation {
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
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let second = bytes[i + 1]
            if second < lower || second > upper { return i }
            for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}

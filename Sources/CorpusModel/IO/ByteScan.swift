/// Word-at-a-time skipping over bytes that need no attention, for the
/// per-byte loops of the readers and writers (escaping, quoting, whitespace
/// checks, validation).
///
/// Each function tests eight bytes at once with the classic "has a zero byte"
/// bit tricks, which are exact as a yes/no answer per word: a word is skipped
/// only when none of its bytes is of interest. The caller then looks at the
/// bytes from the returned offset one by one, as before, so the result of the
/// caller's loop is the same; only the clean stretches go faster. Corpus text
/// (Cyrillic in two-byte UTF-8) has long stretches with nothing to escape.
public enum ByteScan {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Non-zero when some byte of `x` is below `n` (`n` ≤ 128).
    @inlinable @inline(__always)
    static func below(_ x: UInt64, _ n: UInt64) -> UInt64 { (x &- ones &* n) & ~x & highs }

    /// Non-zero when some byte of `x` equals `b`.
    @inlinable @inline(__always)
    static func equal(_ x: UInt64, _ b: UInt64) -> UInt64 {
        let y = x ^ (ones &* b)
        return (y &- ones) & ~y & highs
    }

    /// 0x80 in exactly the bytes of `x` equal to `b` (no false positives, unlike ``equal(_:_:)``).
    @inlinable @inline(__always)
    public static func exactlyEqual(_ x: UInt64, _ b: UInt8) -> UInt64 {
        let y = x ^ (ones &* UInt64(b))
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((y & low) &+ low) | y | low)
    }

    /// Non-zero when some byte of `x` is below `limit` (≤ 128) or equal to one of `a`…`d`.
    @inlinable @inline(__always)
    public static func hasAny(_ x: UInt64, below limit: UInt8, _ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> Bool {
        (below(x, UInt64(limit)) | equal(x, UInt64(a)) | equal(x, UInt64(b)) | equal(x, UInt64(c)) | equal(x, UInt64(d))) != 0
    }

    /// The offset, at or after `start`, of the first eight-byte word of
    /// `base[start..<end]` holding a byte below `limit` (≤ 128) or equal to
    /// one of `a`…`e`; `end` when every whole word is clean (a shorter tail
    /// is left to the caller, as is finding the byte inside the word).
    @inlinable @inline(__always)
    public static func skipClean(
        _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, below limit: UInt8,
        _ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, _ e: UInt8
    ) -> Int {
        var i = start
        let n = UInt64(limit)
        while i + 8 <= end {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let hit = below(x, n) | equal(x, UInt64(a)) | equal(x, UInt64(b)) | equal(x, UInt64(c))
                | equal(x, UInt64(d)) | equal(x, UInt64(e))
            if hit != 0 { return i }
            i += 8
        }
        return i
    }

    /// The offset, at or after `start`, of the first eight-byte word of
    /// `base[start..<end]` for which `hit` is non-zero; `end`'s last whole word
    /// boundary when none is (the tail is the caller's). Two words a turn, one
    /// test for both: the writers' escaping and quoting scans, each with its own
    /// word test, share this loop.
    @inlinable @inline(__always)
    public static func firstWord(
        _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, where hit: (UInt64) -> UInt64
    ) -> Int {
        var i = start
        while i &+ 16 <= end {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let y = UnsafeRawPointer(base + i + 8).loadUnaligned(as: UInt64.self)
            if hit(x) | hit(y) != 0 { return hit(x) != 0 ? i : i &+ 8 }
            i &+= 16
        }
        while i &+ 8 <= end {
            if hit(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) != 0 { return i }
            i &+= 8
        }
        return i
    }

    /// Whether every byte of `bytes` is ASCII (below 0x80).
    @inlinable
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        var acc: UInt64 = 0
        while i + 8 <= n {
            acc |= UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            i += 8
        }
        var tail: UInt8 = 0
        while i < n {
            tail |= base[i]
            i += 1
        }
        return acc & highs == 0 && tail < 0x80
    }
}

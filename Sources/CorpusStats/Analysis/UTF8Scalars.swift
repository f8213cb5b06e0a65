import CorpusModel

/// Reading scalars straight from valid UTF-8 (a `String`'s bytes), for the
/// sentence scan: it walks a paragraph's bytes instead of an array of decoded
/// scalars. Positions are pointers to the first byte of a scalar; valid UTF-8
/// guarantees every lead byte its continuation bytes, so nothing is checked
/// (each scalar is read with ``ValidUTF8/decode(_:)``).
enum UTF8Scalars {
    /// The number of scalars in `bytes`: its bytes that are not `10xxxxxx`. Sixteen bytes at a time
    /// (SSE2 compares through `SIMD16`, constants in typed `let`s: with literals Swift 6.3 compiles
    /// the compares lane by lane), each byte lane of `counts` taking one from every continuation byte
    /// in its column, for up to 255 steps before the lanes are added up; then eight bytes at a time.
    static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let n = bytes.count
        let lanes: UInt64 = 0x0101_0101_0101_0101
        var continuations = 0
        var i = 0
        typealias Bytes = SIMD16<UInt8>
        let top: Bytes = Bytes(repeating: 0xC0), continuation: Bytes = Bytes(repeating: 0x80)
        /// The eight byte lanes of `x` summed: pairs into 16-bit lanes, then those by one multiplication.
        @inline(__always)
        func sum(_ x: UInt64) -> Int {
            let pairs = (x & 0x00FF_00FF_00FF_00FF) &+ ((x >> 8) & 0x00FF_00FF_00FF_00FF)
            return Int((pairs &* 0x0001_0001_0001_0001) >> 48)
        }
        while n - i >= 16 {
            var counts = Bytes()
            let stop = min(n - 16, i + 16 * 254)
            while i <= stop {
                let v = UnsafeRawPointer(base + i).loadUnaligned(as: Bytes.self)
                // 0xFF in each lane that is a continuation byte: subtracting it adds one.
                counts &-= unsafeBitCast((v & top) .== continuation, to: Bytes.self)
                i &+= 16
            }
            let (low, high) = unsafeBitCast(counts, to: (UInt64, UInt64).self)
            continuations &+= sum(low) &+ sum(high)
        }
        while n - i >= 8 {
            var counts: UInt64 = 0
            let stop = min(n - 8, i + 8 * 254)
            while i <= stop {
                let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                // Bit 7 set and bit 6 clear, moved to bit 0 of the byte.
                counts &+= ((x & ~(x << 1)) >> 7) & lanes
                i &+= 8
            }
            continuations &+= sum(counts)
        }
        while i < n {
            if base[i] & 0xC0 == 0x80 { continuations &+= 1 }
            i &+= 1
        }
        return n &- continuations
    }

    /// Where the first `limit` scalars of `bytes[range]` end: the offset of the next scalar's first
    /// byte, or nil when the range holds no more than `limit` scalars. Walks at most `limit` scalars
    /// (a report quotes the start of a text, however long it is).
    ///
    /// Eight bytes at a time while they cannot hold the end (eight bytes start at most eight scalars; a
    /// scalar split by the step has its lead counted, and the walk after it skips its continuation bytes),
    /// then byte by byte: the quotes of a report are a few hundred scalars, taken on the reading thread.
    static func end(ofFirst limit: Int, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var scalars = 0
        var start = range.lowerBound
        while range.upperBound - start >= 8 && limit - scalars >= 8 {
            let x = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
            // Continuation bytes (bit 7 set, bit 6 clear), one bit each.
            let continuations = (x & ~(x << 1)) & 0x8080_8080_8080_8080
            scalars &+= 8 &- continuations.nonzeroBitCount
            start &+= 8
        }
        for k in start..<range.upperBound where base[k] & 0xC0 != 0x80 {
            if scalars == limit { return k }
            scalars &+= 1
        }
        return nil
    }

    /// Calls `body` with each scalar value of `bytes` and the position of its first byte.
    @inline(__always)
    static func forEach(_ bytes: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, _ body: (UInt32, UnsafePointer<UInt8>) -> Void) {
        var q = bytes
        while q < end {
            let (v, w) = ValidUTF8.decode(q)
            body(v, q)
            q += w
        }
    }

    /// The decoded scalars of `bytes` (for the general path, which indexes scalars).
    static func scalars(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        guard let base = bytes.baseAddress else { return [] }
        return [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { out, count in
            var k = 0
            forEach(base, base + bytes.count) { v, _ in
                // Valid UTF-8 never encodes a surrogate or a value past U+10FFFF.
                out.initializeElement(at: k, to: unsafeBitCast(v, to: Unicode.Scalar.self))
                k += 1
            }
            count = k
        }
    }

    /// The string of `bytes` (valid UTF-8, so it is copied as it is).
    static func string(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> String {
        String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
    }
}

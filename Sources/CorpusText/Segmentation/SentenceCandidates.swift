/// The places in a paragraph where the segmenter's rules can act, found by a byte scan.
///
/// ``stops`` are the scalars that can end a sentence (``ScalarClass/isTerminator(_:)``);
/// ``marks`` the brackets and quotes that frame a shielded span (``isFrameMark(_:)``);
/// ``links`` what a URL or an e-mail address must hold. Sixteen bytes are tested at a
/// time for the bytes that can start one of these (`. ! ? ( ) " @ :` and the lead
/// bytes `C2`, `E2`, `E3`, `EF` of `« » … “ ” 。 ！` and the like); only the lead
/// bytes found are decoded. Most of a Kazakh paragraph (Cyrillic letters, spaces,
/// commas, digits) is passed over sixteen bytes a step.
struct SentenceCandidates {
    /// Byte offsets of the sentence terminators, in order.
    private(set) var stops: [Int] = []
    /// Byte offsets of the framing brackets and quotes, in order.
    private(set) var marks: [Int] = []
    /// Byte offsets of every `@` and `:`, and of the first `w` of every `www.` (any
    /// case), in order: a link (``ShieldedSpans``) holds `@`, `://` or starts `www.`.
    private(set) var links: [Int] = []

    /// The brackets and quotes ``ShieldedSpans`` pairs: `(` `)` `«` `»` `“` `”` `"`.
    @inline(__always)
    static func isFrameMark(_ v: UInt32) -> Bool {
        switch v {
        case 0x28, 0x29, 0xAB, 0xBB, 0x201C, 0x201D, 0x22: return true
        default: return false
        }
    }

    init(_ text: UTF8Paragraph) {
        let n = text.count
        let base = text.base
        // Room for more stops than prose has (a sentence or an abbreviation every 16 bytes), so
        // the array is allocated once; marks and links get room when the first one comes.
        stops.reserveCapacity(n / 16 + 4)
        var i = 0
        while i + 16 <= n {
            let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
            let (low, high) = Self.candidateLanes(v)
            if low | high != 0 {
                // One bit (the top one) per candidate byte, lowest byte first.
                var bits = low & 0x8080_8080_8080_8080
                while bits != 0 {
                    look(text, at: i + bits.trailingZeroBitCount >> 3)
                    bits &= bits &- 1
                }
                bits = high & 0x8080_8080_8080_8080
                while bits != 0 {
                    look(text, at: i + 8 + bits.trailingZeroBitCount >> 3)
                    bits &= bits &- 1
                }
            }
            i += 16
        }
        while i < n {
            if Self.mayStart(base[i]) { look(text, at: i) }
            i += 1
        }
    }

    /// The bytes of `v` that can start a stop or a mark, as two words of 0x00/0xFF lanes.
    /// Compared vector to vector: Swift compiles these to SSE2 compares, but not the
    /// vector-to-scalar `.==`.
    @inline(__always)
    private static func candidateLanes(_ v: SIMD16<UInt8>) -> (UInt64, UInt64) {
        @inline(__always) func equal(_ v: SIMD16<UInt8>, _ c: UInt8) -> SIMDMask<SIMD16<Int8>> {
            v .== SIMD16<UInt8>(repeating: c)
        }
        let even = v & SIMD16<UInt8>(repeating: 0xFE)  // `(`/`)` and the leads E2/E3 in one test each
        let hit = equal(v, 0x2E) .| equal(v, 0x21) .| equal(v, 0x3F) .| equal(v, 0x22) .| equal(even, 0x28)
            .| equal(v, 0x40) .| equal(v, 0x3A) .| equal(v, 0xC2) .| equal(even, 0xE2) .| equal(v, 0xEF)
        let lanes = unsafeBitCast(hit, to: SIMD2<UInt64>.self)
        // Byte j of the vector is bits 8j…8j+7 of its word when read little-endian.
        return (UInt64(littleEndian: lanes[0]), UInt64(littleEndian: lanes[1]))
    }

    /// The byte test of ``candidateLanes(_:)``, one byte at a time (for the tail).
    @inline(__always)
    private static func mayStart(_ b: UInt8) -> Bool {
        switch b {
        case 0x2E, 0x21, 0x3F, 0x22, 0x28, 0x29, 0x40, 0x3A, 0xC2, 0xE2, 0xE3, 0xEF: return true
        default: return false
        }
    }

    /// Records the scalar at byte `i` (a candidate byte, so the start of a scalar).
    @inline(__always)
    private mutating func look(_ text: UTF8Paragraph, at i: Int) {
        let base = text.base
        let b = base[i]
        if b < 0x80 {
            switch b {
            case 0x2E:
                // `www.`: the bytes before the stop (ASCII letters are never inside a scalar).
                if i >= 3 && base[i - 1] | 0x20 == 0x77 && base[i - 2] | 0x20 == 0x77 && base[i - 3] | 0x20 == 0x77 {
                    links.append(i - 3)
                }
                stops.append(i)
            case 0x21, 0x3F: stops.append(i)
            case 0x40, 0x3A: Self.append(i, to: &links)
            default: Self.append(i, to: &marks)
            }
            return
        }
        let c = text.scalar(at: i)
        if ScalarClass.isTerminator(c) {
            stops.append(i)
        } else if Self.isFrameMark(c.value) {
            Self.append(i, to: &marks)
        }
    }

    /// Appends `i`, making room for sixteen at the first (growing from empty reallocates 3–4 times).
    @inline(__always)
    private static func append(_ i: Int, to list: inout [Int]) {
        if list.capacity == 0 { list.reserveCapacity(16) }
        list.append(i)
    }
}

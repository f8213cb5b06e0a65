import CorpusModel

/// A paragraph's UTF-8 bytes, read one scalar at a time where the segmenter looks.
///
/// The segmenter finds its candidate stops with a byte scan
/// (``SentenceCandidates``) and decodes only the few scalars around each one,
/// forwards or backwards; the paragraph is never decoded whole. Positions are
/// byte offsets of scalar starts. The bytes must be valid UTF-8 (a `String`'s are),
/// so every lead byte is followed by its continuation bytes.
struct UTF8Paragraph {
    let base: UnsafePointer<UInt8>
    /// Number of bytes.
    let count: Int

    /// The bytes of `buffer` (valid UTF-8), which must outlive this value.
    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        // An empty buffer may have no address; with `count` 0 nothing is ever read from it.
        base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
        count = buffer.count
    }

    /// The scalar starting at byte `i` (`i < count`).
    @inline(__always)
    func scalar(at i: Int) -> Unicode.Scalar { ValidUTF8.scalar(base + i).scalar }

    /// The start of the scalar after the one starting at `i`.
    @inline(__always)
    func after(_ i: Int) -> Int {
        let b0 = base[i]
        return i + (b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4)
    }

    /// The start of the scalar that ends at `i` (`i > 0`).
    @inline(__always)
    func before(_ i: Int) -> Int {
        var j = i - 1
        while base[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }

    /// The scalar that ends at `i` (`i > 0`).
    @inline(__always)
    func scalar(before i: Int) -> Unicode.Scalar { previous(i).scalar }

    /// The scalar that ends at `i` (`i > 0`) and where it starts: ASCII and two-byte
    /// scalars (Cyrillic) without a loop.
    @inline(__always)
    func previous(_ i: Int) -> (scalar: Unicode.Scalar, start: Int) {
        let last = base[i - 1]
        if last < 0x80 { return (unsafeBitCast(UInt32(last), to: Unicode.Scalar.self), i - 1) }
        let lead = base[i - 2]
        if lead & 0xE0 == 0xC0 {
            let value = UInt32(lead & 0x1F) << 6 | UInt32(last & 0x3F)
            return (unsafeBitCast(value, to: Unicode.Scalar.self), i - 2)
        }
        let start = before(i)
        return (scalar(at: start), start)
    }

    /// Number of scalars in the bytes `range`: its bytes that are not `10xxxxxx`.
    func scalarCount(_ range: Range<Int>) -> Int {
        var i = range.lowerBound
        var continuations = 0
        while i + 8 <= range.upperBound {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            // One bit per continuation byte, at its bottom; a multiply adds the eight up in the
            // top byte (the baseline x86-64 has no popcount instruction).
            let ones = (x & ~(x << 1) & 0x8080_8080_8080_8080) >> 7
            continuations += Int(truncatingIfNeeded: (ones &* 0x0101_0101_0101_0101) >> 56)
            i += 8
        }
        while i < range.upperBound {
            if base[i] & 0xC0 == 0x80 { continuations += 1 }
            i += 1
        }
        return range.count - continuations
    }

    /// Whether the scalars of `range` number at most `limit`, in time bounded by the limit,
    /// not the range: a scalar has one to four bytes, so up to `limit` bytes always are and
    /// over `4 * limit` never are; only between them are the scalars counted.
    @inline(__always)
    func scalarCount(_ range: Range<Int>, isAtMost limit: Int) -> Bool {
        if range.count <= limit { return true }
        if range.count > 4 * limit { return false }
        return scalarCount(range) <= limit
    }

    /// The scalars of the bytes `range`, in order, decoded as they are read.
    @inline(__always)
    func scalars(_ range: Range<Int>) -> Scalars { Scalars(paragraph: self, range: range) }

    /// The scalars of a byte range, decoded one at a time.
    struct Scalars: Sequence, IteratorProtocol {
        let paragraph: UTF8Paragraph
        var range: Range<Int>

        @inline(__always)
        mutating func next() -> Unicode.Scalar? {
            guard range.lowerBound < range.upperBound else { return nil }
            let c = paragraph.scalar(at: range.lowerBound)
            range = paragraph.after(range.lowerBound)..<range.upperBound
            return c
        }
    }

    /// The text of the bytes `range` (from a scalar's start to a scalar's start): a copy,
    /// not re-validated, flagged ASCII when it is (as a decoded `String` would be).
    func string(_ range: Range<Int>) -> String {
        let bytes = UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
        return String(copying: unsafe UTF8Span(unchecked: Span(_unsafeElements: bytes), isKnownASCII: isASCII(range)))
    }

    /// Whether every byte of `range` is ASCII (eight bytes a test; a Kazakh sentence
    /// answers at its first word).
    func isASCII(_ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i + 8 <= range.upperBound {
            if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < range.upperBound {
            if base[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }
}

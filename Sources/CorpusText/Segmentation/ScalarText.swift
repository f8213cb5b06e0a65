import CorpusModel

/// A string as an array of Unicode scalars that can hand back substrings cheaply.
///
/// The tokenizer's rules index scalars; cutting tokens out copies the matching
/// UTF-8 bytes, which is much faster than rebuilding a `String` from scalars.
/// (The segmenter reads the UTF-8 bytes directly: ``UTF8Paragraph``.)
struct ScalarText {
    let scalars: [Unicode.Scalar]
    private let text: String
    /// UTF-8 offset of each scalar, plus the end.
    private let offsets: [Int]

    init(_ text: String) {
        var text = text
        var offsets: [Int] = []
        scalars = text.withUTF8 { bytes in
            var scalars: [Unicode.Scalar] = []
            // n + 1 offset slots always suffice: there are never more scalars than bytes.
            offsets = [Int](unsafeUninitializedCapacity: bytes.count + 1) { offsetBuffer, offsetCount in
                scalars = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalarBuffer, count in
                    count = Self.decode(bytes, 0..<bytes.count, into: scalarBuffer, at: 0, offsets: offsetBuffer)
                    offsetBuffer.initializeElement(at: count, to: bytes.count)
                    offsetCount = count + 1
                }
            }
            return scalars
        }
        self.text = text
        self.offsets = offsets
    }

    /// The scalars of `text` alone, without the offsets for cutting it.
    static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalarBuffer, count in
                count = decode(bytes, 0..<bytes.count, into: scalarBuffer, at: 0, offsets: nil)
            }
        }
    }

    /// The scalars of `text` and the scalar ranges of its byte ranges `pieces` (in order,
    /// each from a scalar's start to a scalar's start): the decoder stops at each bound,
    /// so the indices come without counting.
    static func scalars(of bytes: UnsafeBufferPointer<UInt8>, ranges pieces: [Range<Int>]) -> ([Unicode.Scalar], [Range<Int>]) {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(pieces.count)
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalarBuffer, count in
            var k = 0
            var at = 0
            for piece in pieces {
                k = decode(bytes, at..<piece.lowerBound, into: scalarBuffer, at: k, offsets: nil)
                let lower = k
                k = decode(bytes, piece, into: scalarBuffer, at: k, offsets: nil)
                ranges.append(lower..<k)
                at = piece.upperBound
            }
            count = decode(bytes, at..<bytes.count, into: scalarBuffer, at: k, offsets: nil)
        }
        return (scalars, ranges)
    }

    /// Decodes the (already valid) UTF-8 `bytes[range]` by hand into `out` from index `k`
    /// (room for one scalar a byte) and, when given, each scalar's byte offset into `offsets`
    /// at the same index; returns the index after the last scalar. This runs over every byte
    /// of every paragraph the tokenizer or `corpuskit stats` sees: `unicodeScalars`
    /// iteration with `append` costs several times more.
    @inline(__always)
    private static func decode(
        _ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into scalarBuffer: UnsafeMutableBufferPointer<Unicode.Scalar>,
        at start: Int, offsets offsetBuffer: UnsafeMutableBufferPointer<Int>?
    ) -> Int {
        guard !range.isEmpty, let base = b.baseAddress, let out = scalarBuffer.baseAddress else { return start }
        let end = range.upperBound
        let at = offsetBuffer?.baseAddress
        var k = start
        var i = range.lowerBound
        while i < end {
            if i + 8 <= end {
                // Four Cyrillic scalars (leads 0xD0–0xD3, as below) at once (read little-endian:
                // the first byte is the lowest).
                let x = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                if x & 0xC0FC_C0FC_C0FC_C0FC == 0x80D0_80D0_80D0_80D0 {
                    for j in 0..<4 {
                        let lane = x >> UInt64(16 * j)
                        let value = UInt32(truncatingIfNeeded: lane & 0x1F) << 6 | UInt32(truncatingIfNeeded: (lane >> 8) & 0x3F)
                        (out + k + j).initialize(to: unsafeBitCast(value, to: Unicode.Scalar.self))
                        if let at { (at + k + j).initialize(to: i + 2 * j) }
                    }
                    k += 4
                    i += 8
                    continue
                }
                // Fewer than four: the letters before the first other byte.
                let pairs = ((x & 0xC0FC_C0FC_C0FC_C0FC) ^ 0x80D0_80D0_80D0_80D0).trailingZeroBitCount >> 4
                if pairs > 0 {
                    for j in 0..<pairs {
                        let lane = x >> UInt64(16 * j)
                        let value = UInt32(truncatingIfNeeded: lane & 0x1F) << 6 | UInt32(truncatingIfNeeded: (lane >> 8) & 0x3F)
                        (out + k + j).initialize(to: unsafeBitCast(value, to: Unicode.Scalar.self))
                        if let at { (at + k + j).initialize(to: i + 2 * j) }
                    }
                    k += pairs
                    i += 2 * pairs
                    if i >= end { break }
                }
            }
            let lead = base[i]
            if let at { (at + k).initialize(to: i) }
            if lead < 0x80 {
                (out + k).initialize(to: Unicode.Scalar(lead))
                k += 1
                i += 1
                continue
            }
            if lead & 0xFC == 0xD0 {
                // Cyrillic (U+0400–U+04FF, leads 0xD0–0xD3): most of a Kazakh text.
                let value = UInt32(lead & 0x1F) << 6 | UInt32(base[i + 1] & 0x3F)
                (out + k).initialize(to: unsafeBitCast(value, to: Unicode.Scalar.self))
                k += 1
                i += 2
                continue
            }
            let (scalar, width) = ValidUTF8.scalar(base + i)
            (out + k).initialize(to: scalar)
            k += 1
            i += width
        }
        return k
    }

    var count: Int { scalars.count }

    /// The text of scalars `range`: a copy of the matching UTF-8 bytes (no re-validation).
    func string(_ range: Range<Int>) -> String {
        let a = offsets[range.lowerBound]
        let b = offsets[range.upperBound]
        // `text` was made contiguous in `init`; its UTF-8 is valid and the range
        // runs from a scalar's start to a scalar's start, so the copy is valid too.
        let copied: String? = text.utf8.withContiguousStorageIfAvailable { buffer in
            let bytes = UnsafeBufferPointer(rebasing: buffer[a..<b])
            return String(
                copying: unsafe UTF8Span(unchecked: Span(_unsafeElements: bytes), isKnownASCII: b - a == range.count))
        }
        if let copied { return copied }
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: a)
        let to = utf8.index(from, offsetBy: b - a)
        return String(Substring(text.unicodeScalars[from..<to]))
    }
}

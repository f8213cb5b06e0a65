/// A string as an array of Unicode scalars that can hand back substrings cheaply.
///
/// Scanning rules index scalars; cutting sentences and tokens out copies the
/// matching UTF-8 bytes, which is much faster than rebuilding a `String` from scalars.
struct ScalarText {
    let scalars: [Unicode.Scalar]
    private let text: String
    /// UTF-8 offset of each scalar, plus the end.
    private let offsets: [Int]
    /// With `findingMarks`: indices of the scalars that can end a sentence
    /// (``ScalarClass/isTerminator(_:)``), in order, so the segmenter looks only there.
    private(set) var stops: [Int] = []
    /// With `findingMarks`: indices of the scalars ``ShieldedSpans`` acts on
    /// (``isShieldMark(_:)``), in order.
    private(set) var marks: [Int] = []

    /// The scalars ``ShieldedSpans`` looks at: brackets and quotes that frame a
    /// span, and what starts or marks a link (`@`, `:`, a `w` that may open `www.`).
    @inline(__always)
    static func isShieldMark(_ v: UInt32) -> Bool {
        switch v {
        case 0x28, 0x29, 0xAB, 0xBB, 0x201C, 0x201D, 0x22, 0x40, 0x3A, 0x77, 0x57: return true
        default: return false
        }
    }

    /// Per ASCII byte: 1 a sentence terminator, 2 a shield mark.
    private static let asciiMarks: [UInt8] = (0..<128).map { b in
        ScalarClass.isTerminator(Unicode.Scalar(UInt8(b))) ? 1 : isShieldMark(UInt32(b)) ? 2 : 0
    }

    init(_ text: String, findingMarks: Bool = false) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        // Decode the (already valid) UTF-8 by hand into preallocated arrays, in one
        // pass: this runs over every byte of every paragraph, and `unicodeScalars`
        // iteration with `append` costs several times more.
        let n = text.utf8.count
        var scalars: [Unicode.Scalar] = []
        var stops: [Int] = []
        var marks: [Int] = []
        if findingMarks {
            // Room for a paragraph's usual few: growing from empty reallocated 2–3 times each.
            stops.reserveCapacity(16)
            marks.reserveCapacity(16)
        }
        let asciiMarks = Self.asciiMarks
        // n + 1 offset slots always suffice: there are never more scalars than bytes.
        let offsets = [Int](unsafeUninitializedCapacity: n + 1) { offsetBuffer, offsetCount in
            scalars = [Unicode.Scalar](unsafeUninitializedCapacity: n) { scalarBuffer, count in
                guard n > 0, let out = scalarBuffer.baseAddress, let at = offsetBuffer.baseAddress else {
                    offsetBuffer.initializeElement(at: 0, to: 0)
                    offsetCount = 1
                    count = 0
                    return
                }
                text.utf8.withContiguousStorageIfAvailable { b in
                    var k = 0
                    var i = 0
                    let base = b.baseAddress!
                    while i < n {
                        if i + 8 <= n {
                            // Four Cyrillic scalars (leads 0xD0–0xD3, as below) at once.
                            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                            if x & 0xC0FC_C0FC_C0FC_C0FC == 0x80D0_80D0_80D0_80D0 {
                                for j in 0..<4 {
                                    let lane = x >> UInt64(16 * j)
                                    let value = UInt32(truncatingIfNeeded: lane & 0x1F) << 6 | UInt32(truncatingIfNeeded: (lane >> 8) & 0x3F)
                                    (out + k + j).initialize(to: unsafeBitCast(value, to: Unicode.Scalar.self))
                                    (at + k + j).initialize(to: i + 2 * j)
                                }
                                k += 4
                                i += 8
                                continue
                            }
                        }
                        let lead = b[i]
                        (at + k).initialize(to: i)
                        if lead < 0x80 {
                            (out + k).initialize(to: Unicode.Scalar(lead))
                            if findingMarks {
                                let kind = asciiMarks[Int(lead)]
                                if kind == 1 { stops.append(k) } else if kind == 2 { marks.append(k) }
                            }
                            k += 1
                            i += 1
                            continue
                        }
                        if lead & 0xFC == 0xD0 {
                            // Cyrillic (U+0400–U+04FF, leads 0xD0–0xD3): most of the text; never a stop or a mark.
                            let value = UInt32(lead & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                            (out + k).initialize(to: unsafeBitCast(value, to: Unicode.Scalar.self))
                            k += 1
                            i += 2
                            continue
                        }
                        let value: UInt32
                        let width: Int
                        if lead < 0xE0 {
                            value = UInt32(lead & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                            width = 2
                            // Of the two-byte scalars only « and » (lead 0xC2) are marks; none ends a sentence.
                            if findingMarks && lead == 0xC2 && (value == 0xAB || value == 0xBB) { marks.append(k) }
                        } else if lead < 0xF0 {
                            value = UInt32(lead & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                            width = 3
                        } else {
                            value = UInt32(lead & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12
                                | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
                            width = 4
                        }
                        // A String's UTF-8 is valid, so `value` is a scalar value (never a surrogate).
                        let scalar = unsafeBitCast(value, to: Unicode.Scalar.self)
                        (out + k).initialize(to: scalar)
                        if findingMarks && width > 2 {
                            if ScalarClass.isTerminator(scalar) { stops.append(k) } else if Self.isShieldMark(value) { marks.append(k) }
                        }
                        k += 1
                        i += width
                    }
                    (at + k).initialize(to: n)
                    offsetCount = k + 1
                    count = k
                } ?? {
                    offsetBuffer.initializeElement(at: 0, to: 0)
                    offsetCount = 1
                    count = 0
                }()
            }
        }
        self.scalars = scalars
        self.offsets = offsets
        self.stops = stops
        self.marks = marks
    }

    /// The scalars of `text` and whether any is not ASCII.
    static func decode(_ text: String) -> ([Unicode.Scalar], Bool) {
        let view = ScalarText(text)
        return (view.scalars, view.scalars.count != view.text.utf8.count)
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

/// A string as an array of Unicode scalars that can hand back substrings cheaply.
///
/// Scanning rules index scalars; cutting sentences and tokens out copies the
/// matching UTF-8 bytes, which is much faster than rebuilding a `String` from scalars.
struct ScalarText {
    let scalars: [Unicode.Scalar]
    private let text: String
    /// UTF-8 offset of each scalar, plus the end; empty when the text is ASCII.
    private let offsets: [Int]

    /// The scalars of `text` (contiguous UTF-8) and whether any is not ASCII.
    static func decode(_ text: String) -> ([Unicode.Scalar], Bool) {
        // Decode the (already valid) UTF-8 by hand into preallocated arrays: this
        // runs over every byte of every paragraph, and `unicodeScalars` iteration
        // with `append` costs several times more.
        let n = text.utf8.count
        var sawNonASCII = false
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, count in
            text.utf8.withContiguousStorageIfAvailable { b in
                var k = 0
                var i = 0
                while i < n {
                    let lead = b[i]
                    let value: UInt32
                    let width: Int
                    if lead < 0x80 {
                        value = UInt32(lead)
                        width = 1
                    } else if lead < 0xE0 {
                        value = UInt32(lead & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                        width = 2
                    } else if lead < 0xF0 {
                        value = UInt32(lead & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                        width = 3
                    } else {
                        value = UInt32(lead & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12
                            | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
                        width = 4
                    }
                    if width > 1 { sawNonASCII = true }
                    // Valid UTF-8 never decodes to an invalid scalar; the fallback keeps this total.
                    out.initializeElement(at: k, to: Unicode.Scalar(value) ?? "\u{FFFD}")
                    k += 1
                    i += width
                }
                count = k
            } ?? { count = 0 }()
        }
        return (scalars, sawNonASCII)
    }

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        let (scalars, sawNonASCII) = Self.decode(text)
        var offsets: [Int] = []
        if sawNonASCII {
            // UTF-8 offset of each scalar, plus the end.
            offsets = [Int](unsafeUninitializedCapacity: scalars.count + 1) { out, count in
                var o = 0
                for (k, c) in scalars.enumerated() {
                    out.initializeElement(at: k, to: o)
                    o += UTF8.width(c)
                }
                out.initializeElement(at: scalars.count, to: o)
                count = scalars.count + 1
            }
        }
        self.scalars = scalars
        self.offsets = offsets
    }

    var count: Int { scalars.count }

    /// The text of scalars `range`: a copy of the matching UTF-8 bytes (no re-validation).
    func string(_ range: Range<Int>) -> String {
        let a = offsets.isEmpty ? range.lowerBound : offsets[range.lowerBound]
        let b = offsets.isEmpty ? range.upperBound : offsets[range.upperBound]
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: a)
        let to = utf8.index(from, offsetBy: b - a)
        return String(Substring(text.unicodeScalars[from..<to]))
    }
}

/// A string as an array of Unicode scalars that can hand back substrings cheaply.
///
/// Scanning rules index scalars; cutting sentences and tokens out copies the
/// matching UTF-8 bytes, which is much faster than rebuilding a `String` from scalars.
struct ScalarText {
    let scalars: [Unicode.Scalar]
    private let text: String
    /// UTF-8 offset of each scalar, plus the end; empty when the text is ASCII.
    private let offsets: [Int]

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        // Decode the (already valid) UTF-8 by hand into preallocated arrays, in one
        // pass: this runs over every byte of every paragraph, and `unicodeScalars`
        // iteration with `append` costs several times more. The offsets table is
        // started at the first non-ASCII scalar (before it, offset == index).
        let n = text.utf8.count
        var scalars: [Unicode.Scalar] = []
        // n + 1 offset slots always suffice: there are never more scalars than bytes.
        // An ASCII paragraph leaves the table empty (its count stays 0).
        let offsets = [Int](unsafeUninitializedCapacity: n + 1) { offsets, offsetCount in
            var table = false
            scalars = [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, count in
                text.utf8.withContiguousStorageIfAvailable { b in
                    var k = 0
                    var i = 0
                    while i < n {
                        let lead = b[i]
                        if lead < 0x80 {
                            out.initializeElement(at: k, to: Unicode.Scalar(lead))
                            if table { offsets.initializeElement(at: k, to: i) }
                            k += 1
                            i += 1
                            continue
                        }
                        if !table {
                            for j in 0..<k { offsets.initializeElement(at: j, to: j) }
                            table = true
                        }
                        let value: UInt32
                        let width: Int
                        if lead < 0xE0 {
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
                        // A String's UTF-8 is valid, so `value` is a scalar value (never a surrogate).
                        out.initializeElement(at: k, to: unsafeBitCast(value, to: Unicode.Scalar.self))
                        offsets.initializeElement(at: k, to: i)
                        k += 1
                        i += width
                    }
                    count = k
                    if table {
                        offsets.initializeElement(at: k, to: n)
                        offsetCount = k + 1
                    }
                } ?? { count = 0 }()
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

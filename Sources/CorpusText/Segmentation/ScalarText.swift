/// A string as an array of Unicode scalars that can hand back substrings cheaply.
///
/// Scanning rules index scalars; cutting sentences and tokens out copies the
/// matching UTF-8 bytes, which is much faster than rebuilding a `String` from scalars.
struct ScalarText {
    let scalars: [Unicode.Scalar]
    private let bytes: [UInt8]
    /// UTF-8 offset of each scalar, plus the end; empty when the text is ASCII.
    private let offsets: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var offsets: [Int] = []
        var ascii = true
        var o = 0
        for c in text.unicodeScalars {
            if c.value >= 0x80 && ascii {
                ascii = false
                offsets = Array(0...scalars.count)
                offsets.reserveCapacity(bytes.count + 1)
                offsets.removeLast()
            }
            if !ascii { offsets.append(o) }
            scalars.append(c)
            o += UTF8.width(c)
        }
        if !ascii { offsets.append(o) }
        self.scalars = scalars
        self.offsets = offsets
    }

    var count: Int { scalars.count }

    /// The text of scalars `range`.
    func string(_ range: Range<Int>) -> String {
        let a = offsets.isEmpty ? range.lowerBound : offsets[range.lowerBound]
        let b = offsets.isEmpty ? range.upperBound : offsets[range.upperBound]
        return String(decoding: bytes[a..<b], as: UTF8.self)
    }
}

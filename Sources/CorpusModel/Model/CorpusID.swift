/// Builds the stable ids shared by every format: `DOC`, `DOC.p3`, `DOC.p3.s2`, `DOC.p3.s2.w5`.
///
/// A CSV row, a JSON object and a TEI `xml:id` for the same sentence carry the
/// same id, so a table can be joined back to its TEI.
public enum CorpusID {
    /// The id of block `number` (1-based) of document `document`.
    public static func block(_ document: String, _ number: Int) -> String { "\(document).p\(number)" }
    /// The id of sentence `number` (1-based) of block `block`.
    public static func sentence(_ block: String, _ number: Int) -> String { "\(block).s\(number)" }
    /// The id of token `number` (1-based) of sentence `sentence`.
    public static func token(_ sentence: String, _ number: Int) -> String { "\(sentence).w\(number)" }

    /// A document id derived from a file name or any string: a valid XML NCName
    /// (letters, digits, `_`, `-`, `.`; not starting with a digit, `-` or `.`).
    public static func documentID(from raw: String) -> String {
        var out = ""
        for ch in raw.unicodeScalars {
            if isNameChar(ch) { out.unicodeScalars.append(ch) } else { out += "_" }
        }
        if out.isEmpty { return "doc" }
        if let first = out.unicodeScalars.first, !isNameStart(first) { out = "doc_" + out }
        return out
    }

    /// The document id a reader gives an input without one of its own: the
    /// file name without folders and extension, as an NCName (`doc` for
    /// stdin and memory). The one place this rule lives, so every reader
    /// names the same file the same way.
    public static func documentID(forInputNamed name: String) -> String {
        if name.hasPrefix("<") || name == "-" { return "doc" }
        var base = Substring(name)
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        return documentID(from: String(base))
    }

    /// A document id from a path relative to a batch's inputs (`a/x.txt` → `a_x`),
    /// for when two inputs' file names give the same id in one output.
    public static func documentID(forRelativePath path: String) -> String {
        var base = Substring(path)
        while base.hasPrefix("./") { base = base.dropFirst(2) }
        while base.hasPrefix("/") { base = base.dropFirst() }
        let fileStart = base.lastIndex(of: "/").map { base.index(after: $0) } ?? base.startIndex
        if let dot = base[fileStart...].lastIndex(of: "."), dot != fileStart { base = base[..<dot] }
        return documentID(from: String(base.map { $0 == "/" ? "_" : $0 }))
    }

    /// Whether `s` is an XML NCName (no colon), as `xml:id` requires.
    public static func isNCName(_ s: String) -> Bool {
        // ASCII ids (every generated `DOC.pN.sM`; the TEI writer checks each one) byte by
        // byte against bit masks; others scalar by scalar. `withUTF8` on a copy lends a
        // native string's bytes (a small one's from the stack): the per-scalar switches
        // and `withContiguousStorageIfAvailable` had cost ~460 instructions a sentence id.
        var s = s
        if let ascii = s.withUTF8(asciiNCName) { return ascii }
        var scalars = s.unicodeScalars.makeIterator()
        guard let first = scalars.next(), isNameStart(first) else { return false }
        while let c = scalars.next() { if !isNameChar(c) { return false } }
        return true
    }

    /// ``isNCName(_:)`` for bytes that are all ASCII; nil when one is not (or none is there).
    private static func asciiNCName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let first = bytes.first, first < 0x80 else { return nil }
        if !asciiNameStart(first) { return false }
        for c in bytes.dropFirst() {
            if c >= 0x80 { return nil }
            if !asciiNameChar(c) { return false }
        }
        return true
    }

    /// ``isNameStart(_:)`` for an ASCII byte: `A`–`Z`, `a`–`z`, `_`.
    @inline(__always)
    static func asciiNameStart(_ c: UInt8) -> Bool {
        c >= 0x40 && (0x07FF_FFFE_87FF_FFFE as UInt64) >> UInt64(c & 0x3F) & 1 != 0
    }

    /// ``isNameChar(_:)`` for an ASCII byte: a name start, `-`, `.`, `0`–`9`.
    @inline(__always)
    static func asciiNameChar(_ c: UInt8) -> Bool {
        let mask: UInt64 = c < 0x40 ? 0x03FF_6000_0000_0000 : 0x07FF_FFFE_87FF_FFFE
        return mask >> UInt64(c & 0x3F) & 1 != 0
    }

    static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF, 0x200C...0x200D,
            0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
            0x10000...0xEFFFF:
            return true
        default: return false
        }
    }

    static func isNameChar(_ c: Unicode.Scalar) -> Bool {
        if isNameStart(c) { return true }
        switch c.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return false
        }
    }
}

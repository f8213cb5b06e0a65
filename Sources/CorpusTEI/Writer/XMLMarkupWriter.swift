import CorpusModel

/// Writes XML markup and escaped text straight into a ``ByteOutput``.
///
/// Measured against libxml2's `xmlTextWriter` (see the report in the branch):
/// escaping on UTF-8 bytes here avoids a C call and a copy per string and is
/// faster; indentation is decided by the TEI writer, which knows where mixed
/// content starts. Characters XML 1.0 cannot carry are an error, never dropped.
final class XMLMarkupWriter {
    private let output: ByteOutput
    let indent: Bool

    init(output: ByteOutput, indent: Bool) {
        self.output = output
        self.indent = indent
    }

    /// A line break plus two spaces per `depth`, when indenting.
    @inline(__always)
    func newline(_ depth: Int) throws {
        guard indent else { return }
        let n = 1 + 2 * depth
        if n <= Self.lineBreaks.utf8CodeUnitCount {
            // One copy instead of a write per level: this runs before every `<s>`.
            try output.write(UnsafeRawBufferPointer(start: Self.lineBreaks.utf8Start, count: n))
            return
        }
        try output.write(byte: 0x0A)
        for _ in 0..<depth { try output.write("  ") }
    }

    /// A line feed and the indentation of the deepest level written in one copy.
    /// A `StaticString` (bytes in the binary), not an array: the writing threads
    /// would otherwise all retain and release one array's header, and on 2 cores
    /// that shared count made `swift_release` a quarter of the run's samples.
    private static let lineBreaks: StaticString = "\n                                                                "

    func raw(_ s: String) throws { try output.write(s) }

    /// Bytes written as they are (rendered ahead by ``TEIBlockRenderer``).
    func raw(_ bytes: UnsafeRawBufferPointer) throws { try output.write(bytes) }

    /// `<name a="v" …>` (or `<name …/>` when `empty`).
    func start(_ name: String, _ attributes: [(String, String)] = [], empty: Bool = false) throws {
        try output.write(byte: 0x3C)
        try output.write(name)
        for (key, value) in attributes {
            try output.write(byte: 0x20)
            try output.write(key)
            try output.write("=\"")
            try escaped(value, attribute: true)
            try output.write(byte: 0x22)
        }
        if empty { try output.write("/>") } else { try output.write(byte: 0x3E) }
    }

    func end(_ name: String) throws {
        try output.write("</")
        try output.write(name)
        try output.write(byte: 0x3E)
    }

    /// `<name …>text</name>` on one line.
    func element(_ name: String, _ attributes: [(String, String)] = [], text: String) throws {
        if text.isEmpty {
            try start(name, attributes, empty: true)
        } else {
            try start(name, attributes)
            try escaped(text, attribute: false)
            try end(name)
        }
    }

    /// `<name xml:id="id">text</name>` (`<name xml:id="id"/>` for empty text): the same
    /// bytes as ``element(_:_:text:)`` without building an attribute list (once per sentence).
    func element(_ name: String, id: String, text: String) throws {
        try output.write(byte: 0x3C)
        try output.write(name)
        try output.write(" xml:id=\"")
        try escaped(id, attribute: true)
        if text.isEmpty {
            try output.write("\"/>")
            return
        }
        try output.write("\">")
        try escaped(text, attribute: false)
        try end(name)
    }

    /// `<s xml:id="id">text</s>` (`<s xml:id="id"/>` for empty text), once per
    /// sentence: the bytes of ``element(_:id:text:)`` for `s`, with `id` copied
    /// as it is. `id` must be an XML NCName (the caller checks), so nothing in it
    /// needs escaping.
    func sentence(ncNameID id: String, text: String) throws {
        try write(Self.sentenceOpen)
        try output.write(id)
        if text.isEmpty {
            try output.write(byte: 0x22)
            try output.write(byte: 0x2F)
            try output.write(byte: 0x3E)
            return
        }
        try output.write(byte: 0x22)
        try output.write(byte: 0x3E)
        try escaped(text, attribute: false)
        try write(Self.sentenceClose)
    }

    private static let sentenceOpen: StaticString = "<s xml:id=\""
    private static let sentenceClose: StaticString = "</s>"

    @inline(__always)
    private func write(_ literal: StaticString) throws {
        try output.write(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    func text(_ s: String) throws { try escaped(s, attribute: false) }

    /// Writes `s` with `&`, `<`, `>` (and `"`, TAB, LF in attributes, CR everywhere)
    /// escaped; throws on characters XML 1.0 forbids. Runs of bytes that need
    /// nothing (found with a byte table) are copied whole.
    func escaped(_ s: String, attribute: Bool) throws {
        // Native strings lend their bytes without the copy `withUTF8` on a `var` makes.
        let done: Void? = try s.utf8.withContiguousStorageIfAvailable { try escaped(bytes: $0, attribute: attribute) }
        if done != nil { return }
        var s = s
        try s.withUTF8 { try escaped(bytes: $0, attribute: attribute) }
    }

    private func escaped(bytes: UnsafeBufferPointer<UInt8>, attribute: Bool) throws {
        do {
            do {
                var runStart = 0
                var i = 0
                let n = bytes.count
                guard let base = bytes.baseAddress else { return }
                let quote: UInt8 = attribute ? 0x22 : 0x26
                // Bytes before `wordEnd` are looked at one by one; clean words of eight are skipped whole.
                var wordEnd = 0
                while i < n {
                    if i >= wordEnd {
                        i = attribute
                            ? ByteScan.skipClean(base, from: i, to: n, below: 0x20, quote, 0x26, 0x3C, 0x3E, 0xEF)
                            : Self.skipCleanText(base, from: i, to: n)
                        wordEnd = i + 8
                        if i >= n { break }
                    }
                    if !Self.needsLook(bytes[i], attribute: attribute) {
                        i += 1
                        continue
                    }
                    let b = bytes[i]
                    var replacement: StaticString? = nil
                    if b < 0x3F {
                        switch b {
                        case 0x26: replacement = "&amp;"
                        case 0x3C: replacement = "&lt;"
                        case 0x3E: replacement = "&gt;"
                        case 0x22 where attribute: replacement = "&quot;"
                        case 0x0D: replacement = "&#13;"
                        case 0x09 where attribute: replacement = "&#9;"
                        case 0x0A where attribute: replacement = "&#10;"
                        case 0x09, 0x0A: break
                        case 0x00...0x1F:
                            throw CorpusError(
                                .invalid, "control character U+\(String(b, radix: 16, uppercase: true)) cannot be written in XML 1.0",
                                file: output.name)
                        default: break
                        }
                    } else if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE {
                        throw CorpusError(.invalid, "noncharacter U+FFFE/U+FFFF cannot be written in XML 1.0", file: output.name)
                    }
                    if let replacement {
                        if i > runStart { try output.write(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[runStart..<i]))) }
                        try output.write(UnsafeRawBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                        runStart = i + 1
                    }
                    i += 1
                }
                if n > runStart { try output.write(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[runStart..<n]))) }
            }
        }
    }

    /// ``ByteScan/skipClean(_:from:to:below:_:_:_:_:_:)`` for the bytes text must look at
    /// (below 0x20, `&`, `<`, `>`, 0xEF) with four tests a word instead of six: `<` and
    /// `>` are the only bytes that become `>` with bit 1 set. Exact per word, as there.
    @inline(__always)
    private static func skipCleanText(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hit(_ x: UInt64) -> UInt64 {
            let angle = (x | ones &* 0x02) ^ (ones &* 0x3E)
            let amp = x ^ (ones &* 0x26)
            let ef = x ^ (ones &* 0xEF)
            return (((x &- ones &* 0x20) & ~x) | ((angle &- ones) & ~angle) | ((amp &- ones) & ~amp) | ((ef &- ones) & ~ef)) & highs
        }
        return ByteScan.firstWord(base, from: start, to: end, where: hit)
    }

    /// Whether ``escaped(_:attribute:)`` must look at byte `b`: C0 controls, `&`,
    /// `<`, `>`, 0xEF (the lead of U+FFFE/U+FFFF), and in attribute values `"`.
    /// Bit masks rather than a table: a shared `static let` array is retained and
    /// released on every call, by every writing thread at once (see `lineBreaks`).
    @inline(__always)
    private static func needsLook(_ b: UInt8, attribute: Bool) -> Bool {
        guard b < 0x40 else { return b == 0xEF }
        let text: UInt64 = 0xFFFF_FFFF | (1 << 0x26) | (1 << 0x3C) | (1 << 0x3E)
        let mask = attribute ? text | (1 << 0x22) : text
        return (mask >> UInt64(b)) & 1 != 0
    }
}

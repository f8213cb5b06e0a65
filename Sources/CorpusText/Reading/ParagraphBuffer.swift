import CorpusModel

/// The UTF-8 bytes of a paragraph being joined from lines, for
/// ``WrappedParagraphAssembler``: lines are appended as bytes (the buffer is
/// reused from paragraph to paragraph) and the `String` is made once.
///
/// Everything appended is a `String` (valid UTF-8) or an ASCII space, and
/// ``removeLast(from:)`` cuts at a scalar's start, so the bytes stay valid UTF-8.
struct ParagraphBuffer {
    private var bytes: [UInt8] = []

    var isEmpty: Bool { bytes.isEmpty }
    /// Bytes held.
    var count: Int { bytes.count }

    /// Starts over with `text`.
    mutating func set(_ text: String) {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Starts over with `utf8` (valid UTF-8).
    mutating func set(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: utf8)
    }

    /// Appends `utf8` (valid UTF-8).
    mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: utf8) }

    /// Appends a space, then `utf8` (valid UTF-8).
    mutating func append(space utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x20)
        bytes.append(contentsOf: utf8)
    }

    /// Appends a space, then `text`.
    mutating func append(space text: String) {
        bytes.append(0x20)
        bytes.append(contentsOf: text.utf8)
    }

    /// Drops the bytes from `start` (a scalar's first byte) on.
    mutating func removeLast(from start: Int) { bytes.removeSubrange(start...) }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// The paragraph as a `String` (a copy of the bytes, not validated again;
    /// not scanned for ASCII-ness either, which only the standard library's
    /// shortcuts use: a pass over the bytes cost more than they save here).
    func string() -> String {
        bytes.withUnsafeBufferPointer { buffer in
            String(copying: unsafe UTF8Span(unchecked: Span(_unsafeElements: buffer), isKnownASCII: false))
        }
    }

    /// The scalar that ends before byte `end`, and where it starts; nil at the start.
    func lastScalar(before end: Int) -> (scalar: Unicode.Scalar, start: Int)? {
        guard end > 0 else { return nil }
        return bytes.withUnsafeBufferPointer { b in
            let start = ValidUTF8.start(before: b.baseAddress! + end)
            return (ValidUTF8.scalar(start).scalar, start - b.baseAddress!)
        }
    }

    /// ``TextWhitespace/endsWithStop(_:)`` of the paragraph.
    var endsWithStop: Bool { lastMark.map(ScalarClass.isTerminator) ?? false }

    /// ``TextWhitespace/endsWithListBreak(_:)`` of the paragraph.
    var endsWithListBreak: Bool {
        guard let c = lastMark else { return false }
        return ScalarClass.isTerminator(c) || c == ":" || c == ";"
    }

    /// The last scalar that is neither a space nor a closing quote or bracket.
    private var lastMark: Unicode.Scalar? {
        var end = bytes.count
        while let (c, start) = lastScalar(before: end) {
            if ScalarClass.isSpace(c) || ScalarClass.isCloser(c) {
                end = start
                continue
            }
            return c
        }
        return nil
    }
}

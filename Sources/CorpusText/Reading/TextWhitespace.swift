import CorpusModel

/// Whitespace and line-shape helpers for the plain-text layouts.
enum TextWhitespace {
    /// `s` with every run of whitespace (spaces, TABs, NBSP, other Unicode
    /// spaces) replaced by one space and the ends trimmed — the normalisation
    /// the gold files use, so tokens can rebuild sentences exactly.
    static func collapse(_ s: Substring) -> String {
        if isCollapsed(s) { return String(s) }
        var out: [UInt8] = []
        var pendingSpace = false
        s.utf8.withContiguousStorageIfAvailable { b in
            out.reserveCapacity(b.count)
            let n = b.count
            var i = 0
            while i < n {
                let width = whitespaceWidth(b, i)
                if width > 0 {
                    pendingSpace = !out.isEmpty
                    i += width
                    continue
                }
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(b[i])
                i += 1
            }
        } ?? {
            for c in s.unicodeScalars {
                if ScalarClass.isSpace(c) {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    out.append(contentsOf: String(c).utf8)
                }
            }
        }()
        return String(decoding: out, as: UTF8.self)
    }

    /// Byte length of the whitespace character starting at `i` (0 when none), per ``ScalarClass/isSpace(_:)``.
    @inline(__always)
    private static func whitespaceWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let u = b[i]
        if u < 0x80 { return u == 0x20 || (u >= 0x09 && u <= 0x0D) || (u >= 0x1C && u <= 0x1F) ? 1 : 0 }
        let n = b.count
        switch u {
        case 0xC2 where i + 1 < n && (b[i + 1] == 0x85 || b[i + 1] == 0xA0): return 2
        case 0xE1 where i + 2 < n && b[i + 1] == 0x9A && b[i + 2] == 0x80: return 3
        case 0xE2 where i + 2 < n && b[i + 1] == 0x80:
            let w = b[i + 2]
            return w <= 0x8A || w == 0xA8 || w == 0xA9 || w == 0xAF ? 3 : 0
        case 0xE2 where i + 2 < n && b[i + 1] == 0x81 && b[i + 2] == 0x9F: return 3
        case 0xE3 where i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80: return 3
        default: return 0
        }
    }

    static func collapse(_ s: String) -> String { isCollapsed(s[...]) ? s : collapse(s[...]) }

    /// Fast byte check: no leading, trailing or double space, no other whitespace.
    private static func isCollapsed(_ s: Substring) -> Bool {
        let result: Bool? = s.utf8.withContiguousStorageIfAvailable { b in
            let n = b.count
            if n == 0 { return true }
            if b[0] == 0x20 || b[n - 1] == 0x20 { return false }
            var i = 0
            // Bytes before `wordEnd` are looked at one by one; a clean word of
            // eight (no control, no lead of a non-ASCII space, no two spaces in a
            // row, also across either end of the word) is skipped whole.
            var wordEnd = 0
            let base = b.baseAddress!
            while i < n {
                if i >= wordEnd && i + 8 <= n {
                    let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    let spaces = ByteScan.exactlyEqual(x, 0x20)
                    let doubled = spaces & (spaces >> 8) != 0 || (spaces & 0x80 != 0 && i > 0 && b[i - 1] == 0x20)
                        || (spaces >> 63 != 0 && i + 8 < n && b[i + 8] == 0x20)
                    if !doubled && !ByteScan.hasAny(x, below: 0x20, 0xC2, 0xE1, 0xE2, 0xE3) {
                        i += 8
                        continue
                    }
                    wordEnd = i + 8
                }
                let u = b[i]
                if u < 0x21 {
                    if u != 0x20 || b[i + 1] == 0x20 { return false }
                } else if (u == 0xC2 || (u >= 0xE1 && u <= 0xE3)) && i + 1 < n {  // leads of non-ASCII spaces only
                    let v = b[i + 1]
                    switch u {
                    case 0xC2 where v == 0xA0 || v == 0x85: return false
                    case 0xE1 where v == 0x9A || v == 0xA0: return false
                    case 0xE2 where v == 0x80 || v == 0x81: 
                        if i + 2 < n {
                            let w = b[i + 2]
                            if v == 0x80 && (w <= 0x8A || w == 0xA8 || w == 0xA9 || w == 0xAF) { return false }
                            if v == 0x81 && w == 0x9F { return false }
                        }
                    case 0xE3 where v == 0x80 && i + 2 < n && b[i + 2] == 0x80: return false
                    default: break
                    }
                }
                i += 1
            }
            return true
        }
        return result ?? false
    }

    /// Whether a line holds nothing but whitespace.
    static func isBlank(_ s: String) -> Bool {
        // These line tests run on every line: their first scalars are decoded from the
        // UTF-8 by hand (``firstNonSpace(_:)``), the scalar view's iterator cost several times more.
        if let found = s.utf8.withContiguousStorageIfAvailable({ firstNonSpace($0) }) { return found == nil }
        return s.unicodeScalars.allSatisfy(ScalarClass.isSpace)
    }

    /// Whether a line begins with whitespace (an indented paragraph start).
    static func isIndented(_ s: String) -> Bool {
        if let first = s.utf8.withContiguousStorageIfAvailable({ scalar(at: 0, in: $0) }) {
            return first.map { ScalarClass.isSpace($0.scalar) } ?? false
        }
        guard let first = s.unicodeScalars.first else { return false }
        return ScalarClass.isSpace(first)
    }

    /// Whether the first letter-or-digit of `s` is a lower-case letter (a continuation).
    static func startsLowercase(_ s: String) -> Bool {
        if let found = s.utf8.withContiguousStorageIfAvailable({ startsLowercase(utf8: $0) }) { return found }
        for c in s.unicodeScalars {
            if ScalarClass.isSpace(c) { continue }
            return ScalarClass.isLower(c)
        }
        return false
    }

    /// ``startsLowercase(_:)`` of a line given as valid UTF-8.
    static func startsLowercase(utf8 b: UnsafeBufferPointer<UInt8>) -> Bool {
        firstNonSpace(b).map(ScalarClass.isLower) ?? false
    }

    /// ``bulletPrefix(_:)`` of a line given as valid UTF-8.
    static func bulletPrefix(utf8 b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let (first, width) = scalar(at: 0, in: b), let (second, _) = scalar(at: width, in: b) else { return false }
        return isBullet(first, second)
    }

    /// The first scalar of valid UTF-8 `b` that is not whitespace, or nil.
    @inline(__always)
    private static func firstNonSpace(_ b: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var i = 0
        while let (c, width) = scalar(at: i, in: b) {
            if !ScalarClass.isSpace(c) { return c }
            i += width
        }
        return nil
    }

    /// The scalar starting at byte `i` of valid UTF-8 `b` and its width; nil at the end.
    @inline(__always)
    static func scalar(at i: Int, in b: UnsafeBufferPointer<UInt8>) -> (scalar: Unicode.Scalar, width: Int)? {
        guard i < b.count, let base = b.baseAddress else { return nil }
        return ValidUTF8.scalar(base + i)
    }

    /// Whether `s` ends a sentence: a final `.`, `!`, `?` or `…`, possibly before closing quotes or brackets.
    static func endsWithStop(_ s: String) -> Bool {
        for c in s.unicodeScalars.reversed() {
            if ScalarClass.isSpace(c) || ScalarClass.isCloser(c) { continue }
            return ScalarClass.isTerminator(c)
        }
        return false
    }

    /// Whether `s` ends where a list item may follow: a sentence stop, `:` or `;`.
    static func endsWithListBreak(_ s: String) -> Bool {
        for c in s.unicodeScalars.reversed() {
            if ScalarClass.isSpace(c) || ScalarClass.isCloser(c) { continue }
            return ScalarClass.isTerminator(c) || c == ":" || c == ";"
        }
        return false
    }

    /// The bullet that opens a list-item line (`- `, `• `, `– `…), or nil.
    static func bulletPrefix(_ trimmed: String) -> Bool {
        if let found = trimmed.utf8.withContiguousStorageIfAvailable({ bulletPrefix(utf8: $0) }) { return found }
        var it = trimmed.unicodeScalars.makeIterator()
        guard let first = it.next(), let second = it.next() else { return false }
        return isBullet(first, second)
    }

    private static func isBullet(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        switch first {
        case "-", "–", "—", "•", "*", "·", "▪", "◦", "‣", "●", "○", "■", "□", "➢", "►":
            return ScalarClass.isSpace(second)
        default: return false
        }
    }
}

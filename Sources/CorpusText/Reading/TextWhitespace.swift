/// Whitespace and line-shape helpers for the plain-text layouts.
enum TextWhitespace {
    /// `s` with every run of whitespace (spaces, TABs, NBSP, other Unicode
    /// spaces) replaced by one space and the ends trimmed — the normalisation
    /// the gold files use, so tokens can rebuild sentences exactly.
    static func collapse(_ s: Substring) -> String {
        if isCollapsed(s) { return String(s) }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for c in s.unicodeScalars {
            if ScalarClass.isSpace(c) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(c)
            }
        }
        return String(out)
    }

    static func collapse(_ s: String) -> String { isCollapsed(s[...]) ? s : collapse(s[...]) }

    /// Fast byte check: no leading, trailing or double space, no other whitespace.
    private static func isCollapsed(_ s: Substring) -> Bool {
        let result: Bool? = s.utf8.withContiguousStorageIfAvailable { b in
            let n = b.count
            if n == 0 { return true }
            if b[0] == 0x20 || b[n - 1] == 0x20 { return false }
            var i = 0
            while i < n {
                let u = b[i]
                if u < 0x21 {
                    if u != 0x20 || b[i + 1] == 0x20 { return false }
                } else if u >= 0xC2 && u <= 0xE3 && i + 1 < n {
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
        s.unicodeScalars.allSatisfy(ScalarClass.isSpace)
    }

    /// Whether a line begins with whitespace (an indented paragraph start).
    static func isIndented(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first else { return false }
        return ScalarClass.isSpace(first)
    }

    /// Whether the first letter-or-digit of `s` is a lower-case letter (a continuation).
    static func startsLowercase(_ s: String) -> Bool {
        for c in s.unicodeScalars {
            if ScalarClass.isSpace(c) { continue }
            return ScalarClass.isLower(c)
        }
        return false
    }

    /// Whether `s` ends a sentence: a final `.`, `!`, `?` or `…`, possibly before closing quotes or brackets.
    static func endsWithStop(_ s: String) -> Bool {
        for c in s.unicodeScalars.reversed() {
            if ScalarClass.isSpace(c) || ScalarClass.isCloser(c) { continue }
            return ScalarClass.isTerminator(c)
        }
        return false
    }

    /// The bullet that opens a list-item line (`- `, `• `, `– `…), or nil.
    static func bulletPrefix(_ trimmed: String) -> Bool {
        var it = trimmed.unicodeScalars.makeIterator()
        guard let first = it.next(), let second = it.next() else { return false }
        switch first {
        case "-", "–", "—", "•", "*", "·", "▪", "◦", "‣", "●", "○", "■", "□", "➢", "►":
            return ScalarClass.isSpace(second)
        default: return false
        }
    }
}

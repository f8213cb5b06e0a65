import CorpusModel

/// Structure that plain text shows only by its shape (option `structure`):
/// heading lines, numbered and bulleted list lines, and numbered items that
/// run inside a paragraph (`Жоспар мынадай: 1. … 2. …`).
///
/// Off by default: the seed gold keeps titles as paragraphs and inline
/// numbered items inside their sentences, and a shape rule can mistake a
/// short line for a heading in text it has not seen; `--structure` (or
/// `-O structure=true`) asks for it.
enum PlainStructure {
    /// The heading level of `line` (trimmed) when it looks like a heading:
    /// at most 100 characters and 12 words, a capital first letter (after an
    /// optional section number `2.`, `2.1`, `IV.`), no final `. , ; : ! ? …`,
    /// and not two sentences. `2.1 Әдістер` is level 2; unnumbered ones level 1.
    static func headingLevel(_ line: String) -> Int? {
        let s = Array(line.unicodeScalars)
        guard !s.isEmpty, s.count <= 100, !TextWhitespace.bulletPrefix(line) else { return nil }
        guard let last = s.last, !".,;:!?…-–—".unicodeScalars.contains(last) else { return nil }
        if s.filter({ $0 == " " }).count >= 12 { return nil }
        var i = 0, level = 1
        if let (end, depth) = sectionNumber(s) {
            i = end
            level = depth
        }
        while i < s.count && ScalarClass.isOpener(s[i]) { i += 1 }
        guard i < s.count, ScalarClass.isUpper(s[i]) else { return nil }
        // A stop followed by a capital inside the line: two sentences (or a running head), not a heading.
        for k in stride(from: i, to: s.count - 2, by: 1) where ScalarClass.isTerminator(s[k]) && s[k + 1] == " " && ScalarClass.isUpper(s[k + 2]) {
            return nil
        }
        return level
    }

    /// A section number at the start (`3 `, `3. `, `3.2 `, `3.2.1. `, `IV. `): where the title starts, and its depth.
    static func sectionNumber(_ s: [Unicode.Scalar]) -> (Int, Int)? {
        var i = 0, groups = 0
        while i < s.count {
            let start = i
            while i < s.count && ScalarClass.isDigit(s[i]) { i += 1 }
            if i == start || i - start > 3 { break }
            groups += 1
            if i < s.count && s[i] == "." { i += 1 } else { break }
        }
        if groups == 0 {
            let roman = "IVXLC".unicodeScalars
            while i < s.count && roman.contains(s[i]) { i += 1 }
            guard i > 0, i < s.count, s[i] == "." else { return nil }
            i += 1
            groups = 1
        }
        guard i < s.count, s[i] == " " else { return nil }
        return (i + 1, groups)
    }

    /// Whether `line` (trimmed) opens a numbered list item: `1. `, `12) `, `а) `, `b) `.
    static func isNumberedItem(_ line: String) -> Bool {
        let s = Array(line.unicodeScalars.prefix(5))
        var i = 0
        while i < s.count && ScalarClass.isDigit(s[i]) { i += 1 }
        if i >= 1 && i <= 2 {
            return i + 1 < s.count && (s[i] == "." || s[i] == ")") && s[i + 1] == " "
        }
        return s.count >= 3 && ScalarClass.isLower(s[0]) && s[1] == ")" && s[2] == " "
    }

    /// Splits a paragraph holding a run of numbered items (`1.` … `2.` …, each
    /// after the start, `:`, `;`, `,` or a finished sentence) into its lead and
    /// the items; nil when there are fewer than two items numbered 1, 2, ….
    static func splitInlineItems(_ text: String) -> [(String, BlockKind)]? {
        let s = Array(text.unicodeScalars)
        var markers: [(at: Int, number: Int)] = []
        var i = 0
        while i < s.count {
            if ScalarClass.isDigit(s[i]) && (i == 0 || s[i - 1] == " ") {
                var j = i, n = 0
                while j < s.count && ScalarClass.isDigit(s[j]) && j - i < 2 {
                    n = n * 10 + Int(s[j].value - 0x30)
                    j += 1
                }
                let afterMark = j + 1
                if j < s.count && (s[j] == "." || s[j] == ")") && afterMark + 1 < s.count && s[afterMark] == " "
                    && !ScalarClass.isSpace(s[afterMark + 1]) && !ScalarClass.isDigit(s[afterMark + 1])
                {
                    let before: Unicode.Scalar? = i >= 2 ? s[i - 2] : nil
                    let opens = i == 0 || before.map { ":;,".unicodeScalars.contains($0) || ScalarClass.isTerminator($0) || ScalarClass.isCloser($0) } == true
                    if opens { markers.append((i, n)) }
                }
                i = j
            }
            i += 1
        }
        guard let first = markers.firstIndex(where: { $0.number == 1 }) else { return nil }
        var chain = [markers[first]]
        for m in markers[(first + 1)...] where m.number == chain[chain.count - 1].number + 1 { chain.append(m) }
        guard chain.count >= 2 else { return nil }
        func piece(_ r: Range<Int>) -> String {
            String(String.UnicodeScalarView(s[r])).trimmingSpaces()
        }
        var out: [(String, BlockKind)] = []
        let lead = piece(0..<chain[0].at)
        if !lead.isEmpty { out.append((lead, .paragraph)) }
        for (k, m) in chain.enumerated() {
            let end = k + 1 < chain.count ? chain[k + 1].at : s.count
            out.append((piece(m.at..<end), .listItem))
        }
        return out
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var v = unicodeScalars
        while let l = v.last, ScalarClass.isSpace(l) { v.removeLast() }
        while let f = v.first, ScalarClass.isSpace(f) { v.removeFirst() }
        return String(v)
    }
}

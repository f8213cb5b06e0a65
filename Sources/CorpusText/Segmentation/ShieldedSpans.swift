/// Spans where a stop never ends a sentence: URLs, e-mail addresses, balanced
/// parentheses (`(1821 ж.)`), and short quotations framed by the sentence
/// around them (`Ол "Кетті? Көрдің бе?" деп сұрады.`: the quote is the object of
/// `деп`). Long quoted passages are still split at their own boundaries.
///
/// Positions are byte offsets into a ``UTF8Paragraph``; the length limits count scalars.
/// Parentheses and quotations are paired from the paragraph's frame marks; a link is a
/// whitespace-delimited token, looked at only when it holds `@`, `:` or `www.`
/// (``SentenceCandidates/links``).
struct ShieldedSpans {
    /// The longest parenthesis or framed quotation that shields its stops, in scalars.
    static let maxParenthesis = 300
    static let maxFramedQuote = 150

    private let text: UTF8Paragraph
    /// The bytes inside shielding parentheses and framed quotations (from the opening
    /// mark up to the closing one): sorted, disjoint, not touching.
    private var enclosed: [Range<Int>] = []
    /// The bytes of URLs and e-mail addresses but their trailing punctuation: sorted, disjoint.
    private var links: [Range<Int>] = []

    /// The spans of `text`, from its ``SentenceCandidates``.
    init(_ text: UTF8Paragraph, _ candidates: SentenceCandidates) {
        self.text = text
        findLinks(candidates.links)
        findFrames(candidates.marks)
    }

    /// Looks at each token holding one of `marks` (offsets of `@`, `:`, `www.`, in order) once.
    private mutating func findLinks(_ marks: [Int]) {
        var scanned = 0  // the end of the last token looked at
        for k in marks where k >= scanned {
            let token = token(around: k)
            scanned = token.upperBound
            let shielded = link(in: token)
            if !shielded.isEmpty { links.append(shielded) }
        }
    }

    /// Pairs the frame marks (offsets of ``SentenceCandidates/isFrameMark(_:)`` scalars, in order).
    /// The three stacks of openers and the spans found live in one scratch allocation (on the
    /// stack for a paragraph's usual few marks): only ``enclosed`` is kept.
    private mutating func findFrames(_ marks: [Int]) {
        let m = marks.count
        guard m > 1 else { return }
        enclosed = withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * m) { stacks in
            withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: m) { spanBuffer in
                let spans = findSpans(marks, stacks: stacks, into: spanBuffer)
                return Self.union(UnsafeMutableBufferPointer(rebasing: spanBuffer[..<spans]))
            }
        }
    }

    /// The spans of `marks` in closing order, written to `spans` (room for one a mark); their number.
    /// `stacks` has room for three stacks of openers of `marks.count` each.
    private func findSpans(
        _ marks: [Int], stacks: UnsafeMutableBufferPointer<Int>, into spans: UnsafeMutableBufferPointer<Range<Int>>
    ) -> Int {
        let n = text.count
        let m = marks.count
        // Stack tops (counts) of `(`, `«` and `“`, stored at 0, m and 2m.
        var parens = 0
        var guillemets = 0
        var curly = 0
        var found = 0
        var straight: Int?
        func add(_ span: Range<Int>) {
            spans.initializeElement(at: found, to: span)
            found += 1
        }
        // One pass over the marks: balanced parentheses, and quotations followed by a lower-case word.
        for k in marks {
            switch text.scalar(at: k).value {
            case 0x28:  // (
                stacks.initializeElement(at: parens, to: k)
                parens += 1
            case 0x29:  // )
                guard parens > 0 else { break }
                parens -= 1
                let open = stacks[parens]
                if text.scalarCount(open..<k, isAtMost: Self.maxParenthesis) { add(open..<k) }
            case 0xAB:  // «
                stacks.initializeElement(at: m + guillemets, to: k)
                guillemets += 1
            case 0xBB:  // »
                guard guillemets > 0 else { break }
                guillemets -= 1
                let open = stacks[m + guillemets]
                if isFramed(open, k) { add(open..<k) }
            case 0x201C:  // “
                stacks.initializeElement(at: 2 * m + curly, to: k)
                curly += 1
            case 0x201D:  // ”
                guard curly > 0 else { break }
                curly -= 1
                let open = stacks[2 * m + curly]
                if isFramed(open, k) { add(open..<k) }
            case 0x22:  // "
                if let open = straight {
                    if isFramed(open, k) { add(open..<k) }
                    straight = nil
                } else if k + 1 < n && !ScalarClass.isSpace(text.scalar(at: k + 1)) {
                    straight = k
                }
            default: break
            }
        }
        return found
    }

    /// `spans` (sorted here, in place) as sorted, disjoint ranges covering the same bytes.
    private static func union(_ spans: UnsafeMutableBufferPointer<Range<Int>>) -> [Range<Int>] {
        guard !spans.isEmpty else { return [] }
        if spans.count <= 16 {
            // Insertion sort: a paragraph's few spans come nearly in order (only nesting swaps them).
            for i in 1..<spans.count {
                let span = spans[i]
                var j = i
                while j > 0 && spans[j - 1].lowerBound > span.lowerBound {
                    spans[j] = spans[j - 1]
                    j -= 1
                }
                spans[j] = span
            }
        } else {
            var spans = spans
            spans.sort { $0.lowerBound < $1.lowerBound }
        }
        var out: [Range<Int>] = []
        out.reserveCapacity(spans.count)
        for span in spans {
            if let last = out.last, span.lowerBound <= last.upperBound {
                if span.upperBound > last.upperBound { out[out.count - 1] = last.lowerBound..<span.upperBound }
            } else {
                out.append(span)
            }
        }
        return out
    }

    /// Whether a short quotation `open…close` is followed, in its sentence, by a lower-case word
    /// (`…?» деп`, `…!", – деді`, `…» [8] деп` when short).
    private func isFramed(_ open: Int, _ close: Int) -> Bool {
        guard text.scalarCount(open..<close, isAtMost: Self.maxFramedQuote) else { return false }
        let n = text.count
        var p = text.after(close)
        while p < n {
            let c = text.scalar(at: p)
            if ScalarClass.isSpace(c) || c == "," || ScalarClass.isDash(c) || ScalarClass.isCloser(c) {
                p = text.after(p)
            } else if c == "[" {
                while p < n && text.base[p] != 0x5D { p += 1 }  // `]`: an ASCII byte is never inside a scalar
                if p < n { p += 1 }
                else { return false }
            } else {
                break
            }
        }
        return p < n && ScalarClass.isLower(text.scalar(at: p))
    }

    /// Where the last look-ups ended in ``links`` and ``enclosed``: the scanner asks about
    /// positions that mostly increase, so each answer starts from the previous one.
    private var linkCursor = 0
    private var enclosedCursor = 0

    /// Whether the stop (or other scalar) at byte `i` lies in a URL or an e-mail address.
    @inline(__always)
    mutating func covers(_ i: Int) -> Bool { !links.isEmpty && Self.contains(links, i, cursor: &linkCursor) }

    /// Whether byte `i` lies inside a shielding parenthesis or framed quotation.
    @inline(__always)
    mutating func insideParentheses(_ i: Int) -> Bool {
        !enclosed.isEmpty && Self.contains(enclosed, i, cursor: &enclosedCursor)
    }

    /// Whether one of the sorted, disjoint `spans` holds `i`. `cursor` is the index of the
    /// last span starting at or before the previous position asked about (or 0): a few
    /// steps forward from it, else a binary search, find the one for `i`.
    private static func contains(_ spans: [Range<Int>], _ i: Int, cursor: inout Int) -> Bool {
        var k = cursor
        if spans[k].lowerBound <= i {
            var steps = 0
            while k + 1 < spans.count && spans[k + 1].lowerBound <= i && steps < 8 {
                k += 1
                steps += 1
            }
            if k + 1 < spans.count && spans[k + 1].lowerBound <= i { k = lastStarting(atOrBefore: i, spans) }
        } else {
            k = lastStarting(atOrBefore: i, spans)
        }
        guard k >= 0 else { return false }
        cursor = k
        return spans[k].contains(i)
    }

    /// The index of the last span starting at or before `i`, or -1.
    private static func lastStarting(atOrBefore i: Int, _ spans: [Range<Int>]) -> Int {
        var low = 0
        var high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if spans[mid].lowerBound <= i { low = mid + 1 } else { high = mid }
        }
        return low - 1
    }

    /// The whitespace-delimited token holding the scalar at `i` (not a space).
    private func token(around i: Int) -> Range<Int> {
        let n = text.count
        var start = i
        while start > 0 && !ScalarClass.isSpace(text.scalar(before: start)) { start = text.before(start) }
        var end = i
        while end < n && !ScalarClass.isSpace(text.scalar(at: end)) { end = text.after(end) }
        return start..<end
    }

    /// The bytes of `token` a link shields: all but its trailing stops, closers and
    /// `,` `;` `:`; empty when it is not a URL or an e-mail address.
    private func link(in token: Range<Int>) -> Range<Int> {
        guard token.count >= 4, Self.isLink(Array(text.scalars(token))) else { return 0..<0 }
        var e = token.upperBound
        while e > token.lowerBound {
            let c = text.scalar(before: e)
            guard ScalarClass.isTerminator(c) || ScalarClass.isCloser(c) || c == "," || c == ";" || c == ":" else { break }
            e = text.before(e)
        }
        return token.lowerBound..<e
    }

    /// Whether the scalars `t` of a whitespace-delimited token make a URL (`://`, `www.`) or an e-mail address.
    static func isLink(_ t: [Unicode.Scalar]) -> Bool {
        // Cheap filter first: most tokens have no `@`, no `:/` and do not start with `www.`.
        guard t.count >= 4 else { return false }
        var candidate = false
        if (t[0] == "w" || t[0] == "W") && t[3] == "." { candidate = true }
        if !candidate {
            for c in t where c == "@" || c == ":" { candidate = true; break }
        }
        guard candidate else { return false }
        // Exact shortcut: without `://` or `@` among the scalars (`:` alone is common
        // in prose), only the `www.` test below can succeed, and it needs that start.
        var hasAt = false
        var hasScheme = false
        var p = 0
        while p < t.count {
            if t[p] == "@" { hasAt = true; break }
            if t[p] == ":" && p + 2 < t.count && t[p + 1] == "/" && t[p + 2] == "/" { hasScheme = true; break }
            p += 1
        }
        if !hasAt && !hasScheme && !((t[0] == "w" || t[0] == "W") && (t[1] == "w" || t[1] == "W")
            && (t[2] == "w" || t[2] == "W") && t[3] == ".") {
            return false
        }
        let str = String(String.UnicodeScalarView(t)).lowercased()
        if str.contains("://") || str.hasPrefix("www.") { return true }
        if let at = str.firstIndex(of: "@"), at != str.startIndex {
            let domain = str[str.index(after: at)...]
            return domain.contains(".") && domain.first.map { $0.isLetter || $0.isNumber } == true
        }
        return false
    }
}

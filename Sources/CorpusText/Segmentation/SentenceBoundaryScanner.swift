/// Finds sentence boundaries in one paragraph of text, by rule.
///
/// A sentence ends at `.`, `!`, `?`, `…` or `...` (with any closing quotes and
/// brackets glued to them) when the next word can start a sentence (upper
/// case, a digit, a caseless letter, or an opening quote before one) and
/// nothing says otherwise: abbreviations from the language's list, initials
/// (`Н.Ә.`, `N.`), list numbers after `:`/`;` or at a sentence start (`1.`),
/// an ellipsis that marks an omission (`:…`), stops inside parentheses, URLs
/// and e-mail addresses, and a lower-case word after a reference (`.» [8] деп`).
///
/// It works on the paragraph's UTF-8 bytes: a byte scan (``SentenceCandidates``)
/// finds the stops, and only the scalars around each stop are decoded. Positions
/// are byte offsets; the rules that count (a reference's length, a word's letters)
/// count scalars, so the result is the same as on decoded text.
struct SentenceBoundaryScanner: Sendable {
    let abbreviations: AbbreviationList

    /// Byte ranges of the sentences of `text`, trimmed of surrounding whitespace, in order.
    func sentenceRanges(_ text: UTF8Paragraph) -> [Range<Int>] {
        let n = text.count
        var start = skipSpace(text, from: 0)
        if start >= n { return [] }
        let candidates = SentenceCandidates(text)
        // Only the terminators the byte scan found are candidates (in order).
        let stops = candidates.stops
        if stops.isEmpty { return [start..<trimEnd(text, n, floor: start)] }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(stops.count + 1)  // at most one sentence per stop, plus the rest
        var shield = ShieldedSpans(text, candidates)
        var nextStop = 0
        var i = start
        while i < n {
            while nextStop < stops.count && stops[nextStop] < i { nextStop += 1 }
            guard nextStop < stops.count else { break }
            i = stops[nextStop]
            if shield.covers(i) {
                i = text.after(i)
                continue
            }
            var runEnd = i
            while runEnd < n && ScalarClass.isTerminator(text.scalar(at: runEnd)) { runEnd = text.after(runEnd) }
            var end = runEnd
            while end < n {
                let c = text.scalar(at: end)
                guard ScalarClass.isCloser(c) || ScalarClass.isTerminator(c) else { break }
                end = text.after(end)
            }
            if let boundary = decide(text, sentenceStart: start, stop: i, runEnd: runEnd, end: end, shield: &shield) {
                ranges.append(start..<trimEnd(text, boundary, floor: start))
                start = skipSpace(text, from: boundary)
                i = max(start, end)
                if start >= n { break }
            } else {
                i = end
            }
        }
        if start < n {
            let e = trimEnd(text, n, floor: start)
            if e > start { ranges.append(start..<e) }
        }
        return ranges
    }

    /// Where the sentence ends if the stop at `stop` ends it, else nil.
    private func decide(
        _ text: UTF8Paragraph, sentenceStart: Int, stop: Int, runEnd: Int, end: Int, shield: inout ShieldedSpans
    ) -> Int? {
        let n = text.count
        // A stop inside `(…)` or a framed quote ends nothing, unless the bracket closes
        // right after it: `(… болды.) Келесі`.
        if end < n && shield.insideParentheses(text.before(end)) { return nil }
        var runCount = 0
        var hasEllipsis = false
        var allDots = true
        var cjk = false
        var first: Unicode.Scalar = "."
        for c in text.scalars(stop..<runEnd) {
            if runCount == 0 { first = c }
            runCount += 1
            if c == "…" { hasEllipsis = true }
            if c != "." { allDots = false }
            if c == "\u{3002}" || c == "\u{FF01}" || c == "\u{FF1F}" { cjk = true }
        }
        let isEllipsis = hasEllipsis || runCount >= 3 && allDots
        let isPlainDot = runCount == 1 && (first == "." || first == "\u{FF0E}")

        // CJK full stops need no space after them.
        if end < n && cjk { return end }
        // The stop glued to the next word: only `word.«Next` / `word.Next` typos split.
        if end < n && !ScalarClass.isSpace(text.scalar(at: end)) {
            return gluedBoundary(text, stop: stop, end: end, plainDot: isPlainDot) ? end : nil
        }
        let q = skipSpace(text, from: end)
        if q >= n { return end }

        // A reference after the stop: `.» [8] деп` continues, `. [9] Келесі` ends after it.
        var boundary = end
        var next = q
        if let refEnd = referenceEnd(text, from: q) {
            let after = skipSpace(text, from: refEnd)
            if after >= n { return nil }  // the reference closes the paragraph: keep it with the sentence
            boundary = refEnd
            next = after
        }
        guard let opening = sentenceOpening(text, at: next) else { return nil }

        if isEllipsis {
            // `:… Кеден`, `(… )`, `, ...`: an ellipsis after punctuation marks an omission.
            if stop == sentenceStart { return nil }
            let before = text.scalar(before: stop)
            if before == ":" || before == "," || before == ";" || before == "(" || before == "«" || ScalarClass.isDash(before) {
                return nil
            }
            return boundary
        }
        if !isPlainDot { return boundary }  // ! ? ?! and the like
        if stop > 0 && shield.covers(text.before(stop)) { return boundary }  // `www.gov.kz. Next`
        return wordBeforeAllowsBoundary(text, sentenceStart: sentenceStart, stop: stop, next: opening) ? boundary : nil
    }

    /// The kind of token that would open the next sentence at `i`, or nil when it cannot.
    private func sentenceOpening(_ text: UTF8Paragraph, at i: Int) -> Opening? {
        var p = i
        let n = text.count
        // Opening quotes, brackets and dialogue dashes before the first word.
        while p < n {
            let c = text.scalar(at: p)
            guard ScalarClass.isOpener(c) || ScalarClass.isDash(c) || (p > i && ScalarClass.isSpace(c)) else { break }
            p = text.after(p)
        }
        guard p < n else { return nil }
        let w = text.scalar(at: p)
        if ScalarClass.isUpper(w) || ScalarClass.isCaselessLetter(w) { return .word }
        if ScalarClass.isDigit(w) { return .number }
        if ScalarClass.isLower(w) { return nil }
        switch w {
        case "№", "§", "$", "€", "£", "@", "#", "*", "•", "¿", "¡": return .word
        default: return nil
        }
    }

    private enum Opening { case word, number }

    /// Whether the word before a single full stop lets it end a sentence.
    private func wordBeforeAllowsBoundary(_ text: UTF8Paragraph, sentenceStart: Int, stop: Int, next: Opening) -> Bool {
        // The word: letters, digits, `.`, `-` and the acute accent before the stop, scanned
        // backwards; its scalars are counted and sorted on the way.
        var ws = stop
        var count = 0
        var allDigits = true
        var allRoman = true
        var hasDot = false
        var first: Unicode.Scalar = " "
        var last: Unicode.Scalar = " "
        while ws > sentenceStart {
            let (c, start) = text.previous(ws)
            if c.value &- 0x400 < 0x100 && c.value &- 0x482 >= 8 {
                // A Cyrillic letter (most words here): neither a digit, a Roman numeral nor a stop.
                allDigits = false
                allRoman = false
            } else {
                guard ScalarClass.isLetter(c) || ScalarClass.isDigit(c) || c == "." || c == "-" || c == "\u{301}" else { break }
                if !ScalarClass.isDigit(c) { allDigits = false }
                if !Self.isRomanDigit(c) { allRoman = false }
                if c == "." { hasDot = true }
            }
            ws = start
            if count == 0 { last = c }
            count += 1
            first = c
        }
        if ws == stop { return true }  // `)` `]` `»` or a space before the stop
        // Forms longer than every list entry are never looked up (most words before a stop).
        if abbreviations.mayHold(scalarCount: count + 1),
            let role = lookUp(text, wordStart: ws, wordCount: count, first: first, last: last, stop: stop, sentenceStart: sentenceStart)
        {
            switch role {
            case .inside: return false
            case .final: return next == .word
            }
        }
        if allDigits || allRoman {
            return !isListNumber(text, wordStart: ws, sentenceStart: sentenceStart)
        }
        // Initials and unknown dotted abbreviations: `N.`, `Н.Ә.`, `ж.б.`, `Ph.D.`.
        if !hasDot {
            // An initial stands alone (`N. Cooper`), not glued to a number or sign (`32,5°С.`).
            if count == 1 && ScalarClass.isLetter(first) {
                if ws == sentenceStart { return false }
                let before = text.scalar(before: ws)
                if ScalarClass.isSpace(before) || ScalarClass.isOpener(before) { return false }
            }
        } else if Self.piecesAreShort(text.scalars(ws..<stop)) {
            return false
        }
        return true
    }

    /// Whether every piece of `word` between full stops (also before the first and
    /// after the last) has one to three scalars: `split(separator: ".")` keeping
    /// empty pieces, then a test of each, without the array.
    private static func piecesAreShort(_ word: UTF8Paragraph.Scalars) -> Bool {
        var length = 0
        for c in word {
            if c == "." {
                if length == 0 { return false }
                length = 0
            } else {
                length += 1
                if length > 3 { return false }
            }
        }
        return length > 0
    }

    private static func isRomanDigit(_ c: Unicode.Scalar) -> Bool {
        c == "I" || c == "V" || c == "X" || c == "L" || c == "C" || c == "D" || c == "M"
    }

    /// The abbreviation role of the word before the stop, also trying it with the previous
    /// word (`и т.д.`, `et al.`). The word is `wordStart..<stop` (`wordCount` scalars, from
    /// `first` to `last`); the form looked up is the word and its full stop. Forms whose
    /// first and last scalars start and end no entry are not looked up.
    private func lookUp(
        _ text: UTF8Paragraph, wordStart: Int, wordCount: Int, first: Unicode.Scalar, last: Unicode.Scalar,
        stop: Int, sentenceStart: Int
    ) -> AbbreviationList.Role? {
        if abbreviations.mayHold(first: first, last: last), let r = role(text, wordStart..<stop) { return r }
        // Two-word abbreviations: `previous + " " + word + "."`, the previous word at least one scalar.
        guard wordStart > sentenceStart, text.base[wordStart - 1] == 0x20,
            abbreviations.mayHold(scalarCount: 1 + 1 + wordCount + 1)
        else { return nil }
        let e = wordStart - 1
        var b = e
        var previousCount = 0
        while b > sentenceStart {
            let (c, start) = text.previous(b)
            if ScalarClass.isSpace(c) { break }
            b = start
            previousCount += 1
            // Longer than every entry already: the rest of the word does not matter.
            if !abbreviations.mayHold(scalarCount: previousCount + 1 + wordCount + 1) { return nil }
        }
        if b == e { return nil }
        guard abbreviations.mayHold(first: text.scalar(at: b), last: last) else { return nil }
        return role(text, b..<stop)
    }

    /// The role of the bytes `range` followed by a full stop: without building a
    /// `String` when the list can tell (``AbbreviationList/inertRole(ofStopped:)``).
    @inline(__always)
    private func role(_ text: UTF8Paragraph, _ range: Range<Int>) -> AbbreviationList.Role? {
        if let decided = abbreviations.inertRole(ofStopped: text.scalars(range)) { return decided }
        return abbreviations.role(of: text.string(range) + ".")
    }

    /// A number is a list marker (`1.`) at a sentence start or after `:`/`;`.
    private func isListNumber(_ text: UTF8Paragraph, wordStart: Int, sentenceStart: Int) -> Bool {
        if wordStart <= sentenceStart { return true }
        var p = wordStart
        while p > sentenceStart && ScalarClass.isSpace(text.scalar(before: p)) { p = text.before(p) }
        if p == sentenceStart { return true }
        let at = text.before(p)
        let before = text.scalar(at: at)
        return before == ":" || before == ";" || before == "(" || ScalarClass.isDash(before) && at == sentenceStart
    }

    /// `табылады.«Дүние`: a stop glued to the next sentence splits only after a
    /// lower-case word of 3+ letters, before an upper-case word (or a quote before one).
    private func gluedBoundary(_ text: UTF8Paragraph, stop: Int, end: Int, plainDot: Bool) -> Bool {
        let n = text.count
        var p = end
        var sawOpener = false
        while p < n {
            let c = text.scalar(at: p)
            guard ScalarClass.isOpener(c) && c != "(" && c != "[" else { break }
            p = text.after(p)
            sawOpener = true
        }
        guard p < n else { return false }
        let upper = text.scalar(at: p)
        let second = text.after(p)
        guard second < n, ScalarClass.isUpper(upper), ScalarClass.isLower(text.scalar(at: second)) else { return false }
        if !sawOpener && !plainDot { return true }
        if !sawOpener && !(upper.value >= 0x400 && upper.value <= 0x4FF) { return false }  // `e.Coli`, domain names
        var letters = 0
        var q = stop
        while q > 0 {
            let c = text.scalar(before: q)
            guard ScalarClass.isLetter(c) else { break }
            if !ScalarClass.isLower(c) { return false }
            letters += 1
            q = text.before(q)
        }
        if q > 0 && text.base[q - 1] == 0x2E { return false }  // `т.б.Ол`: an abbreviation
        return letters >= 3
    }

    /// The end of a bibliographic reference at `i` (`[9]`, `[5,77]`, `[9, 264-265]`, `[3, б. 5]`).
    private func referenceEnd(_ text: UTF8Paragraph, from i: Int) -> Int? {
        let n = text.count
        guard i < n, text.base[i] == 0x5B else { return nil }  // [
        var p = i + 1
        var scalars = 1  // from `[` to `p`
        var digits = 0
        while p < n && scalars < 40 {
            let c = text.scalar(at: p)
            if c == "]" { return digits > 0 ? p + 1 : nil }
            if ScalarClass.isDigit(c) { digits += 1 } else if !(c == "," || c == ";" || c == " " || c == "." || c == ":" || ScalarClass.isDash(c) || ScalarClass.isLetter(c)) {
                return nil
            }
            p = text.after(p)
            scalars += 1
        }
        return nil
    }

    private func skipSpace(_ text: UTF8Paragraph, from i: Int) -> Int {
        var p = i
        while p < text.count && ScalarClass.isSpace(text.scalar(at: p)) { p = text.after(p) }
        return p
    }

    private func trimEnd(_ text: UTF8Paragraph, _ e: Int, floor: Int) -> Int {
        var p = e
        while p > floor && ScalarClass.isSpace(text.scalar(before: p)) { p = text.before(p) }
        return p
    }
}

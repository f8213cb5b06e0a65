@testable import CorpusText

/// The segmenter's scanner as it was before it read UTF-8 bytes: the whole paragraph
/// decoded into scalars, positions are scalar indices. Kept as the reference the
/// byte scanner (``SentenceBoundaryScanner``) is tested against; not used by the library.
///
/// A sentence ends at `.`, `!`, `?`, `…` or `...` (with any closing quotes and
/// brackets glued to them) when the next word can start a sentence (upper
/// case, a digit, a caseless letter, or an opening quote before one) and
/// nothing says otherwise: abbreviations from the language's list, initials
/// (`Н.Ә.`, `N.`), list numbers after `:`/`;` or at a sentence start (`1.`),
/// an ellipsis that marks an omission (`:…`), stops inside parentheses, URLs
/// and e-mail addresses, and a lower-case word after a reference (`.» [8] деп`).
struct ScalarBoundaryScanner {
    let abbreviations: AbbreviationList

    /// Ranges (in scalars) of the sentences of `text` (decoded with `findingMarks`),
    /// trimmed of surrounding whitespace, in order.
    func sentenceRanges(_ text: ReferenceParagraph) -> [Range<Int>] {
        let s = text.scalars
        let n = s.count
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(text.stops.count + 1)  // at most one sentence per stop, plus the rest
        var start = skipSpace(s, from: 0)
        if start >= n { return [] }
        let shield = ScalarShieldedSpans(s, marks: text.marks)
        // Only the terminators the decoder found are candidates (`text.stops`, in order).
        let stops = text.stops
        var nextStop = 0
        var i = start
        while i < n {
            while nextStop < stops.count && stops[nextStop] < i { nextStop += 1 }
            guard nextStop < stops.count else { break }
            i = stops[nextStop]
            if shield.covers(i) {
                i += 1
                continue
            }
            var runEnd = i
            while runEnd < n && ScalarClass.isTerminator(s[runEnd]) { runEnd += 1 }
            var end = runEnd
            while end < n && (ScalarClass.isCloser(s[end]) || ScalarClass.isTerminator(s[end])) { end += 1 }
            if let boundary = decide(text, sentenceStart: start, stop: i, runEnd: runEnd, end: end, shield: shield) {
                ranges.append(start..<trimEnd(s, boundary, floor: start))
                start = skipSpace(s, from: boundary)
                i = max(start, end)
                if start >= n { break }
            } else {
                i = end
            }
        }
        if start < n {
            let e = trimEnd(s, n, floor: start)
            if e > start { ranges.append(start..<e) }
        }
        return ranges
    }

    /// Where the sentence ends if the stop at `stop` ends it, else nil.
    private func decide(
        _ text: ReferenceParagraph, sentenceStart: Int, stop: Int, runEnd: Int, end: Int, shield: ScalarShieldedSpans
    ) -> Int? {
        let s = text.scalars
        let n = s.count
        // A stop inside `(…)` or a framed quote ends nothing, unless the bracket closes
        // right after it: `(… болды.) Келесі`.
        if shield.insideParentheses(end - 1) && end < n { return nil }
        let run = s[stop..<runEnd]
        let isEllipsis = run.contains("…") || run.count >= 3 && run.allSatisfy { $0 == "." }
        let isPlainDot = run.count == 1 && (run.first == "." || run.first == "\u{FF0E}")

        // CJK full stops need no space after them.
        if end < n && run.contains(where: { $0 == "\u{3002}" || $0 == "\u{FF01}" || $0 == "\u{FF1F}" }) {
            return end
        }
        // The stop glued to the next word: only `word.«Next` / `word.Next` typos split.
        if end < n && !ScalarClass.isSpace(s[end]) {
            return gluedBoundary(s, stop: stop, end: end, plainDot: isPlainDot) ? end : nil
        }
        let q = skipSpace(s, from: end)
        if q >= n { return end }

        // A reference after the stop: `.» [8] деп` continues, `. [9] Келесі` ends after it.
        var boundary = end
        var next = q
        if let refEnd = referenceEnd(s, from: q) {
            let after = skipSpace(s, from: refEnd)
            if after >= n { return nil }  // the reference closes the paragraph: keep it with the sentence
            boundary = refEnd
            next = after
        }
        guard let start = sentenceOpening(s, at: next) else { return nil }

        if isEllipsis {
            // `:… Кеден`, `(… )`, `, ...`: an ellipsis after punctuation marks an omission.
            if stop == sentenceStart { return nil }
            let before = s[stop - 1]
            if before == ":" || before == "," || before == ";" || before == "(" || before == "«" || ScalarClass.isDash(before) {
                return nil
            }
            return boundary
        }
        if !isPlainDot { return boundary }  // ! ? ?! and the like
        if stop > 0 && shield.covers(stop - 1) { return boundary }  // `www.gov.kz. Next`
        return wordBeforeAllowsBoundary(text, sentenceStart: sentenceStart, stop: stop, next: start) ? boundary : nil
    }

    /// The kind of token that would open the next sentence at `i`, or nil when it cannot.
    private func sentenceOpening(_ s: [Unicode.Scalar], at i: Int) -> Opening? {
        var p = i
        let n = s.count
        // Opening quotes, brackets and dialogue dashes before the first word.
        while p < n && (ScalarClass.isOpener(s[p]) || ScalarClass.isDash(s[p]) || (p > i && ScalarClass.isSpace(s[p]))) {
            p += 1
        }
        guard p < n else { return nil }
        let w = s[p]
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
    private func wordBeforeAllowsBoundary(_ text: ReferenceParagraph, sentenceStart: Int, stop: Int, next: Opening) -> Bool {
        let s = text.scalars
        var ws = stop
        while ws > sentenceStart {
            let c = s[ws - 1]
            if ScalarClass.isLetter(c) || ScalarClass.isDigit(c) || c == "." || c == "-" || c == "\u{301}" { ws -= 1 } else { break }
        }
        if ws == stop { return true }  // `)` `]` `»` or a space before the stop
        let word = s[ws..<stop]
        // Forms longer than every list entry are never looked up (most words before a stop).
        if abbreviations.mayHold(scalarCount: stop - ws + 1),
            let role = lookUp(text, wordStart: ws, stop: stop, sentenceStart: sentenceStart)
        {
            switch role {
            case .inside: return false
            case .final: return next == .word
            }
        }
        if word.allSatisfy(ScalarClass.isDigit) || word.allSatisfy(Self.isRomanDigit) {
            return !isListNumber(s, wordStart: ws, sentenceStart: sentenceStart)
        }
        // Initials and unknown dotted abbreviations: `N.`, `Н.Ә.`, `ж.б.`, `Ph.D.`.
        if !word.contains(".") {
            // An initial stands alone (`N. Cooper`), not glued to a number or sign (`32,5°С.`).
            let standsAlone = ws == sentenceStart || ScalarClass.isSpace(s[ws - 1]) || ScalarClass.isOpener(s[ws - 1])
            if word.count == 1, let only = word.first, ScalarClass.isLetter(only), standsAlone { return false }
        } else if Self.piecesAreShort(word) {
            return false
        }
        return true
    }

    /// Whether every piece of `word` between full stops (also before the first and
    /// after the last) has one to three scalars: `split(separator: ".")` keeping
    /// empty pieces, then a test of each, without the array.
    private static func piecesAreShort(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
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

    /// The abbreviation role of `form`, also trying it with the previous word (`и т.д.`, `et al.`).
    /// The word is `wordStart..<stop`; the form looked up is the word and its full stop.
    private func lookUp(_ text: ReferenceParagraph, wordStart: Int, stop: Int, sentenceStart: Int) -> AbbreviationList.Role? {
        let s = text.scalars
        if let r = role(s, text, wordStart..<stop) { return r }
        // Two-word abbreviations.
        var e = wordStart
        guard e > sentenceStart, s[e - 1] == " " else { return nil }
        e -= 1
        var b = e
        while b > sentenceStart && !ScalarClass.isSpace(s[b - 1]) { b -= 1 }
        if b == e { return nil }
        // `previous + " " + form`: the form is the word (wordStart up to its stop) and its full stop.
        guard abbreviations.mayHold(scalarCount: e - b + 1 + (stop - wordStart + 1)) else { return nil }
        return role(s, text, b..<stop)  // `previous + " " + word`: s[e] is the space
    }

    /// The role of the scalars `range` followed by a full stop: without building a
    /// `String` when the list can tell (``AbbreviationList/inertRole(ofStopped:)``).
    @inline(__always)
    private func role(_ s: [Unicode.Scalar], _ text: ReferenceParagraph, _ range: Range<Int>) -> AbbreviationList.Role? {
        if let decided = abbreviations.inertRole(ofStopped: s[range]) { return decided }
        return abbreviations.role(of: text.string(range) + ".")
    }

    /// A number is a list marker (`1.`) at a sentence start or after `:`/`;`.
    private func isListNumber(_ s: [Unicode.Scalar], wordStart: Int, sentenceStart: Int) -> Bool {
        if wordStart - sentenceStart <= 0 { return true }
        var p = wordStart
        while p > sentenceStart && ScalarClass.isSpace(s[p - 1]) { p -= 1 }
        if p == sentenceStart { return true }
        let before = s[p - 1]
        return before == ":" || before == ";" || before == "(" || ScalarClass.isDash(before) && p - 1 == sentenceStart
    }

    /// `табылады.«Дүние`: a stop glued to the next sentence splits only after a
    /// lower-case word of 3+ letters, before an upper-case word (or a quote before one).
    private func gluedBoundary(_ s: [Unicode.Scalar], stop: Int, end: Int, plainDot: Bool) -> Bool {
        let n = s.count
        var p = end
        var sawOpener = false
        while p < n && ScalarClass.isOpener(s[p]) && s[p] != "(" && s[p] != "[" {
            p += 1
            sawOpener = true
        }
        guard p + 1 < n, ScalarClass.isUpper(s[p]), ScalarClass.isLower(s[p + 1]) else { return false }
        if !sawOpener && !plainDot { return true }
        if !sawOpener && !(s[p].value >= 0x400 && s[p].value <= 0x4FF) { return false }  // `e.Coli`, domain names
        var letters = 0
        var q = stop
        while q > 0 && ScalarClass.isLetter(s[q - 1]) {
            if !ScalarClass.isLower(s[q - 1]) { return false }
            letters += 1
            q -= 1
        }
        if q > 0 && s[q - 1] == "." { return false }  // `т.б.Ол`: an abbreviation
        return letters >= 3
    }

    /// The end of a bibliographic reference at `i` (`[9]`, `[5,77]`, `[9, 264-265]`, `[3, б. 5]`).
    private func referenceEnd(_ s: [Unicode.Scalar], from i: Int) -> Int? {
        guard i < s.count, s[i] == "[" else { return nil }
        var p = i + 1
        var digits = 0
        while p < s.count && p - i < 40 {
            let c = s[p]
            if c == "]" { return digits > 0 ? p + 1 : nil }
            if ScalarClass.isDigit(c) { digits += 1 } else if !(c == "," || c == ";" || c == " " || c == "." || c == ":" || ScalarClass.isDash(c) || ScalarClass.isLetter(c)) {
                return nil
            }
            p += 1
        }
        return nil
    }

    private func skipSpace(_ s: [Unicode.Scalar], from i: Int) -> Int {
        var p = i
        while p < s.count && ScalarClass.isSpace(s[p]) { p += 1 }
        return p
    }

    private func trimEnd(_ s: [Unicode.Scalar], _ e: Int, floor: Int) -> Int {
        var p = e
        while p > floor && ScalarClass.isSpace(s[p - 1]) { p -= 1 }
        return p
    }
}

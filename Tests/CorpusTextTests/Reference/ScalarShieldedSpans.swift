@testable import CorpusText

/// ``ShieldedSpans`` as it was on decoded scalars (the reference for the byte version).
/// Spans where a stop never ends a sentence: URLs, e-mail addresses, balanced
/// parentheses (`(1821 ж.)`), and short quotations framed by the sentence
/// around them (`Ол "Кетті? Көрдің бе?" деп сұрады.`: the quote is the object of
/// `деп`). Long quoted passages are still split at their own boundaries.
struct ScalarShieldedSpans {
    private var shielded: [Bool]
    private var enclosed: [Bool]

    /// The longest parenthesis or framed quotation that shields its stops, in scalars.
    static let maxParenthesis = 300
    static let maxFramedQuote = 150

    /// The spans of `s`; `marks` are the indices of its ``ReferenceParagraph/isShieldMark(_:)``
    /// scalars, in order (no other scalar can open or close a span).
    init(_ s: [Unicode.Scalar], marks: [Int]) {
        let n = s.count
        shielded = []
        enclosed = []
        var parens: [Int] = []
        var guillemets: [Int] = []
        var curly: [Int] = []
        var straight: Int?
        // One pass over the marks. Balanced parentheses and quotations followed by a lower-case word;
        // URLs and e-mails are whitespace-delimited tokens holding `@` or `:` or
        // starting `www.`: only such tokens are measured and looked at (`linkScanEnd`
        // is the end of the last one, so none is looked at twice).
        var linkScanEnd = 0
        for k in marks {
            let v = s[k].value
            switch v {
            case 0x28: parens.append(k)  // (
            case 0x29:  // )
                if let open = parens.popLast(), k - open <= Self.maxParenthesis { enclose(open..<k, n) }
            case 0xAB: guillemets.append(k)  // «
            case 0xBB: if let open = guillemets.popLast() { encloseIfFramed(s, open, k) }  // »
            case 0x201C: curly.append(k)  // “
            case 0x201D: if let open = curly.popLast() { encloseIfFramed(s, open, k) }  // ”
            case 0x22:  // "
                if let open = straight {
                    encloseIfFramed(s, open, k)
                    straight = nil
                } else if k + 1 < n && !ScalarClass.isSpace(s[k + 1]) {
                    straight = k
                }
            default: break
            }
            guard k >= linkScanEnd else { continue }
            let marked = v == 0x40 || v == 0x3A  // @ :
            let tokenStart = (v == 0x77 || v == 0x57) && (k == 0 || ScalarClass.isSpace(s[k - 1]))  // w W
            guard marked || tokenStart else { continue }
            var i = k
            while i > 0 && !ScalarClass.isSpace(s[i - 1]) { i -= 1 }
            var j = k
            while j < n && !ScalarClass.isSpace(s[j]) { j += 1 }
            linkScanEnd = j
            let wwwStart = j - i >= 4 && (s[i] == "w" || s[i] == "W") && s[i + 3] == "."
            if (marked || wwwStart || s[i..<j].contains { $0 == "@" || $0 == ":" }) && Self.isLink(s[i..<j]) {
                if shielded.isEmpty { shielded = Array(repeating: false, count: n) }
                var e = j
                while e > i && (ScalarClass.isTerminator(s[e - 1]) || ScalarClass.isCloser(s[e - 1]) || s[e - 1] == "," || s[e - 1] == ";" || s[e - 1] == ":") { e -= 1 }
                for m in i..<e { shielded[m] = true }
            }
        }
    }

    private mutating func enclose(_ range: Range<Int>, _ n: Int) {
        if enclosed.isEmpty { enclosed = Array(repeating: false, count: n) }
        for m in range { enclosed[m] = true }
    }

    /// Shields a short quotation whose sentence goes on after it in lower case
    /// (`…?» деп`, `…!", – деді`, `…» [8] деп` when short).
    private mutating func encloseIfFramed(_ s: [Unicode.Scalar], _ open: Int, _ close: Int) {
        guard close - open <= Self.maxFramedQuote else { return }
        var p = close + 1
        let n = s.count
        while p < n {
            let c = s[p]
            if ScalarClass.isSpace(c) || c == "," || ScalarClass.isDash(c) || ScalarClass.isCloser(c) {
                p += 1
            } else if c == "[" {
                while p < n && s[p] != "]" { p += 1 }
                p += 1
            } else {
                break
            }
        }
        if p < n && ScalarClass.isLower(s[p]) { enclose(open..<close, n) }
    }

    func covers(_ i: Int) -> Bool { !shielded.isEmpty && shielded[i] }
    /// Whether `i` lies inside a shielding parenthesis or framed quotation.
    func insideParentheses(_ i: Int) -> Bool { !enclosed.isEmpty && enclosed[i] }

    private static func isLink(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        // Cheap filter first: most tokens have no `@`, no `:/` and do not start with `www.`.
        guard t.count >= 4 else { return false }
        var candidate = false
        let b = t.startIndex
        if (t[b] == "w" || t[b] == "W") && t[b + 3] == "." { candidate = true }
        if !candidate {
            for c in t where c == "@" || c == ":" { candidate = true; break }
        }
        guard candidate else { return false }
        // Exact shortcut: without `://` or `@` among the scalars (`:` alone is common
        // in prose), only the `www.` test below can succeed, and it needs that start.
        var hasAt = false
        var hasScheme = false
        var p = b
        while p < t.endIndex {
            if t[p] == "@" { hasAt = true; break }
            if t[p] == ":" && p + 2 < t.endIndex && t[p + 1] == "/" && t[p + 2] == "/" { hasScheme = true; break }
            p += 1
        }
        if !hasAt && !hasScheme && !((t[b] == "w" || t[b] == "W") && (t[b + 1] == "w" || t[b + 1] == "W")
            && (t[b + 2] == "w" || t[b + 2] == "W") && t[b + 3] == ".") {
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

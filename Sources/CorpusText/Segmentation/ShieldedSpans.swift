/// Spans where a stop never ends a sentence: URLs, e-mail addresses, balanced
/// parentheses (`(1821 ж.)`), and short quotations framed by the sentence
/// around them (`Ол "Кетті? Көрдің бе?" деп сұрады.`: the quote is the object of
/// `деп`). Long quoted passages are still split at their own boundaries.
struct ShieldedSpans {
    private var shielded: [Bool]
    private var enclosed: [Bool]

    /// The longest parenthesis or framed quotation that shields its stops, in scalars.
    static let maxParenthesis = 300
    static let maxFramedQuote = 150

    init(_ s: [Unicode.Scalar]) {
        let n = s.count
        shielded = []
        enclosed = []
        // URLs and e-mails: whitespace-delimited tokens.
        var i = 0
        while i < n {
            if ScalarClass.isSpace(s[i]) { i += 1; continue }
            // One pass finds the token's end and whether it could be a link at all
            // (`@`, `:` or a `www.` start), so most tokens are never looked at again.
            var j = i
            var marked = false
            while j < n {
                let c = s[j]
                if ScalarClass.isSpace(c) { break }
                if c == "@" || c == ":" { marked = true }
                j += 1
            }
            let wwwStart = j - i >= 4 && (s[i] == "w" || s[i] == "W") && s[i + 3] == "."
            if (marked || wwwStart) && Self.isLink(s[i..<j]) {
                if shielded.isEmpty { shielded = Array(repeating: false, count: n) }
                var e = j
                while e > i && (ScalarClass.isTerminator(s[e - 1]) || ScalarClass.isCloser(s[e - 1]) || s[e - 1] == "," || s[e - 1] == ";" || s[e - 1] == ":") { e -= 1 }
                for k in i..<e { shielded[k] = true }
            }
            i = j
        }
        // Balanced parentheses, and quotations followed by a lower-case word.
        var parens: [Int] = []
        var guillemets: [Int] = []
        var curly: [Int] = []
        var straight: Int?
        for k in 0..<n {
            switch s[k] {
            case "(": parens.append(k)
            case ")": if let open = parens.popLast(), k - open <= Self.maxParenthesis { enclose(open..<k, n) }
            case "«": guillemets.append(k)
            case "»": if let open = guillemets.popLast() { encloseIfFramed(s, open, k) }
            case "“": curly.append(k)
            case "”": if let open = curly.popLast() { encloseIfFramed(s, open, k) }
            case "\"":
                if let open = straight {
                    encloseIfFramed(s, open, k)
                    straight = nil
                } else if k + 1 < n && !ScalarClass.isSpace(s[k + 1]) {
                    straight = k
                }
            default: break
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
        let str = String(String.UnicodeScalarView(t)).lowercased()
        if str.contains("://") || str.hasPrefix("www.") { return true }
        if let at = str.firstIndex(of: "@"), at != str.startIndex {
            let domain = str[str.index(after: at)...]
            return domain.contains(".") && domain.first.map { $0.isLetter || $0.isNumber } == true
        }
        return false
    }
}

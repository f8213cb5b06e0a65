import CorpusModel

/// Splits sentences into tokens so that `Token.rebuild(tokens) == sentence.text`.
///
/// Tokens: words (any script, Kazakh letters included, with inner hyphens and
/// apostrophes: `ақша-несие`, `ТМД-ның`, `200-жылға`), numbers (`3.5`, `2,5`,
/// `15-20`, `10:30`), URLs and e-mail addresses, `...` and single punctuation
/// marks and symbols. A sentence whose text has whitespace other than single
/// spaces between tokens is first collapsed (runs of whitespace → one space,
/// ends trimmed), so the rebuild is exact; readers in this package already
/// produce such text. As a transform (`tokenize`) it tokenizes every sentence that has no tokens yet
/// (tokens a source already gives, with their annotation, are kept).
public struct Tokenizer: CorpusTransform {
    public var name: String { "tokenize" }
    public var summary: String { "split sentences into words, numbers, punctuation, symbols and URLs" }
    public var provides: Capabilities { [.sentences, .tokens] }
    public var requires: Capabilities { .sentences }

    public init() {}

    /// The tokens of `text` (which should hold single spaces only; see the type's note).
    public func tokenize(_ text: String) -> [Token] {
        let view = ScalarText(text)
        var tokens: [Token] = []
        view.scalars.withUnsafeBufferPointer { s in
            scan(s, s.indices, space: {
                if !tokens.isEmpty { tokens[tokens.count - 1].spaceAfter = true }
            }, token: { range, kind in
                tokens.append(Token(view.string(range), kind: kind, spaceAfter: false))
            })
        }
        return tokens
    }

    /// The Unicode scalars of `text`, decoded fast; pass them to ``forEachToken(in:_:)``.
    public static func scalars(of text: String) -> [Unicode.Scalar] {
        ScalarText.scalars(of: text)
    }

    /// Calls `body` with the scalar range and kind of each token of `scalars`,
    /// by the same rules as ``tokenize(_:)``, without building any string:
    /// for counting and hashing tokens (`corpuskit stats`).
    /// `range` limits the scan to part of `scalars` (a sentence of a paragraph), as if it were all.
    public func forEachToken(in scalars: [Unicode.Scalar], range: Range<Int>? = nil, _ body: (Range<Int>, TokenKind) -> Void) {
        scalars.withUnsafeBufferPointer { forEachToken(in: $0, range: range ?? $0.indices, body) }
    }

    /// ``forEachToken(in:range:_:)`` over scalars the caller already holds in memory
    /// (no copy, no bounds checks beyond `range`'s own).
    public func forEachToken(in scalars: UnsafeBufferPointer<Unicode.Scalar>, range: Range<Int>, _ body: (Range<Int>, TokenKind) -> Void) {
        precondition(range.lowerBound >= 0 && range.upperBound <= scalars.count, "token range outside the scalars")
        scan(scalars, range, space: {}, token: body)
    }

    /// The tokenizing rules, once, over `s[bounds]`; `space` is called for each whitespace scalar.
    private func scan(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ bounds: Range<Int>, space: () -> Void, token: (Range<Int>, TokenKind) -> Void) {
        let n = bounds.upperBound
        // Without `@` or `:` only a `www.` word can be a link: skip the look-ahead for every other word.
        let mayLink = s[bounds].contains { $0 == "@" || $0 == ":" }
        var i = bounds.lowerBound
        while i < n {
            if ScalarClass.isSpace(s[i]) {
                space()
                i += 1
                continue
            }
            let start = i
            let kind: TokenKind
            if mayLink || s[i] == "w" || s[i] == "W", let end = linkEnd(s, from: i, end: n) {
                i = end
                kind = .url
            } else if isWordScalar(s[i]) {
                var hasLetter = false
                while i < n {
                    let c = s[i]
                    if isWordScalar(c) {
                        if !hasLetter && ScalarClass.isLetter(c) { hasLetter = true }
                        i += 1
                    } else if i + 1 < n, isWordScalar(s[i - 1]), joins(c, s[i - 1], s[i + 1]) {
                        i += 1
                    } else {
                        break
                    }
                }
                kind = hasLetter ? .word : .number
            } else if s[i] == ".", i + 2 < n, s[i + 1] == ".", s[i + 2] == "." {
                i += 3
                while i < n && s[i] == "." { i += 1 }
                kind = .punctuation
            } else {
                kind = Self.kind(of: s[i])
                i += 1
            }
            token(start..<i, kind)
        }
    }

    /// `sentence` with its tokens, its text collapsed first when needed for an exact rebuild.
    public func tokenize(_ sentence: Sentence) -> Sentence {
        var out = sentence
        out.text = TextWhitespace.collapse(sentence.text)
        out.tokens = tokenize(out.text)
        return out
    }

    public func makeSink(sendingTo downstream: any CorpusEventSink, options: FormatOptions) throws -> any CorpusEventSink {
        BlockTransformSink(BlockTokenizer(), downstream: downstream, parallelism: try options.jobs())
    }

    /// Whether `c` belongs in a word or number: ``isWordScalarByProperties(_:)``
    /// with ASCII and the Cyrillic block (most of a Kazakh or Russian text) decided by range.
    @inline(__always)
    public static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v | 0x20) &- 0x61 < 26 || v &- 0x30 < 10 }
        if v &- 0x400 < 0x100 { return v != 0x482 }  // letters, and the combining marks U+0483–U+0489
        return isWordScalarByProperties(c)
    }

    @inline(__always)
    private func isWordScalar(_ c: Unicode.Scalar) -> Bool { Self.isWordScalar(c) }

    /// The rule ``isWordScalar(_:)`` applies: a letter, a decimal digit, a mark or a zero-width (non-)joiner.
    /// Out of line, as ``ScalarClass``'s property look-ups are.
    @inline(never)
    static func isWordScalarByProperties(_ c: Unicode.Scalar) -> Bool {
        if ScalarClass.isLetter(c) || ScalarClass.isDigit(c) { return true }
        if c.value < 0x300 { return false }  // no marks or joiners below U+0300
        switch c.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return c == "\u{200D}" || c == "\u{200C}"
        }
    }

    @inline(__always)
    private func joins(_ c: Unicode.Scalar, _ before: Unicode.Scalar, _ after: Unicode.Scalar) -> Bool {
        Self.joins(c, before, after)
    }

    /// Whether `c`, between the word scalar `before` and `after`, joins them into one token
    /// (`ақша-несие`, `ТМД'ның`, `3.5`): hyphens before a word scalar, apostrophes between
    /// letters, `.` `,` `:` `/` between digits.
    @inline(__always)
    public static func joins(_ c: Unicode.Scalar, _ before: Unicode.Scalar, _ after: Unicode.Scalar) -> Bool {
        // A letter or a digit is a word scalar, so only a hyphen needs `after` checked as one.
        switch c.value {
        case 0x2D, 0x2010, 0x2011: return isWordScalar(after)  // - ‐ ‑
        case 0x27, 0x2019, 0x2BC: return ScalarClass.isLetter(before) && ScalarClass.isLetter(after)  // ' ’ ʼ
        case 0x2E, 0x2C, 0x3A, 0x2F: return ScalarClass.isDigit(before) && ScalarClass.isDigit(after)  // . , : /
        default: return false
        }
    }

    /// Whether `c` lower-cases to the first letter of a URL prefix (h, f, w).
    static func mayStartURL(_ c: Unicode.Scalar) -> Bool {
        switch c.value | 0x20 {
        case 0x68, 0x66, 0x77: return c.value < 0x80
        default: return false
        }
    }

    /// Whitespace between tokens (Unicode White_Space), as the rules see it.
    public static func isSpace(_ c: Unicode.Scalar) -> Bool { ScalarClass.isSpace(c) }

    /// A decimal digit, as the rules see it (`.` `,` `:` `/` join digits).
    public static func isDigit(_ c: Unicode.Scalar) -> Bool { ScalarClass.isDigit(c) }

    /// A letter, as the rules see it: a token with one is a word, else a number.
    public static func isLetter(_ c: Unicode.Scalar) -> Bool { ScalarClass.isLetter(c) }

    /// The end of a URL or e-mail address starting at `i`, without trailing punctuation.
    private func linkEnd(_ s: UnsafeBufferPointer<Unicode.Scalar>, from i: Int, end: Int) -> Int? {
        guard ScalarClass.isLetter(s[i]) else { return nil }
        var j = i
        var candidate = false, hasAt = false
        while j < end && !ScalarClass.isSpace(s[j]) {
            if s[j] == "@" { hasAt = true }
            if s[j] == "@" || s[j] == ":" { candidate = true }
            j += 1
        }
        if !candidate && !(j - i > 4 && (s[i] == "w" || s[i] == "W") && s[i + 3] == ".") { return nil }
        // Without `@` only a URL prefix (`http://`, `https://`, `ftp://`, `www.`) makes a link, and only
        // h, f and w lower-case to their first letters: every other word is settled without a string.
        if !hasAt && !Self.mayStartURL(s[i]) { return nil }
        let word = String(String.UnicodeScalarView(s[i..<j])).lowercased()
        let isURL = word.hasPrefix("http://") || word.hasPrefix("https://") || word.hasPrefix("ftp://") || word.hasPrefix("www.")
        var isMail = false
        if !isURL, let at = word.firstIndex(of: "@"), at != word.startIndex {
            let domain = word[word.index(after: at)...]
            isMail = domain.contains(".") && (domain.first?.isLetter ?? false)
        }
        guard isURL || isMail else { return nil }
        while j > i {
            let c = s[j - 1]
            if c == "." || c == "," || c == ";" || c == ":" || c == "!" || c == "?" || ScalarClass.isCloser(c) && c != "/" {
                if c == ")" && s[i..<j].contains("(") { break }
                j -= 1
            } else {
                break
            }
        }
        return j > i ? j : nil
    }

    /// The kind of a one-scalar token (punctuation, a symbol or other).
    @inline(__always)
    public static func kind(of c: Unicode.Scalar) -> TokenKind {
        c.value < 0x100 ? latin1Kinds[Int(c.value)] : kindByCategory(c)
    }

    /// ``kindByCategory(_:)`` of U+0000–U+00FF, looked up instead of asking Unicode's tables.
    private static let latin1Kinds: [TokenKind] = (0..<0x100).map { kindByCategory(Unicode.Scalar(UInt8($0))) }

    @inline(never)
    static func kindByCategory(_ c: Unicode.Scalar) -> TokenKind {
        switch c.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return .punctuation
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return .symbol
        default:
            return .other
        }
    }
}

/// The per-block work of ``Tokenizer``.
struct BlockTokenizer: BlockTransformer {
    /// Sentences read with their tokens (TEI `w`, CoNLL-U, JSON) keep them.
    func changes(_ block: Block) -> Bool {
        guard case .sentences(let sentences) = block.content else { return false }
        return sentences.contains { $0.tokens == nil }
    }

    func transform(_ block: Block, in document: DocumentStart) throws -> Block {
        guard case .sentences(let sentences) = block.content else { return block }
        var out = block
        let tokenizer = Tokenizer()
        // Sentences that already carry tokens (TEI `w`, CoNLL-U, JSON) keep them and their annotation.
        out.content = .sentences(sentences.map { $0.tokens == nil ? tokenizer.tokenize($0) : $0 })
        return out
    }
}

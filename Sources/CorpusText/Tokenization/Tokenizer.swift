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
        scan(view.scalars, space: {
            if !tokens.isEmpty { tokens[tokens.count - 1].spaceAfter = true }
        }, token: { range, kind in
            tokens.append(Token(view.string(range), kind: kind, spaceAfter: false))
        })
        return tokens
    }

    /// The Unicode scalars of `text`, decoded fast; pass them to ``forEachToken(in:_:)``.
    public static func scalars(of text: String) -> [Unicode.Scalar] {
        var text = text
        text.makeContiguousUTF8()
        return ScalarText.decode(text).0
    }

    /// Calls `body` with the scalar range and kind of each token of `scalars`,
    /// by the same rules as ``tokenize(_:)``, without building any string:
    /// for counting and hashing tokens (`corpuskit stats`).
    /// `range` limits the scan to part of `scalars` (a sentence of a paragraph), as if it were all.
    public func forEachToken(in scalars: [Unicode.Scalar], range: Range<Int>? = nil, _ body: (Range<Int>, TokenKind) -> Void) {
        scan(scalars, range ?? scalars.indices, space: {}, token: body)
    }

    private func scan(_ s: [Unicode.Scalar], _ bounds: Range<Int>? = nil, space: () -> Void, token: (Range<Int>, TokenKind) -> Void) {
        let bounds = bounds ?? s.indices
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
                        if ScalarClass.isLetter(c) { hasLetter = true }
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
        BlockTransformSink(BlockTokenizer(), downstream: downstream)
    }

    private func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if ScalarClass.isLetter(c) || ScalarClass.isDigit(c) { return true }
        if c.value < 0x300 { return false }  // no marks or joiners below U+0300
        switch c.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return c == "\u{200D}" || c == "\u{200C}"
        }
    }

    /// Whether `c` joins the word characters around it into one token.
    private func joins(_ c: Unicode.Scalar, _ before: Unicode.Scalar, _ after: Unicode.Scalar) -> Bool {
        guard isWordScalar(after) else { return false }
        switch c {
        case "-", "\u{2010}", "\u{2011}": return true
        case "'", "’", "ʼ": return ScalarClass.isLetter(before) && ScalarClass.isLetter(after)
        case ".", ",", ":", "/": return ScalarClass.isDigit(before) && ScalarClass.isDigit(after)
        default: return false
        }
    }

    /// The end of a URL or e-mail address starting at `i`, without trailing punctuation.
    private func linkEnd(_ s: [Unicode.Scalar], from i: Int, end: Int) -> Int? {
        guard ScalarClass.isLetter(s[i]) else { return nil }
        var j = i
        var candidate = false
        while j < end && !ScalarClass.isSpace(s[j]) {
            if s[j] == "@" || s[j] == ":" { candidate = true }
            j += 1
        }
        if !candidate && !(j - i > 4 && (s[i] == "w" || s[i] == "W") && s[i + 3] == ".") { return nil }
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

    static func kind(of c: Unicode.Scalar) -> TokenKind {
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
    func transform(_ block: Block, in document: DocumentStart) throws -> Block {
        guard case .sentences(let sentences) = block.content else { return block }
        var out = block
        let tokenizer = Tokenizer()
        // Sentences that already carry tokens (TEI `w`, CoNLL-U, JSON) keep them and their annotation.
        out.content = .sentences(sentences.map { $0.tokens == nil ? tokenizer.tokenize($0) : $0 })
        return out
    }
}

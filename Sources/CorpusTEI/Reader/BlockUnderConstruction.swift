import CorpusModel

/// A block being read: its loose text, the sentences found so far and the one open now.
final class BlockUnderConstruction {
    let kind: BlockKind
    /// The element's `xml:id`; consumed by the first part when a nested block splits this one.
    var xmlID: String?
    let language: String?
    var attributes: [MetadataPair]
    /// Element-stack depth of the element that owns the block (for implicit blocks,
    /// of the container the text sits in).
    let ownerDepth: Int
    /// A paragraph made up for text sitting directly in a container.
    let implicit: Bool

    var text = TextAccumulator()
    var sentences: [PendingSentence] = []
    var hasSentences = false
    var sentence: SentenceUnderConstruction?
    /// Note blocks found inside this one, emitted right after it.
    var notes: [BlockUnderConstruction] = []

    init(kind: BlockKind, xmlID: String?, language: String?, attributes: [MetadataPair], ownerDepth: Int, implicit: Bool) {
        self.kind = kind
        self.xmlID = xmlID
        self.language = language
        self.attributes = attributes
        self.ownerDepth = ownerDepth
        self.implicit = implicit
    }

    /// Whether anything was collected since the last flush.
    var isEmpty: Bool { text.isEmpty && sentences.isEmpty && sentence == nil }

    /// Starts an `<s>`; loose text before it becomes a sentence of its own.
    func startSentence(xmlID: String?) {
        flushLooseText()
        hasSentences = true
        sentence = SentenceUnderConstruction(xmlID: xmlID)
    }

    func endSentence() {
        guard let s = sentence else { return }
        sentence = nil
        if let done = s.finish() { sentences.append(done) }
    }

    private func flushLooseText() {
        guard !text.isEmpty else { return }
        sentences.append(PendingSentence(xmlID: nil, text: text.take(), tokens: nil))
    }

    /// The block's content so far, with ids resolved; resets the builder for a continuation.
    func take(id: String) -> Block {
        if let open = sentence {  // an unclosed <s> at a split: keep what it has
            if let done = open.finish() { sentences.append(done) }
            sentence = SentenceUnderConstruction(xmlID: nil)
        }
        let content: BlockContent
        if hasSentences {
            flushLooseText()
            var out: [Sentence] = []
            out.reserveCapacity(sentences.count)
            for (i, s) in sentences.enumerated() {
                let sid = s.xmlID ?? CorpusID.sentence(id, i + 1)
                out.append(Sentence(id: sid, text: s.text, tokens: s.tokens))
            }
            content = .sentences(out)
        } else {
            content = .text(text.take())
        }
        sentences.removeAll()
        xmlID = nil
        return Block(id: id, kind: kind, content: content, language: language, attributes: attributes)
    }
}

/// A finished sentence whose id may still have to be generated from its block's.
struct PendingSentence {
    var xmlID: String?
    var text: String
    var tokens: [Token]?
}

/// An `<s>` being read: its text, or its `<w>`/`<pc>` tokens with their spacing.
struct SentenceUnderConstruction {
    var xmlID: String?
    var text = TextAccumulator()
    var tokens: [Token] = []
    var hasTokens = false
    /// Layout or real whitespace seen since the last token ended.
    var spaceSinceToken = false
    var lastJoinsRight = false
    /// Text inside `<s>` but outside any token, when the sentence has tokens.
    var stray = TextAccumulator()
    /// The token being read.
    var token: TokenUnderConstruction?

    init(xmlID: String?) { self.xmlID = xmlID }

    /// Characters inside the sentence but outside a token.
    mutating func appendOutsideToken(_ bytes: UnsafeBufferPointer<UInt8>) {
        text.append(bytes)
        // Until the first token, `text` alone is enough (most sentences have no tokens);
        // ``startToken`` turns it into stray tokens if a token follows.
        guard hasTokens else { return }
        var i = 0
        let n = bytes.count
        while i < n {
            if TextAccumulator.isLayoutSpace(bytes[i]) {
                flushStray()
                spaceSinceToken = true
                i += 1
                continue
            }
            var j = i + 1
            while j < n && !TextAccumulator.isLayoutSpace(bytes[j]) { j += 1 }
            stray.append(UnsafeBufferPointer(rebasing: bytes[i..<j]))
            i = j
        }
    }

    /// A word boundary (`<lb/>`) between tokens.
    mutating func boundary() {
        text.boundary()
        flushStray()
        spaceSinceToken = true
    }

    mutating func joinWithoutSpace() { text.joinWithoutSpace() }

    mutating func startToken(kind: TokenKind, join: String?) {
        if !hasTokens && !text.isEmpty && tokens.isEmpty {
            // Text before the first token: its words become tokens of kind `other`.
            for word in text.bytes.split(separator: 0x20) {
                add(Token(String(decoding: word, as: UTF8.self), kind: .other, spaceAfter: true), joinsLeft: false, joinsRight: false)
                spaceSinceToken = true
            }
            spaceSinceToken = text.hasPendingSpace
        }
        flushStray()
        token = TokenUnderConstruction(kind: kind, joinsLeft: join == "left" || join == "both",
                                       joinsRight: join == "right" || join == "both")
    }

    mutating func endToken() {
        guard let t = token else { return }
        token = nil
        var form = t.form
        let string = form.take()
        text.append(string)
        guard !string.isEmpty else { return }
        hasTokens = true
        add(Token(string, kind: t.kind, spaceAfter: true), joinsLeft: t.joinsLeft, joinsRight: t.joinsRight)
    }

    /// Adds a token (a `w`/`pc`, or stray text, which counts only once real tokens exist).
    private mutating func add(_ token: Token, joinsLeft: Bool, joinsRight: Bool) {
        if !tokens.isEmpty {
            tokens[tokens.count - 1].spaceAfter = spaceSinceToken && !lastJoinsRight && !joinsLeft
        }
        tokens.append(token)
        lastJoinsRight = joinsRight
        spaceSinceToken = false
    }

    private mutating func flushStray() {
        guard !stray.isEmpty else { return }
        let s = stray.take()
        add(Token(s, kind: .other, spaceAfter: true), joinsLeft: false, joinsRight: false)
    }

    /// The finished sentence, or nil when it holds no text.
    func finish() -> PendingSentence? {
        var copy = self
        if copy.token != nil { copy.endToken() }
        copy.flushStray()
        if copy.hasTokens {
            if !copy.tokens.isEmpty { copy.tokens[copy.tokens.count - 1].spaceAfter = !copy.lastJoinsRight }
            return PendingSentence(xmlID: xmlID, text: Token.rebuild(copy.tokens), tokens: copy.tokens)
        }
        let text = copy.text.take()
        if text.isEmpty { return nil }
        return PendingSentence(xmlID: xmlID, text: text, tokens: nil)
    }
}

/// A `<w>` or `<pc>` being read.
struct TokenUnderConstruction {
    var kind: TokenKind
    var joinsLeft: Bool
    var joinsRight: Bool
    var form = TextAccumulator()
}

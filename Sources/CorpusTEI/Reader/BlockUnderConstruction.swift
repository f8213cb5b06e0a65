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

    // Touched on every SAX event on one thread: no dynamic exclusivity checks.
    @exclusivity(unchecked) var text = TextAccumulator()
    @exclusivity(unchecked) var sentences: [PendingSentence] = []
    @exclusivity(unchecked) var hasSentences = false
    @exclusivity(unchecked) var sentence: SentenceUnderConstruction?
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
                out.append(Sentence(
                    id: sid, text: s.text, tokens: s.tokens, attributes: s.attributes,
                    comments: s.comments, multiwordTokens: s.multiwordTokens, emptyNodes: s.emptyNodes))
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
    var multiwordTokens: [MultiwordToken] = []
    /// Warnings about annotation that could not be attached (a link to an unknown token).
    var attributes: [MetadataPair] = []
    var comments: [String] = []
    var emptyNodes: [EmptyNode] = []
}

/// An `<s>` being read: its text, or its `<w>`/`<pc>` tokens with their spacing and
/// annotation (multiword tokens, entity labels from `<name>`, `UD-SYN` links).
/// A class: one allocation per sentence instead of copies of this wide state.
final class SentenceUnderConstruction {
    // Touched on every SAX event on one thread: no dynamic exclusivity checks.
    var xmlID: String?
    @exclusivity(unchecked) var text = TextAccumulator()
    @exclusivity(unchecked) var tokens: [Token] = []
    var multiwordTokens: [MultiwordToken] = []
    @exclusivity(unchecked) var hasTokens = false
    /// Layout or real whitespace seen since the last token ended.
    @exclusivity(unchecked) var spaceSinceToken = false
    @exclusivity(unchecked) var lastJoinsRight = false
    /// Whether the last unit added was a multiword token (its range carries the spacing).
    var lastWasMultiword = false
    /// Text inside `<s>` but outside any token, when the sentence has tokens.
    @exclusivity(unchecked) var stray = TextAccumulator()
    /// The token being read.
    @exclusivity(unchecked) var token: TokenUnderConstruction?
    /// The outermost `<name type>` open now, and whether a token of it was seen.
    var entity: (type: String, begun: Bool)?
    /// Token `xml:id` → 1-based index in `tokens`.
    var indexByID: [String: Int] = [:]
    var dependencies: [PendingDependency] = []
    /// Multiword token `xml:id` → index in `multiwordTokens`.
    var rangeIndexByID: [String: Int] = [:]
    /// The `<span>` of a `spanGrp type="CoNLL-U"` being read, and those read.
    var span: ConlluSpan?
    var conlluSpans: [ConlluSpan] = []

    init(xmlID: String?) { self.xmlID = xmlID }

    /// Characters inside the sentence but outside a token.
    func appendOutsideToken(_ bytes: UnsafeBufferPointer<UInt8>) {
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
    func boundary() {
        text.boundary()
        flushStray()
        spaceSinceToken = true
    }

    func joinWithoutSpace() { text.joinWithoutSpace() }

    func startToken(kind: TokenKind, join: String?, annotation: WordAnnotation? = nil, isPunctuationElement: Bool = false) {
        if !hasTokens && !text.isEmpty && tokens.isEmpty {
            // Text before the first token: its words become tokens of kind `other`.
            for word in text.bytes.split(separator: 0x20) {
                add(Token(String(decoding: word, as: UTF8.self), kind: .other, spaceAfter: true), joinsLeft: false, joinsRight: false)
                spaceSinceToken = true
            }
            spaceSinceToken = text.hasPendingSpace
        }
        flushStray()
        var label: String? = nil
        if let e = entity {
            label = (e.begun ? "I-" : "B-") + e.type
            entity?.begun = true
        }
        token = TokenUnderConstruction(kind: kind, joinsLeft: join == "left" || join == "both",
                                       joinsRight: join == "right" || join == "both", annotation: annotation,
                                       isPunctuationElement: isPunctuationElement, entityLabel: label)
    }

    func endToken() {
        guard let t = token else { return }
        token = nil
        var form = t.form
        let string = form.take()
        text.append(string)
        guard !string.isEmpty || !t.parts.isEmpty else { return }
        hasTokens = true
        if t.parts.isEmpty {
            var token = Token(string, kind: t.kind, spaceAfter: true)
            t.annotation?.apply(to: &token, isPunctuationElement: t.isPunctuationElement, keepNorm: true)
            if let label = t.entityLabel { token.attributes.append(MetadataPair("ner", label)) }
            add(token, joinsLeft: t.joinsLeft, joinsRight: t.joinsRight)
            if let id = t.annotation?.xmlID { indexByID[id] = tokens.count }
            return
        }
        // A word written as several syntactic words (`du` = `de` + `le`): the parts are the
        // tokens, their `@norm` (else their own text) the forms; the outer word is the range.
        var parts: [Token] = []
        for (i, part) in t.parts.enumerated() {
            var text = part.text
            let own = text.take()
            var token = Token(part.annotation.norm ?? own, kind: .word, spaceAfter: true)
            part.annotation.apply(to: &token, isPunctuationElement: part.isPunctuationElement, keepNorm: false)
            if let label = t.entityLabel {
                token.attributes.append(MetadataPair("ner", i == 0 ? label : "I-" + label.dropFirst(2)))
            }
            parts.append(token)
        }
        let first = tokens.count + 1
        add(parts[0], joinsLeft: t.joinsLeft, joinsRight: false)
        tokens.append(contentsOf: parts.dropFirst())
        multiwordTokens.append(MultiwordToken(first: first, last: tokens.count, form: string.isEmpty ? parts.map(\.form).joined() : string))
        lastWasMultiword = true
        lastJoinsRight = t.joinsRight
        if let id = t.annotation?.xmlID { rangeIndexByID[id] = multiwordTokens.count - 1 }
        for (i, part) in t.parts.enumerated() {
            if let id = part.annotation.xmlID { indexByID[id] = first + i }
        }
    }

    /// Adds a token (a `w`/`pc`, or stray text, which counts only once real tokens exist).
    private func add(_ token: Token, joinsLeft: Bool, joinsRight: Bool) {
        setSpaceAfterLastUnit(spaceSinceToken && !lastJoinsRight && !joinsLeft)
        tokens.append(token)
        lastJoinsRight = joinsRight
        lastWasMultiword = false
        spaceSinceToken = false
    }

    private func setSpaceAfterLastUnit(_ space: Bool) {
        if lastWasMultiword, !multiwordTokens.isEmpty {
            multiwordTokens[multiwordTokens.count - 1].spaceAfter = space
        } else if !tokens.isEmpty {
            tokens[tokens.count - 1].spaceAfter = space
        }
    }

    private func flushStray() {
        guard !stray.isEmpty else { return }
        let s = stray.take()
        add(Token(s, kind: .other, spaceAfter: true), joinsLeft: false, joinsRight: false)
    }

    /// The finished sentence, or nil when it holds no text; the builder is used up.
    func finish() -> PendingSentence? {
        if token != nil { endToken() }
        flushStray()
        if hasTokens {
            setSpaceAfterLastUnit(!lastJoinsRight)
            var warnings = attachDependencies()
            var extras = ConlluExtras()
            warnings += extras.attach(conlluSpans, tokens: &tokens, multiwordTokens: &multiwordTokens,
                                      indexByID: indexByID, rangeIndexByID: rangeIndexByID)
            let text = Token.rebuild(tokens, multiwordTokens: multiwordTokens)
            return PendingSentence(
                xmlID: xmlID, text: text, tokens: tokens, multiwordTokens: multiwordTokens,
                attributes: extras.attributes + warnings, comments: extras.comments, emptyNodes: extras.emptyNodes)
        }
        let plain = text.take()
        if plain.isEmpty { return nil }
        return PendingSentence(xmlID: xmlID, text: plain, tokens: nil)
    }

    /// Sets head and relation from the `UD-SYN` links; a link naming no token of this
    /// sentence is kept as a `warning` attribute instead of being dropped silently.
    private func attachDependencies() -> [MetadataPair] {
        var warnings: [MetadataPair] = []
        for link in dependencies {
            guard let dependent = indexByID[link.dependent] else {
                warnings.append(MetadataPair("warning", "UD-SYN link to '#\(link.dependent)', not a token of this sentence"))
                continue
            }
            let head: Int
            if let h = indexByID[link.head] {
                head = h
            } else if link.head == xmlID {
                head = 0
            } else {
                warnings.append(MetadataPair("warning", "UD-SYN link from '#\(link.head)', not a token of this sentence"))
                continue
            }
            guard tokens[dependent - 1].head == nil else { continue }  // the first link wins (as ParlaMint's tools do)
            tokens[dependent - 1].head = head
            tokens[dependent - 1].deprel = link.relation
        }
        return warnings
    }
}

/// A `<w>` or `<pc>` being read; `parts` are the `<w>`s inside it (syntactic words).
struct TokenUnderConstruction {
    var kind: TokenKind
    var joinsLeft: Bool
    var joinsRight: Bool
    var annotation: WordAnnotation?
    var isPunctuationElement = false
    var entityLabel: String?
    var form = TextAccumulator()
    var parts: [TokenPart] = []
    /// Whether text goes to the last part (inside its element) rather than the outer word.
    var inPart = false

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inPart, !parts.isEmpty { parts[parts.count - 1].text.append(bytes) } else { form.append(bytes) }
    }
}

/// A syntactic word inside a `<w>`: ParlaMint's `<w norm="de" lemma="de" msd="…"/>`.
struct TokenPart {
    var annotation: WordAnnotation
    var isPunctuationElement: Bool
    var text = TextAccumulator()
}

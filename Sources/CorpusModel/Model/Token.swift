/// One token of a sentence (a syntactic word in CoNLL-U terms). `spaceAfter` keeps the
/// spacing so the sentence text is rebuilt exactly from its tokens; the annotation fields
/// are nil for plain text and carry what CoNLL-U columns or TEI `w` attributes say.
public struct Token: Sendable, Codable, Equatable, Hashable {
    public var form: String
    public var kind: TokenKind
    /// Whether one space follows the token in the sentence text (CoNLL-U `SpaceAfter=No` is false).
    public var spaceAfter: Bool
    /// Dictionary form (CoNLL-U LEMMA, TEI `w@lemma`).
    public var lemma: String?
    /// Universal part of speech (`NOUN`, `PUNCT`, …).
    public var upos: String?
    /// Language-specific part of speech.
    public var xpos: String?
    /// Morphological features as CoNLL-U writes them (`Case=Nom|Number=Sing`); nil for `_`.
    public var feats: String?
    /// 1-based index of the head in the sentence's `tokens`; 0 is the root.
    public var head: Int?
    /// Dependency relation to the head (`nsubj`, `obl:tmod`, …).
    public var deprel: String?
    /// Enhanced dependencies, the CoNLL-U DEPS column as written.
    public var deps: String?
    /// The CoNLL-U MISC items other than `SpaceAfter=No` (which ``spaceAfter`` holds), as written.
    public var misc: String?
    /// Ordered extras with no field of their own: TEI `msd`, `ana`, `norm`, entity labels (`ner`), …
    public var attributes: [MetadataPair]

    public init(
        _ form: String, kind: TokenKind, spaceAfter: Bool, lemma: String? = nil, upos: String? = nil,
        xpos: String? = nil, feats: String? = nil, head: Int? = nil, deprel: String? = nil,
        deps: String? = nil, misc: String? = nil, attributes: [MetadataPair] = []
    ) {
        self.form = form
        self.kind = kind
        self.spaceAfter = spaceAfter
        self.lemma = lemma
        self.upos = upos
        self.xpos = xpos
        self.feats = feats
        self.head = head
        self.deprel = deprel
        self.deps = deps
        self.misc = misc
        self.attributes = attributes
    }

    /// Whether any annotation field or attribute is set (plain tokens have none).
    public var isAnnotated: Bool {
        lemma != nil || upos != nil || xpos != nil || feats != nil || head != nil || deprel != nil
            || deps != nil || misc != nil || !attributes.isEmpty
    }

    private enum CodingKeys: String, CodingKey {
        case form, kind, spaceAfter = "space", lemma, upos, xpos, feats, head, deprel, deps, misc, attributes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        form = try c.decode(String.self, forKey: .form)
        kind = try c.decode(TokenKind.self, forKey: .kind)
        spaceAfter = try c.decodeIfPresent(Bool.self, forKey: .spaceAfter) ?? true
        lemma = try c.decodeIfPresent(String.self, forKey: .lemma)
        upos = try c.decodeIfPresent(String.self, forKey: .upos)
        xpos = try c.decodeIfPresent(String.self, forKey: .xpos)
        feats = try c.decodeIfPresent(String.self, forKey: .feats)
        head = try c.decodeIfPresent(Int.self, forKey: .head)
        deprel = try c.decodeIfPresent(String.self, forKey: .deprel)
        deps = try c.decodeIfPresent(String.self, forKey: .deps)
        misc = try c.decodeIfPresent(String.self, forKey: .misc)
        attributes = try c.decodeIfPresent([MetadataPair].self, forKey: .attributes) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(form, forKey: .form)
        try c.encode(kind, forKey: .kind)
        try c.encode(spaceAfter, forKey: .spaceAfter)
        try c.encodeIfPresent(lemma, forKey: .lemma)
        try c.encodeIfPresent(upos, forKey: .upos)
        try c.encodeIfPresent(xpos, forKey: .xpos)
        try c.encodeIfPresent(feats, forKey: .feats)
        try c.encodeIfPresent(head, forKey: .head)
        try c.encodeIfPresent(deprel, forKey: .deprel)
        try c.encodeIfPresent(deps, forKey: .deps)
        try c.encodeIfPresent(misc, forKey: .misc)
        if !attributes.isEmpty { try c.encode(attributes, forKey: .attributes) }
    }

    /// The first value stored under `key` in ``attributes``.
    public func attribute(_ key: String) -> String? {
        attributes.first { $0.key == key }?.value
    }

    /// The text the tokens spell, with one space after each token that has `spaceAfter`
    /// (none after the last). Ignores multiword ranges; see ``rebuild(_:multiwordTokens:)``.
    public static func rebuild(_ tokens: [Token]) -> String {
        var out = ""
        for (i, t) in tokens.enumerated() {
            out += t.form
            if t.spaceAfter && i < tokens.count - 1 { out += " " }
        }
        return out
    }

    /// The surface the tokens spell when every multiword range (1-based, inclusive) is
    /// replaced by its form and its `spaceAfter`; no space after the last unit. Ranges that
    /// overlap an earlier one or fall outside the tokens are ignored.
    public static func rebuild(_ tokens: [Token], multiwordTokens: [MultiwordToken]) -> String {
        if multiwordTokens.isEmpty { return rebuild(tokens) }
        var out = ""
        let units = SurfaceUnit.units(of: tokens, multiwordTokens: multiwordTokens)
        for (u, unit) in units.enumerated() {
            out += unit.multiword?.form ?? tokens[unit.range.lowerBound].form
            if unit.spaceAfter && u < units.count - 1 { out += " " }
        }
        return out
    }
}

/// What a token is; TEI writes words as `<w>` and the rest as `<pc>` or `<w type>`.
public enum TokenKind: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
    case word, number, punctuation, symbol, url, other

    /// A guess from a form's first character, for tokens a source gives
    /// without a kind or a UPOS (a table's token cell, CoNLL-U with `_`).
    public init(guessingFrom first: Unicode.Scalar?) {
        guard let first else { self = .other; return }
        if first.properties.isAlphabetic { self = .word; return }
        if first.properties.numericType != nil { self = .number; return }
        switch first.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            self = .punctuation
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: self = .symbol
        default: self = .other
        }
    }

    /// The kind an annotated token has from its UPOS: `PUNCT` → punctuation, `NUM` → number,
    /// `SYM` → symbol, any other tag → word; nil when there is no tag.
    public init?(upos: String?) {
        guard let upos else { return nil }
        switch upos {
        case "PUNCT": self = .punctuation
        case "NUM": self = .number
        case "SYM": self = .symbol
        default: self = .word
        }
    }
}

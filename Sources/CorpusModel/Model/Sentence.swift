/// One sentence: its exact text and, once tokenized, its tokens.
public struct Sentence: Sendable, Codable, Equatable, Hashable {
    /// Stable id, `DOC.pN.sM` (see ``CorpusID``).
    public var id: String
    /// The sentence text; when tokens exist, ``Token/rebuild(_:)`` of them equals it.
    public var text: String
    /// Tokens, or nil when the sentence is not tokenized.
    public var tokens: [Token]?
    /// Ordered extra attributes (e.g. extra CSV columns), never dropped.
    public var attributes: [MetadataPair]

    public init(id: String, text: String, tokens: [Token]? = nil, attributes: [MetadataPair] = []) {
        self.id = id
        self.text = text
        self.tokens = tokens
        self.attributes = attributes
    }

    private enum CodingKeys: String, CodingKey { case id, text, tokens, attributes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        text = try c.decode(String.self, forKey: .text)
        tokens = try c.decodeIfPresent([Token].self, forKey: .tokens)
        attributes = try c.decodeIfPresent([MetadataPair].self, forKey: .attributes) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(tokens, forKey: .tokens)
        if !attributes.isEmpty { try c.encode(attributes, forKey: .attributes) }
    }
}

/// One token of a sentence. `spaceAfter` keeps the spacing so the sentence
/// text is rebuilt exactly from its tokens.
public struct Token: Sendable, Codable, Equatable, Hashable {
    public var form: String
    public var kind: TokenKind
    /// Whether one space follows the token in the sentence text.
    public var spaceAfter: Bool

    public init(_ form: String, kind: TokenKind, spaceAfter: Bool) {
        self.form = form
        self.kind = kind
        self.spaceAfter = spaceAfter
    }

    private enum CodingKeys: String, CodingKey { case form, kind, spaceAfter = "space" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        form = try c.decode(String.self, forKey: .form)
        kind = try c.decode(TokenKind.self, forKey: .kind)
        spaceAfter = try c.decodeIfPresent(Bool.self, forKey: .spaceAfter) ?? true
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(form, forKey: .form)
        try c.encode(kind, forKey: .kind)
        try c.encode(spaceAfter, forKey: .spaceAfter)
    }

    /// The text the tokens spell, with one space after each token that has `spaceAfter`
    /// (none after the last).
    public static func rebuild(_ tokens: [Token]) -> String {
        var out = ""
        for (i, t) in tokens.enumerated() {
            out += t.form
            if t.spaceAfter && i < tokens.count - 1 { out += " " }
        }
        return out
    }
}

/// What a token is; TEI writes words as `<w>` and the rest as `<pc>` or `<w type>`.
public enum TokenKind: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
    case word, number, punctuation, symbol, url, other
}

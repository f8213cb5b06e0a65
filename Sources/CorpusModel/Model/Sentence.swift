/// One sentence: its exact text and, once tokenized, its tokens.
///
/// Annotated sources (CoNLL-U, TEI `.ana`) add comments, multiword tokens
/// (CoNLL-U ranges `3-4`) and empty nodes (`5.1`); all are empty for plain text.
public struct Sentence: Sendable, Codable, Equatable, Hashable {
    /// Stable id, `DOC.pN.sM` (see ``CorpusID``).
    public var id: String
    /// The sentence text; when tokens exist, ``rebuiltText`` equals it.
    public var text: String
    /// Tokens, or nil when the sentence is not tokenized.
    public var tokens: [Token]?
    /// Ordered extra attributes (e.g. extra CSV columns), never dropped.
    public var attributes: [MetadataPair]
    /// Comment lines other than `sent_id`, `text`, `newdoc` and `newpar`, in source order,
    /// each the text after `# ` (CoNLL-U keeps them so files round-trip).
    public var comments: [String]
    /// Ranges of tokens written as one surface word (`du` = `de` + `le`), ordered by `first`.
    public var multiwordTokens: [MultiwordToken]
    /// Empty nodes of enhanced dependencies, ordered by (`after`, `index`).
    public var emptyNodes: [EmptyNode]

    public init(
        id: String, text: String, tokens: [Token]? = nil, attributes: [MetadataPair] = [],
        comments: [String] = [], multiwordTokens: [MultiwordToken] = [], emptyNodes: [EmptyNode] = []
    ) {
        self.id = id
        self.text = text
        self.tokens = tokens
        self.attributes = attributes
        self.comments = comments
        self.multiwordTokens = multiwordTokens
        self.emptyNodes = emptyNodes
    }

    /// The surface the tokens spell, with every multiword range replaced by its form
    /// (see ``Token/rebuild(_:multiwordTokens:)``); nil when the sentence has no tokens.
    public var rebuiltText: String? {
        tokens.map { Token.rebuild($0, multiwordTokens: multiwordTokens) }
    }

    private enum CodingKeys: String, CodingKey {
        case id, text, tokens, multiwordTokens, emptyNodes, comments, attributes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        text = try c.decode(String.self, forKey: .text)
        tokens = try c.decodeIfPresent([Token].self, forKey: .tokens)
        multiwordTokens = try c.decodeIfPresent([MultiwordToken].self, forKey: .multiwordTokens) ?? []
        emptyNodes = try c.decodeIfPresent([EmptyNode].self, forKey: .emptyNodes) ?? []
        comments = try c.decodeIfPresent([String].self, forKey: .comments) ?? []
        attributes = try c.decodeIfPresent([MetadataPair].self, forKey: .attributes) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(tokens, forKey: .tokens)
        if !multiwordTokens.isEmpty { try c.encode(multiwordTokens, forKey: .multiwordTokens) }
        if !emptyNodes.isEmpty { try c.encode(emptyNodes, forKey: .emptyNodes) }
        if !comments.isEmpty { try c.encode(comments, forKey: .comments) }
        if !attributes.isEmpty { try c.encode(attributes, forKey: .attributes) }
    }
}

/// One block of a text: a heading, a paragraph, a quotation, a list item or a note.
///
/// A block is the unit of streaming: readers emit one at a time, transforms
/// work block by block, and memory is bounded by the largest block.
public struct Block: Sendable, Codable, Equatable, Hashable {
    /// Stable id, `DOC.pN` where N counts the document's blocks from 1 (see ``CorpusID``).
    public var id: String
    public var kind: BlockKind
    /// Unsegmented text, or the sentences a segmenter or the source marked.
    public var content: BlockContent
    /// BCP 47 tag when the block's language differs from the document's.
    public var language: String?
    /// Ordered extra attributes (e.g. CSV columns or TEI attributes without a field).
    public var attributes: [MetadataPair]

    public init(
        id: String, kind: BlockKind = .paragraph, content: BlockContent, language: String? = nil,
        attributes: [MetadataPair] = []
    ) {
        self.id = id
        self.kind = kind
        self.content = content
        self.language = language
        self.attributes = attributes
    }

    /// The block's sentences, or an empty array when it is not segmented.
    public var sentences: [Sentence] {
        if case .sentences(let s) = content { return s }
        return []
    }

    /// The block's text: the unsegmented text, or its sentences joined by one space.
    public var plainText: String {
        switch content {
        case .text(let t): return t
        case .sentences(let s): return s.map(\.text).joined(separator: " ")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case id, kind, level, text, sentences, language, attributes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        let kindName = try c.decode(String.self, forKey: .kind)
        let level = try c.decodeIfPresent(Int.self, forKey: .level)
        guard let kind = BlockKind(name: kindName, level: level ?? 1) else {
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: c, debugDescription: "unknown block kind '\(kindName)'")
        }
        self.kind = kind
        let text = try c.decodeIfPresent(String.self, forKey: .text)
        let sentences = try c.decodeIfPresent([Sentence].self, forKey: .sentences)
        switch (text, sentences) {
        case (let t?, nil): content = .text(t)
        case (nil, let s?): content = .sentences(s)
        case (nil, nil):
            throw DecodingError.dataCorruptedError(
                forKey: .text, in: c, debugDescription: "block '\(id)' has neither 'text' nor 'sentences'")
        case (_?, _?):
            throw DecodingError.dataCorruptedError(
                forKey: .sentences, in: c, debugDescription: "block '\(id)' has both 'text' and 'sentences'")
        }
        language = try c.decodeIfPresent(String.self, forKey: .language)
        attributes = try c.decodeIfPresent([MetadataPair].self, forKey: .attributes) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind.name, forKey: .kind)
        if case .heading(let level) = kind { try c.encode(level, forKey: .level) }
        try c.encodeIfPresent(language, forKey: .language)
        if !attributes.isEmpty { try c.encode(attributes, forKey: .attributes) }
        switch content {
        case .text(let t): try c.encode(t, forKey: .text)
        case .sentences(let s): try c.encode(s, forKey: .sentences)
        }
    }
}

/// What a block is. Headings carry their level (1 = top) so that TEI writers
/// can rebuild nested `<div>`s and readers can map `<div>` depth back.
public enum BlockKind: Sendable, Equatable, Hashable {
    case heading(level: Int)
    case paragraph
    case quote
    case listItem
    case note

    /// The name used in JSON, CSV and the CLI: `heading`, `paragraph`, `quote`, `item`, `note`.
    public var name: String {
        switch self {
        case .heading: "heading"
        case .paragraph: "paragraph"
        case .quote: "quote"
        case .listItem: "item"
        case .note: "note"
        }
    }

    /// The heading level, or nil for other kinds.
    public var headingLevel: Int? {
        if case .heading(let level) = self { return level }
        return nil
    }

    /// Parses a kind name (as written by ``name``); `level` applies to headings.
    public init?(name: String, level: Int = 1) {
        switch name {
        case "heading": self = .heading(level: max(1, level))
        case "paragraph": self = .paragraph
        case "quote": self = .quote
        case "item": self = .listItem
        case "note": self = .note
        default: return nil
        }
    }

    /// Every kind name, for help texts and schemas.
    public static let allNames = ["heading", "paragraph", "quote", "item", "note"]
}

/// A block's content: raw text until a segmenter (or the source) marks sentences.
public enum BlockContent: Sendable, Equatable, Hashable {
    case text(String)
    case sentences([Sentence])
}

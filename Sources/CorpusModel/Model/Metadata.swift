/// What a source says about a text.
///
/// The common fields have names; everything else a reader finds goes to
/// ``extra`` in source order, so that nothing is dropped silently.
public struct Metadata: Sendable, Codable, Equatable, Hashable {
    public var title: String?
    /// Authors in the order the source gives them.
    public var authors: [String]
    /// Date of the text as the source writes it (ISO 8601 when known).
    public var date: String?
    /// BCP 47 language tag, e.g. `kk`; selects segmentation rules.
    public var language: String?
    /// Where the text came from: a bibliographic line, a URL, a file name.
    public var source: String?
    /// Licence or availability statement.
    public var licence: String?
    /// Ordered key/value pairs for everything without a field of its own.
    public var extra: [MetadataPair]

    public init(
        title: String? = nil, authors: [String] = [], date: String? = nil, language: String? = nil,
        source: String? = nil, licence: String? = nil, extra: [MetadataPair] = []
    ) {
        self.title = title
        self.authors = authors
        self.date = date
        self.language = language
        self.source = source
        self.licence = licence
        self.extra = extra
    }

    /// The first value stored under `key` in ``extra``.
    public func extraValue(_ key: String) -> String? {
        extra.first { $0.key == key }?.value
    }

    private enum CodingKeys: String, CodingKey {
        case title, authors, date, language, source, licence, extra
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        authors = try c.decodeIfPresent([String].self, forKey: .authors) ?? []
        date = try c.decodeIfPresent(String.self, forKey: .date)
        language = try c.decodeIfPresent(String.self, forKey: .language)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        licence = try c.decodeIfPresent(String.self, forKey: .licence)
        extra = try c.decodeIfPresent([MetadataPair].self, forKey: .extra) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(title, forKey: .title)
        if !authors.isEmpty { try c.encode(authors, forKey: .authors) }
        try c.encodeIfPresent(date, forKey: .date)
        try c.encodeIfPresent(language, forKey: .language)
        try c.encodeIfPresent(source, forKey: .source)
        try c.encodeIfPresent(licence, forKey: .licence)
        if !extra.isEmpty { try c.encode(extra, forKey: .extra) }
    }
}

/// One free key/value pair; an array of them keeps source order and allows repeats.
public struct MetadataPair: Sendable, Codable, Equatable, Hashable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

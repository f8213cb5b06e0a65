/// Tokens `first`…`last` (1-based, inclusive) written as one surface word: CoNLL-U `3-4 du`.
public struct MultiwordToken: Sendable, Codable, Equatable, Hashable {
    /// 1-based index in the sentence's `tokens` of the range's first word.
    public var first: Int
    /// 1-based index of its last word (inclusive, greater than `first` in CoNLL-U).
    public var last: Int
    /// The surface form of the whole range.
    public var form: String
    /// Whether one space follows the range in the sentence text.
    public var spaceAfter: Bool
    /// MISC items of the range line other than `SpaceAfter=No`.
    public var misc: String?

    public init(first: Int, last: Int, form: String, spaceAfter: Bool = true, misc: String? = nil) {
        self.first = first
        self.last = last
        self.form = form
        self.spaceAfter = spaceAfter
        self.misc = misc
    }

    private enum CodingKeys: String, CodingKey { case first, last, form, spaceAfter = "space", misc }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        first = try c.decode(Int.self, forKey: .first)
        last = try c.decode(Int.self, forKey: .last)
        form = try c.decode(String.self, forKey: .form)
        spaceAfter = try c.decodeIfPresent(Bool.self, forKey: .spaceAfter) ?? true
        misc = try c.decodeIfPresent(String.self, forKey: .misc)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(first, forKey: .first)
        try c.encode(last, forKey: .last)
        try c.encode(form, forKey: .form)
        try c.encode(spaceAfter, forKey: .spaceAfter)
        try c.encodeIfPresent(misc, forKey: .misc)
    }
}

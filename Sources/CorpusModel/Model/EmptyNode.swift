/// An empty node of enhanced dependencies: CoNLL-U `5.1` is `after` 5, `index` 1
/// (`after` 0 puts it before the first token). Not part of the surface text.
public struct EmptyNode: Sendable, Codable, Equatable, Hashable {
    /// The word it follows (1-based index in `tokens`; 0 = before the first word).
    public var after: Int
    /// Its number among the empty nodes after the same word, from 1.
    public var index: Int
    /// The CoNLL-U columns an empty node has (HEAD and DEPREL are always `_`); nil for `_`.
    public var form: String?
    public var lemma: String?
    public var upos: String?
    public var xpos: String?
    public var feats: String?
    public var deps: String?
    public var misc: String?

    public init(
        after: Int, index: Int, form: String? = nil, lemma: String? = nil, upos: String? = nil,
        xpos: String? = nil, feats: String? = nil, deps: String? = nil, misc: String? = nil
    ) {
        self.after = after
        self.index = index
        self.form = form
        self.lemma = lemma
        self.upos = upos
        self.xpos = xpos
        self.feats = feats
        self.deps = deps
        self.misc = misc
    }

    private enum CodingKeys: String, CodingKey { case after, index, form, lemma, upos, xpos, feats, deps, misc }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        after = try c.decode(Int.self, forKey: .after)
        index = try c.decode(Int.self, forKey: .index)
        form = try c.decodeIfPresent(String.self, forKey: .form)
        lemma = try c.decodeIfPresent(String.self, forKey: .lemma)
        upos = try c.decodeIfPresent(String.self, forKey: .upos)
        xpos = try c.decodeIfPresent(String.self, forKey: .xpos)
        feats = try c.decodeIfPresent(String.self, forKey: .feats)
        deps = try c.decodeIfPresent(String.self, forKey: .deps)
        misc = try c.decodeIfPresent(String.self, forKey: .misc)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(after, forKey: .after)
        try c.encode(index, forKey: .index)
        try c.encodeIfPresent(form, forKey: .form)
        try c.encodeIfPresent(lemma, forKey: .lemma)
        try c.encodeIfPresent(upos, forKey: .upos)
        try c.encodeIfPresent(xpos, forKey: .xpos)
        try c.encodeIfPresent(feats, forKey: .feats)
        try c.encodeIfPresent(deps, forKey: .deps)
        try c.encodeIfPresent(misc, forKey: .misc)
    }
}

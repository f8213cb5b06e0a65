import CorpusModel

/// Writes model values through a ``JSONEmitter`` in the published key order
/// (see `schema/corpuskit.schema.json`); the decoder side is the model's `Codable`.
extension JSONEmitter {
    /// The opening of a document object up to and including `"blocks": [`.
    mutating func beginDocument(_ start: DocumentStart, version: Int?) throws {
        try beginObject()
        if let version {
            try key("version")
            try int(version)
        }
        try member("id", start.id)
        try key("metadata")
        try metadata(start.metadata)
        try key("blocks")
        try beginArray()
    }

    mutating func endDocument() throws {
        try endArray()
        try endObject()
    }

    mutating func metadata(_ m: Metadata) throws {
        try beginObject()
        try member("title", m.title)
        if !m.authors.isEmpty {
            try key("authors")
            try beginArray()
            for a in m.authors {
                try element()
                try string(a)
            }
            try endArray()
        }
        try member("date", m.date)
        try member("language", m.language)
        try member("source", m.source)
        try member("licence", m.licence)
        try pairs("extra", m.extra)
        try endObject()
    }

    mutating func block(_ b: Block) throws {
        try beginObject()
        try member("id", b.id)
        try member("kind", b.kind.name)
        if let level = b.kind.headingLevel {
            try key("level")
            try int(level)
        }
        try member("language", b.language)
        try pairs("attributes", b.attributes)
        switch b.content {
        case .text(let t):
            try member("text", t)
        case .sentences(let sentences):
            try key("sentences")
            try beginArray()
            for s in sentences {
                try element()
                try sentence(s)
            }
            try endArray()
        }
        try endObject()
    }

    mutating func sentence(_ s: Sentence) throws {
        try beginObject()
        try member("id", s.id)
        try member("text", s.text)
        if let tokens = s.tokens {
            try key("tokens")
            try beginArray()
            for t in tokens {
                try element()
                try token(t)
            }
            try endArray()
        }
        if !s.multiwordTokens.isEmpty {
            try key("multiwordTokens")
            try beginArray()
            for m in s.multiwordTokens {
                try element()
                try multiwordToken(m)
            }
            try endArray()
        }
        if !s.emptyNodes.isEmpty {
            try key("emptyNodes")
            try beginArray()
            for e in s.emptyNodes {
                try element()
                try emptyNode(e)
            }
            try endArray()
        }
        if !s.comments.isEmpty {
            try key("comments")
            try beginArray()
            for c in s.comments {
                try element()
                try string(c)
            }
            try endArray()
        }
        try pairs("attributes", s.attributes)
        try endObject()
    }

    mutating func token(_ t: Token) throws {
        // Tokens are many and small: keep each on one line even in pretty output.
        try raw("{\"form\":")
        try string(t.form)
        try raw(",\"kind\":\"")
        try raw(t.kind.jsonName)
        try raw(t.spaceAfter ? "\",\"space\":true" : "\",\"space\":false")
        if t.isAnnotated {
            try inline("lemma", t.lemma)
            try inline("upos", t.upos)
            try inline("xpos", t.xpos)
            try inline("feats", t.feats)
            if let head = t.head {
                try raw(",\"head\":")
                try int(head)
            }
            try inline("deprel", t.deprel)
            try inline("deps", t.deps)
            try inline("misc", t.misc)
            if !t.attributes.isEmpty {
                try raw(",\"attributes\":")
                try inlinePairs(t.attributes)
            }
        }
        try output.write(byte: UInt8(ascii: "}"))
    }

    /// A multiword token on one line: `{"first":3,"last":4,"form":"du","space":true}`.
    func multiwordToken(_ m: MultiwordToken) throws {
        try raw("{\"first\":")
        try int(m.first)
        try raw(",\"last\":")
        try int(m.last)
        try raw(",\"form\":")
        try string(m.form)
        try raw(m.spaceAfter ? ",\"space\":true" : ",\"space\":false")
        try inline("misc", m.misc)
        try output.write(byte: UInt8(ascii: "}"))
    }

    /// An empty node on one line: `{"after":5,"index":1,"form":…}`.
    func emptyNode(_ e: EmptyNode) throws {
        try raw("{\"after\":")
        try int(e.after)
        try raw(",\"index\":")
        try int(e.index)
        try inline("form", e.form)
        try inline("lemma", e.lemma)
        try inline("upos", e.upos)
        try inline("xpos", e.xpos)
        try inline("feats", e.feats)
        try inline("deps", e.deps)
        try inline("misc", e.misc)
        try output.write(byte: UInt8(ascii: "}"))
    }

    /// `,"name":"value"` inside a one-line object, when value is non-nil.
    private func inline(_ name: StaticString, _ value: String?) throws {
        guard let value else { return }
        try raw(",\"")
        try output.write(UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        try raw("\":")
        try string(value)
    }

    /// `[{"key":…,"value":…},…]` on one line.
    private func inlinePairs(_ pairs: [MetadataPair]) throws {
        try output.write(byte: UInt8(ascii: "["))
        for (i, p) in pairs.enumerated() {
            try raw(i == 0 ? "{\"key\":" : ",{\"key\":")
            try string(p.key)
            try raw(",\"value\":")
            try string(p.value)
            try output.write(byte: UInt8(ascii: "}"))
        }
        try output.write(byte: UInt8(ascii: "]"))
    }

    private mutating func pairs(_ name: StaticString, _ pairs: [MetadataPair]) throws {
        guard !pairs.isEmpty else { return }
        try key(name)
        try beginArray()
        for p in pairs {
            try element()
            try raw("{\"key\":")
            try string(p.key)
            try raw(",\"value\":")
            try string(p.value)
            try output.write(byte: UInt8(ascii: "}"))
        }
        try endArray()
    }
}

extension TokenKind {
    /// The raw value as a literal, written without a `String`.
    fileprivate var jsonName: StaticString {
        switch self {
        case .word: "word"
        case .number: "number"
        case .punctuation: "punctuation"
        case .symbol: "symbol"
        case .url: "url"
        case .other: "other"
        }
    }
}

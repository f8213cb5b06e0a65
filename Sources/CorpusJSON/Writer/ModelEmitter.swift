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
        try pairs("attributes", s.attributes)
        try endObject()
    }

    mutating func token(_ t: Token) throws {
        // Tokens are many and small: keep each on one line even in pretty output.
        try output.write("{\"form\":")
        try string(t.form)
        try output.write(",\"kind\":\"")
        try output.write(t.kind.rawValue)
        try output.write(t.spaceAfter ? "\",\"space\":true}" : "\",\"space\":false}")
    }

    private mutating func pairs(_ name: StaticString, _ pairs: [MetadataPair]) throws {
        guard !pairs.isEmpty else { return }
        try key(name)
        try beginArray()
        for p in pairs {
            try element()
            try output.write("{\"key\":")
            try string(p.key)
            try output.write(",\"value\":")
            try string(p.value)
            try output.write(byte: UInt8(ascii: "}"))
        }
        try endArray()
    }
}

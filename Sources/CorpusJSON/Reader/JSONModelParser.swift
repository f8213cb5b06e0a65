import CorpusModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads CorpusKit JSON from bytes straight into the model, with no tree and
/// no `Decoder` in between: keys are matched as bytes, only values become
/// `String`s. The same rules as the model's `Codable` conformance (required
/// and optional keys, `null` as absent, unknown keys skipped), the same
/// messages: `at $.documents[0].blocks[3].text: expected a string`.
///
/// ``readFile(into:)`` streams: each document's `startDocument` goes out once
/// its `id` and `metadata` are read, then each block as it is read, so memory
/// holds one block at a time. (A file that puts `"blocks"` before `"id"` or
/// `"metadata"`, or `"documents"` before `"version"`, is held until the
/// missing key is read.)
struct JSONModelParser {
    var cursor: JSONByteCursor
    /// Where the value being read sits, for messages: containers and their keys or indices.
    var path: [PathStep] = []

    enum PathStep {
        case key(StaticString)
        case index(Int)
    }

    init(cursor: JSONByteCursor) { self.cursor = cursor }

    // MARK: Files and documents

    /// Reads a whole file, `{"version": 2, "documents": [...]}`, into `sink`.
    mutating func readFile(into sink: any CorpusEventSink) throws {
        try cursor.skipByteOrderMark()
        guard let first = try cursor.peek() else {
            throw CorpusError(.empty, "the input is empty; expected a CorpusKit JSON document", file: cursor.name,
                              location: SourceLocation(line: 1, column: 1, byteOffset: 0))
        }
        guard first == UInt8(ascii: "{") else {
            throw CorpusError(
                .syntax, "not a CorpusKit JSON file: it must start with '{' (\"version\": 1, \"documents\": […])",
                file: cursor.name, location: cursor.location(at: cursor.pos))
        }
        cursor.pos += 1
        var version: Int?
        var versionSeen = false
        var documentsSeen = false
        var held: [Document] = []
        var firstMember = true
        while let k = try nextMember(&firstMember, Self.fileKeys) {
            switch k {
            case 0:
                version = try optionalInt("version")
                versionSeen = true
                try JSONDecoding.checkVersion(version, name: cursor.name, line: nil)
            case 1:
                documentsSeen = true
                path.append(.key("documents"))
                try documents(streamingTo: versionSeen ? sink : nil, holding: &held)
                path.removeLast()
            default:
                try cursor.skipValue()
            }
        }
        if try cursor.peek() != nil { throw cursor.expected("end of input") }
        try JSONDecoding.checkVersion(version, name: cursor.name, line: nil)
        guard documentsSeen else {
            throw CorpusError(.structure, "at $: missing \"documents\"", file: cursor.name,
                              location: SourceLocation(line: 1, column: 1, byteOffset: 0))
        }
        for document in held { try sink.receive(document: document) }
    }

    /// Reads one JSON Lines record: a document object with `"version"` among its keys.
    mutating func readLinesRecord() throws -> Document {
        guard let first = try cursor.peek() else { throw cursor.expected("a value") }
        var held: [Document] = []
        guard first == UInt8(ascii: "{") else { throw typeError("an object") }
        try document(streamingTo: nil, holding: &held, checkingVersion: true)
        if try cursor.peek() != nil { throw cursor.expected("end of input") }
        return held[0]
    }

    private mutating func documents(streamingTo sink: (any CorpusEventSink)?, holding held: inout [Document]) throws {
        guard try cursor.peek() == UInt8(ascii: "[") else { throw typeError("an array") }
        cursor.pos += 1
        path.append(.index(0))
        var first = true
        var i = 0
        while try nextElement(&first) {
            path[path.count - 1] = .index(i)
            try document(streamingTo: sink, holding: &held, checkingVersion: false)
            i += 1
        }
        path.removeLast()
    }

    /// One document: sent to `sink` as it is read when there is one, else appended to `held`.
    private mutating func document(
        streamingTo sink: (any CorpusEventSink)?, holding held: inout [Document], checkingVersion: Bool
    ) throws {
        guard try cursor.peek() == UInt8(ascii: "{") else { throw typeError("an object") }
        let start = cursor.offset
        cursor.pos += 1
        var id: String?
        var metadata: Metadata?
        var blocks: [Block] = []
        var blocksSeen = false
        var started = false
        var versionSeen = false
        var first = true
        while let k = try nextMember(&first, checkingVersion ? Self.recordKeys : Self.documentKeys) {
            switch k {
            case 0: id = try string("id")
            case 1:
                path.append(.key("metadata"))
                metadata = try self.metadata()
                path.removeLast()
            case 2:
                blocksSeen = true
                if let sink, !started, let id, let metadata {
                    try sink.receive(.startDocument(DocumentStart(id: id, metadata: metadata)))
                    started = true
                }
                path.append(.key("blocks"))
                guard try cursor.peek() == UInt8(ascii: "[") else { throw typeError("an array") }
                cursor.pos += 1
                path.append(.index(0))
                var firstBlock = true
                var i = 0
                while try nextElement(&firstBlock) {
                    path[path.count - 1] = .index(i)
                    let b = try block()
                    if started { try sink!.receive(.block(b)) } else { blocks.append(b) }
                    i += 1
                }
                path.removeLast(2)
            case 3:
                let version = try optionalInt("version")
                if !CorpusJSONFormat.readableVersions.contains(version ?? -1) {
                    try JSONDecoding.checkVersion(version, name: cursor.name, line: cursor.location(at: cursor.pos).line)
                }
                versionSeen = true
            default:
                try cursor.skipValue()
            }
        }
        if checkingVersion && !versionSeen {
            try JSONDecoding.checkVersion(nil, name: cursor.name, line: cursor.location(atOffset: start).line)
        }
        guard let id else { throw missing("id", objectAt: start) }
        guard let metadata else { throw missing("metadata", objectAt: start) }
        guard blocksSeen else { throw missing("blocks", objectAt: start) }
        if started {
            try sink!.receive(.endDocument)
        } else if let sink {
            try sink.receive(document: Document(id: id, metadata: metadata, blocks: blocks))
        } else {
            held.append(Document(id: id, metadata: metadata, blocks: blocks))
        }
    }

    // MARK: Model values

    private mutating func metadata() throws -> Metadata {
        guard try cursor.peek() == UInt8(ascii: "{") else { throw typeError("an object") }
        cursor.pos += 1
        var m = Metadata()
        var first = true
        while let k = try nextMember(&first, Self.metadataKeys) {
            switch k {
            case 0: m.title = try optionalString("title")
            case 1: m.authors = try optionalStrings("authors") ?? []
            case 2: m.date = try optionalString("date")
            case 3: m.language = try optionalString("language")
            case 4: m.source = try optionalString("source")
            case 5: m.licence = try optionalString("licence")
            case 6: m.extra = try optionalPairs("extra") ?? []
            default: try cursor.skipValue()
            }
        }
        return m
    }

    private mutating func block() throws -> Block {
        guard try cursor.peek() == UInt8(ascii: "{") else { throw typeError("an object") }
        let start = cursor.offset
        cursor.pos += 1
        var id: String?
        var kindName: String?
        var kindOffset = start
        var level: Int?
        var text: String?
        var sentences: [Sentence]?
        var language: String?
        var attributes: [MetadataPair] = []
        var first = true
        while let k = try nextMember(&first, Self.blockKeys) {
            switch k {
            case 0: id = try string("id")
            case 1:
                _ = try cursor.peek()
                kindOffset = cursor.offset
                kindName = try string("kind")
            case 2: level = try optionalInt("level")
            case 3: text = try optionalString("text")
            case 4:
                path.append(.key("sentences"))
                sentences = try optionalArray { try $0.sentence() }
                path.removeLast()
            case 5: language = try optionalString("language")
            case 6: attributes = try optionalPairs("attributes") ?? []
            default: try cursor.skipValue()
            }
        }
        guard let id else { throw missing("id", objectAt: start) }
        guard let kindName else { throw missing("kind", objectAt: start) }
        guard let kind = BlockKind(name: kindName, level: level ?? 1) else {
            throw structureError("unknown block kind '\(kindName)'", key: "kind", location: cursor.location(atOffset: kindOffset))
        }
        let content: BlockContent
        switch (text, sentences) {
        case (let t?, nil): content = .text(t)
        case (nil, let s?): content = .sentences(s)
        case (nil, nil):
            throw structureError("block '\(id)' has neither 'text' nor 'sentences'", key: "text",
                                 location: cursor.location(atOffset: start))
        case (_?, _?):
            throw structureError("block '\(id)' has both 'text' and 'sentences'", key: "sentences",
                                 location: cursor.location(atOffset: start))
        }
        return Block(id: id, kind: kind, content: content, language: language, attributes: attributes)
    }

    private mutating func sentence() throws -> Sentence {
        guard try cursor.peek() == UInt8(ascii: "{") else { throw typeError("an object") }
        let start = cursor.offset
        cursor.pos += 1
        var id: String?
        var text: String?
        var s = Sentence(id: "", text: "")
        var first = true
        while let k = try nextMember(&first, Self.sentenceKeys) {
            switch k {
            case 0: id = try string("id")
            case 1: text = try string("text")
            case 2:
                path.append(.key("tokens"))
                s.tokens = try optionalTokens()
                path.removeLast()
            case 3:
                path.append(.key("multiwordTokens"))
                s.multiwordTokens = try optionalArray { try $0.multiwordToken() } ?? []
                path.removeLast()
            case 4:
                path.append(.key("emptyNodes"))
                s.emptyNodes = try optionalArray { try $0.emptyNode() } ?? []
                path.removeLast()
            case 5: s.comments = try optionalStrings("comments") ?? []
            case 6: s.attributes = try optionalPairs("attributes") ?? []
            default: try cursor.skipValue()
            }
        }
        guard let id else { throw missing("id", objectAt: start) }
        guard let text else { throw missing("text", objectAt: start) }
        s.id = id
        s.text = text
        return s
    }

    /// The tokens of a sentence, or nil for `null` (written out, not through
    /// ``optionalArray(_:)``: tokens are most of a tokenized file).
    private mutating func optionalTokens() throws -> [Token]? {
        if try isNull() { return nil }
        guard try cursor.peek() == UInt8(ascii: "[") else { throw typeError("an array") }
        cursor.pos += 1
        var tokens: [Token] = []
        path.append(.index(0))
        var first = true
        while try nextElement(&first) {
            path[path.count - 1] = .index(tokens.count)
            tokens.append(try token())
        }
        path.removeLast()
        return tokens
    }

    private mutating func token() throws -> Token {
        guard try cursor.peek() == UInt8(ascii: "{") else { throw typeError("an object") }
        let start = cursor.offset
        cursor.pos += 1
        var form: String?
        var kind: TokenKind?
        var t = Token("", kind: .other, spaceAfter: true)
        var first = true
        while let k = try nextMember(&first, Self.tokenKeys) {
            switch k {
            case 0: form = try string("form")
            case 1: kind = try tokenKind()
            case 2: t.spaceAfter = try optionalBool("space") ?? true
            case 3: t.lemma = try optionalString("lemma")
            case 4: t.upos = try optionalString("upos")
            case 5: t.xpos = try optionalString("xpos")
            case 6: t.feats = try optionalString("feats")
            case 7: t.head = try optionalInt("head")
            case 8: t.deprel = try optionalString("deprel")
            case 9: t.deps = try optionalString("deps")
            case 10: t.misc = try optionalString("misc")
            case 11: t.attributes = try optionalPairs("attributes") ?? []
            default: try cursor.skipValue()
            }
        }
        guard let form else { throw missing("form", objectAt: start) }
        guard let kind else { throw missing("kind", objectAt: start) }
        t.form = form
        t.kind = kind
        return t
    }

    private mutating func tokenKind() throws -> TokenKind {
        guard try cursor.peek() == UInt8(ascii: "\"") else { throw typeError("a string", key: "kind") }
        let (start, stop, escaped) = try cursor.scanString()
        if !escaped {
            let k = Self.match(UnsafeBufferPointer(start: cursor.buf + start, count: stop - start), Self.tokenKindNames)
            if k >= 0 { return Self.tokenKinds[k] }
        }
        let name = try cursor.unescaped(start: start, stop: stop)
        if let kind = TokenKind(rawValue: name) { return kind }
        throw structureError("unknown token kind '\(name)'", key: "kind", location: cursor.location(at: start - 1))
    }

    private mutating func multiwordToken() throws -> MultiwordToken {
        guard try cursor.peek() == UInt8(ascii: "{") else { throw typeError("an object") }
        let start = cursor.offset
        cursor.pos += 1
        var firstIndex: Int?
        var last: Int?
        var form: String?
        var m = MultiwordToken(first: 0, last: 0, form: "")
        var first = true
        while let k = try nextMember(&first, Self.multiwordKeys) {
            switch k {
            case 0: firstIndex = try int("first")
            case 1: last = try int("last")
            case 2: form = try string("form")
            case 3: m.spaceAfter = try optionalBool("space") ?? true
            case 4: m.misc = try optionalString("misc")
            default: try cursor.skipValue()
            }
        }
        guard let firstIndex else { throw missing("first", objectAt: start) }
        guard let last else { throw missing("last", objectAt: start) }
        guard let form else { throw missing("form", objectAt: start) }
        m.first = firstIndex
        m.last = last
        m.form = form
        return m
    }

    private mutating func emptyNode() throws -> EmptyNode {
        guard try cursor.peek() == UInt8(ascii: "{") else { throw typeError("an object") }
        let start = cursor.offset
        cursor.pos += 1
        var after: Int?
        var index: Int?
        var e = EmptyNode(after: 0, index: 0)
        var first = true
        while let k = try nextMember(&first, Self.emptyNodeKeys) {
            switch k {
            case 0: after = try int("after")
            case 1: index = try int("index")
            case 2: e.form = try optionalString("form")
            case 3: e.lemma = try optionalString("lemma")
            case 4: e.upos = try optionalString("upos")
            case 5: e.xpos = try optionalString("xpos")
            case 6: e.feats = try optionalString("feats")
            case 7: e.deps = try optionalString("deps")
            case 8: e.misc = try optionalString("misc")
            default: try cursor.skipValue()
            }
        }
        guard let after else { throw missing("after", objectAt: start) }
        guard let index else { throw missing("index", objectAt: start) }
        e.after = after
        e.index = index
        return e
    }

    private mutating func pair() throws -> MetadataPair {
        guard try cursor.peek() == UInt8(ascii: "{") else { throw typeError("an object") }
        let start = cursor.offset
        cursor.pos += 1
        var key: String?
        var value: String?
        var first = true
        while let k = try nextMember(&first, Self.pairKeys) {
            switch k {
            case 0: key = try string("key")
            case 1: value = try string("value")
            default: try cursor.skipValue()
            }
        }
        guard let key else { throw missing("key", objectAt: start) }
        guard let value else { throw missing("value", objectAt: start) }
        return MetadataPair(key, value)
    }

    private mutating func optionalPairs(_ key: StaticString) throws -> [MetadataPair]? {
        path.append(.key(key))
        defer { path.removeLast() }
        return try optionalArray { try $0.pair() }
    }

    private mutating func optionalStrings(_ key: StaticString) throws -> [String]? {
        path.append(.key(key))
        defer { path.removeLast() }
        return try optionalArray { try $0.string(nil) }
    }

    /// An array of `element`s, or nil for `null`; the path names the key already.
    @inline(__always)
    mutating func optionalArray<T>(_ element: (inout JSONModelParser) throws -> T) throws -> [T]? {
        if try isNull() { return nil }
        guard try cursor.peek() == UInt8(ascii: "[") else { throw typeError("an array") }
        cursor.pos += 1
        var out: [T] = []
        path.append(.index(0))
        var first = true
        while try nextElement(&first) {
            path[path.count - 1] = .index(out.count)
            out.append(try element(&self))
        }
        path.removeLast()
        return out
    }

}

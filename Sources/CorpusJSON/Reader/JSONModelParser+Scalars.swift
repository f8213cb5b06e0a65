import CorpusModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The scalar, container and error helpers of ``JSONModelParser``: each reads
/// one JSON token at the cursor with the type the model wants, or reports the
/// value with its path and place.
extension JSONModelParser {
    // MARK: Scalars

    mutating func isNull() throws -> Bool {
        guard try cursor.peek() == UInt8(ascii: "n") else { return false }
        return try cursor.literal() != nil
    }

    @inline(__always)
    mutating func string(_ key: StaticString?) throws -> String {
        guard try cursor.peek() == UInt8(ascii: "\"") else { throw typeError("a string", key: key) }
        return try cursor.string()
    }

    @inline(__always)
    mutating func optionalString(_ key: StaticString) throws -> String? {
        let c = try cursor.peek()
        if c == UInt8(ascii: "\"") { return try cursor.string() }
        if c == UInt8(ascii: "n"), try cursor.literal() != nil { return nil }
        throw typeError("a string", key: key)
    }

    mutating func optionalBool(_ key: StaticString) throws -> Bool? {
        let c = try cursor.peek()
        if c == UInt8(ascii: "t") || c == UInt8(ascii: "f") || c == UInt8(ascii: "n"), let word = try cursor.literal() {
            return word == UInt8(ascii: "n") ? nil : word == UInt8(ascii: "t")
        }
        throw typeError("true or false", key: key)
    }

    mutating func optionalInt(_ key: StaticString) throws -> Int? {
        if try isNull() { return nil }
        return try int(key)
    }

    mutating func int(_ key: StaticString) throws -> Int {
        guard let c = try cursor.peek(), c == UInt8(ascii: "-") || (c >= 0x30 && c <= 0x39) else {
            throw typeError("an integer", key: key)
        }
        let (start, stop, integer) = try cursor.scanNumber()
        var value = 0
        var ok = integer
        if ok {
            let negative = cursor.buf[start] == UInt8(ascii: "-")
            for i in (negative ? start + 1 : start)..<stop {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = negative ? m.subtractingReportingOverflow(Int(cursor.buf[i] - 0x30))
                    : m.addingReportingOverflow(Int(cursor.buf[i] - 0x30))
                if o1 || o2 { ok = false; break }
                value = a
            }
        }
        guard ok else { throw structureError("expected an integer", key: key, location: cursor.location(at: start)) }
        return value
    }

    // MARK: Containers

    /// The index in `keys` of the next member's key (its `:` consumed; -1 for
    /// a key not in `keys`), or nil at the object's `}`.
    @inline(__always)
    mutating func nextMember(_ first: inout Bool, _ keys: JSONKeyTable) throws -> Int? {
        var c = try cursor.peek()
        if c == UInt8(ascii: "}") {
            cursor.pos += 1
            return nil
        }
        if !first {
            guard c == UInt8(ascii: ",") else { throw cursor.expected("',' or '}'") }
            cursor.pos += 1
            c = try cursor.peek()
        }
        first = false
        guard c == UInt8(ascii: "\"") else { throw cursor.expected("a quoted key") }
        let (start, stop, escaped) = try cursor.scanString()
        var k: Int
        if !escaped {
            k = Self.match(UnsafeBufferPointer(start: cursor.buf + start, count: stop - start), keys)
        } else {
            var name = try cursor.unescaped(start: start, stop: stop)
            k = name.withUTF8 { Self.match($0, keys) }
        }
        try cursor.consume(UInt8(ascii: ":"), "':'")
        return k
    }

    /// Whether another element follows in the current array (its `,` consumed); false at `]`.
    @inline(__always)
    mutating func nextElement(_ first: inout Bool) throws -> Bool {
        let c = try cursor.peek()
        if c == UInt8(ascii: "]") {
            cursor.pos += 1
            return false
        }
        if !first {
            guard c == UInt8(ascii: ",") else { throw cursor.expected("',' or ']'") }
            cursor.pos += 1
        }
        first = false
        return true
    }

    @inline(__always)
    static func match(_ raw: UnsafeBufferPointer<UInt8>, _ keys: JSONKeyTable) -> Int { keys.index(of: raw) }

    // MARK: Errors

    /// A value of the wrong type at the cursor. Its syntax is checked first, so
    /// that malformed JSON is reported as such, as a whole-file parse would.
    mutating func typeError(_ expected: String, key: StaticString? = nil) -> any Error {
        let place = cursor.location(at: cursor.pos)
        if (try? cursor.peek()) == nil { return cursor.expected("a value") }
        do { try cursor.skipValue() } catch { return error }
        return structureError("expected \(expected)", key: key, location: place)
    }

    func structureError(_ what: String, key: StaticString?, location: SourceLocation) -> CorpusError {
        CorpusError(.structure, "at \(pathString(key)): \(what)", file: cursor.name, location: location)
    }

    func missing(_ key: String, objectAt offset: Int) -> CorpusError {
        CorpusError(.structure, "at \(pathString(nil)): missing \"\(key)\"", file: cursor.name,
                    location: cursor.location(atOffset: offset))
    }

    /// `$.documents[0].blocks[3].kind`
    func pathString(_ key: StaticString?) -> String {
        var out = "$"
        for step in path {
            switch step {
            case .key(let k): out += ".\(k)"
            case .index(let i): out += "[\(i)]"
            }
        }
        if let key { out += ".\(key)" }
        return out
    }

    // MARK: Key tables (in the order the writer emits them)

    static let fileKeys = JSONKeyTable(["version", "documents"])
    static let documentKeys = JSONKeyTable(["id", "metadata", "blocks"])
    static let recordKeys = JSONKeyTable(["id", "metadata", "blocks", "version"])
    static let metadataKeys = JSONKeyTable(["title", "authors", "date", "language", "source", "licence", "extra"])
    static let blockKeys = JSONKeyTable(["id", "kind", "level", "text", "sentences", "language", "attributes"])
    static let sentenceKeys = JSONKeyTable(["id", "text", "tokens", "multiwordTokens", "emptyNodes", "comments", "attributes"])
    static let tokenKeys = JSONKeyTable(["form", "kind", "space", "lemma", "upos", "xpos", "feats", "head", "deprel", "deps", "misc", "attributes"])
    static let multiwordKeys = JSONKeyTable(["first", "last", "form", "space", "misc"])
    static let emptyNodeKeys = JSONKeyTable(["after", "index", "form", "lemma", "upos", "xpos", "feats", "deps", "misc"])
    static let pairKeys = JSONKeyTable(["key", "value"])
    static let tokenKinds: [TokenKind] = TokenKind.allCases
    static let tokenKindNames = JSONKeyTable(["word", "number", "punctuation", "symbol", "url", "other"])
}

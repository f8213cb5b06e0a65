import CorpusModel

/// An `<s>` being read: its tokens (multiword lines split into their parts), the glue
/// between them, entity labels and the heads named by `head_id`.
struct PendingSentence {
    var id: String?
    private var tokens: [Token] = []
    private var multiwordTokens: [MultiwordToken] = []
    private var lastWasMultiword = false
    /// Local token id (`w5`) → 1-based index.
    private var indexByID: [String: Int] = [:]
    /// Per token: the `head_id` column, resolved at the end.
    private var headIDs: [String?] = []
    private var entity: (type: String, begun: Bool)?

    init(id: String?) { self.id = id }

    /// `<g/>`: no space after the previous token.
    mutating func glue() {
        if lastWasMultiword, !multiwordTokens.isEmpty {
            multiwordTokens[multiwordTokens.count - 1].spaceAfter = false
        } else if !tokens.isEmpty {
            tokens[tokens.count - 1].spaceAfter = false
        }
    }

    mutating func entity(_ type: String) { entity = (type, false) }
    mutating func endEntity() { entity = nil }

    /// Adds one token line (values already decoded, one per column).
    /// A multiword line's columns hold one value per part, or one value for all
    /// (ParlaMint collapses equal values); anything else is refused with `fail`.
    mutating func add(
        _ values: [String], columns: [PositionalAttribute], idColumn: Int?, normColumn: Int?,
        fail: (String) -> CorpusError
    ) throws {
        var parts = 1
        if let c = idColumn ?? normColumn, values[c].utf8.contains(0x7C) {
            parts = values[c].split(separator: "|", omittingEmptySubsequences: false).count
        }
        var split: [[Substring]] = []
        if parts > 1 {
            split.reserveCapacity(values.count)
            for (c, value) in values.enumerated() {
                let pieces = value.split(separator: "|", omittingEmptySubsequences: false)
                if pieces.count == parts || c == 0 {
                    split.append(pieces.count == parts ? pieces : Array(repeating: Substring(value), count: parts))
                } else if pieces.count == 1 {
                    split.append(Array(repeating: Substring(value), count: parts))
                } else {
                    throw fail("column \(c + 1) (\(columns[c].name)) has \(pieces.count) '|'-separated values for a multiword token of \(parts) words")
                }
            }
        }
        let first = tokens.count + 1
        var label: String?
        if let e = entity {
            label = (e.begun ? "I-" : "B-") + e.type
            entity?.begun = true
        }
        for p in 0..<parts {
            var token = Token(parts == 1 ? values[0] : "", kind: .word, spaceAfter: true)
            var headID: String?
            var deprel: String?
            for (c, column) in columns.enumerated() {
                let v = parts == 1 ? values[c] : String(split[c][p])
                switch column {
                case .word: break
                case .norm:
                    if parts > 1 { token.form = v } else if v != values[0] { token.attributes.append(MetadataPair("norm", v)) }
                case .lemma: if v != "-" || token.form == "-" || values[0] == "-" { token.lemma = v }
                case .upos: token.upos = Self.value(v)
                case .xpos: token.xpos = Self.value(v)
                case .feats: token.feats = v.isEmpty ? nil : String(v.map { $0 == " " ? "|" : $0 })
                case .id: indexByID[v] = first + p
                case .n: break
                case .head: token.head = Int(v)
                case .deprel: deprel = Self.value(v)
                case .deps: token.deps = Self.value(v)
                case .misc: token.misc = Self.value(v)
                case .ner: if v != "O", v != "-" { token.attributes.append(MetadataPair("ner", v)) }
                case .headID: headID = Self.value(v)
                case .headLemma, .headUPOS, .headFeats: break  // derived from the head
                case .attribute(let name): if v != "-" { token.attributes.append(MetadataPair(name, v)) }
                }
            }
            if parts > 1, token.form.isEmpty { token.form = token.lemma ?? values[0] }
            token.deprel = deprel
            if let label { token.attributes.append(MetadataPair("ner", p == 0 ? label : "I-" + label.dropFirst(2))) }
            if let kind = TokenKind(upos: token.upos) { token.kind = kind } else if parts == 1 { token.kind = Self.guessKind(token.form) }
            tokens.append(token)
            headIDs.append(headID)
        }
        if parts > 1 {
            multiwordTokens.append(MultiwordToken(first: first, last: tokens.count, form: values[0]))
            lastWasMultiword = true
        } else {
            lastWasMultiword = false
        }
    }

    private static func value(_ v: String) -> String? { v == "-" || v.isEmpty ? nil : v }

    /// A token's kind without UPOS: punctuation when it has no letter or digit.
    private static func guessKind(_ form: String) -> TokenKind {
        form.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil } ? .word : .punctuation
    }

    /// The finished sentence, or nil when it has no tokens.
    func finish() -> Sentence? {
        guard !tokens.isEmpty else { return nil }
        var tokens = self.tokens
        for i in tokens.indices {
            if let h = headIDs[i] {
                tokens[i].head = indexByID[h] ?? tokens[i].head
            } else if tokens[i].deprel == "root" {
                tokens[i].head = 0
            }
        }
        let text = Token.rebuild(tokens, multiwordTokens: multiwordTokens)
        return Sentence(id: id ?? "", text: text, tokens: tokens, multiwordTokens: multiwordTokens)
    }
}

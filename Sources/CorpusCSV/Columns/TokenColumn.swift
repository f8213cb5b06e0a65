import CorpusModel

/// A column of a token table (`--table tokens`): one row per token (syntactic word), for
/// pandas and R analyses such as lemma counts per speaker.
///
/// Default columns: `doc_id`, `block_id`, `sentence_id`, `n` (the token's 1-based number in
/// its sentence, the CoNLL-U ID), `form`, `lemma`, `upos`, `xpos`, `feats`, `head` (0 = root),
/// `deprel`, `space_after` (`true`/`false`), `speaker` (the block attribute `speaker`, e.g.
/// TEI `u@who`). More with `columns`: `token_id` (`SENTENCE.wN`), `deps`, `misc`, `kind`,
/// `attr:NAME` (token attribute NAME, e.g. `ner` or `msd`, else the sentence's, else the
/// block's) and every sentence-table column (`text`, `block_kind`, `title`, `meta:NAME`, …).
/// An annotation the token lacks is an empty cell.
public enum TokenColumn: Sendable, Hashable, CustomStringConvertible {
    case tokenID, number, form, lemma, upos, xpos, feats, head, deprel, deps, misc, spaceAfter, kind, speaker
    /// A token attribute, else a sentence or block attribute.
    case attribute(String)
    /// A column about the token's sentence, block or document.
    case sentence(SentenceColumn)

    /// The columns written by default.
    public static let defaults: [TokenColumn] = [
        .sentence(.documentID), .sentence(.blockID), .sentence(.sentenceID), .number, .form, .lemma, .upos, .xpos,
        .feats, .head, .deprel, .spaceAfter, .speaker,
    ]

    static let tokenFields: [TokenColumn] = [
        .tokenID, .number, .form, .lemma, .upos, .xpos, .feats, .head, .deprel, .deps, .misc, .spaceAfter, .kind, .speaker,
    ]

    private static let byName: [String: TokenColumn] = Dictionary(uniqueKeysWithValues: tokenFields.map { ($0.name, $0) })

    /// The name used in headers and in the `columns` option.
    public var name: String {
        switch self {
        case .tokenID: "token_id"
        case .number: "n"
        case .form: "form"
        case .lemma: "lemma"
        case .upos: "upos"
        case .xpos: "xpos"
        case .feats: "feats"
        case .head: "head"
        case .deprel: "deprel"
        case .deps: "deps"
        case .misc: "misc"
        case .spaceAfter: "space_after"
        case .kind: "kind"
        case .speaker: "speaker"
        case .attribute(let key): "attr:\(key)"
        case .sentence(let column): column.name
        }
    }

    public var description: String { name }

    /// The header: an attribute by its bare name unless that is another column's name.
    var header: String {
        if case .attribute(let key) = self, Self.byName[key] == nil, SentenceColumn(optionName: key) == nil {
            return key
        }
        if case .sentence(let column) = self { return column.header }
        return name
    }

    /// A name from the `columns` option: a token field, `attr:NAME`, or a sentence-table column.
    public init?(optionName raw: String) {
        let name = raw.trimmingSpaces()
        if let field = Self.byName[name.lowercased()] {
            self = field
        } else if name.hasPrefix("attr:"), name.count > 5 {
            self = .attribute(String(name.dropFirst(5)))
        } else if let column = SentenceColumn(optionName: name) {
            self = .sentence(column)
        } else {
            return nil
        }
    }

    /// Parses the comma-separated `columns` option; a `.usage` error names an unknown column.
    static func parseList(_ list: String) throws -> [TokenColumn] {
        var columns: [TokenColumn] = []
        for part in list.split(separator: ",", omittingEmptySubsequences: false) {
            guard let column = TokenColumn(optionName: String(part)) else {
                throw CorpusError(
                    .usage,
                    "unknown column '\(part.trimmingSpaces())' in option 'columns' of a token table; known columns: "
                        + tokenFields.map(\.name).joined(separator: ", ") + ", attr:NAME, and the sentence-table columns")
            }
            if columns.contains(column) {
                throw CorpusError(.usage, "column '\(column.name)' appears twice in option 'columns'")
            }
            columns.append(column)
        }
        return columns
    }
}

import CorpusModel

/// A column of a sentence table: what the writer can put in a row and what
/// the reader understands when it meets the name in a header.
///
/// Rebuilding columns (the default set, in this order):
/// `doc_id`, `block_id`, `block_kind` (`heading`, `paragraph`, `quote`, `item`,
/// `note`), `level` (heading level, empty for other kinds), `sentence_id`,
/// `sentence_n` (1-based number in its block; `0` on the one row that stands
/// for a block without sentences), `text`, `doc_meta` (the document's metadata
/// as JSON on the document's first row, empty on the others; see
/// ``MetadataCell``).
///
/// Analysis columns: `token_count` and `tokens` (token forms joined by one
/// space; empty when not tokenized), `char_start` / `char_end` (the
/// sentence's place in its block's text, the sentences joined by one space, in
/// Unicode scalars, 0-based, end exclusive: Python's `block[start:end]`),
/// `language` (the block's language, else the document's), `block_lang` (the
/// block's own language), `title`, `authors` (joined by `; `), `date`,
/// `source`, `licence`, `speaker` (the block attribute `speaker`, e.g. TEI `u@who`,
/// else the sentence attribute; read back as the block's `speaker`). Two open families: `attr:NAME` (sentence attribute
/// NAME, else block attribute NAME; the header says just `NAME`) and
/// `meta:NAME` (document metadata pair NAME; the header keeps `meta:NAME`).
public enum SentenceColumn: Sendable, Hashable, CustomStringConvertible {
    case documentID, blockID, blockKind, level, sentenceID, sentenceNumber, text, documentMetadata
    case tokenCount, tokens, charStart, charEnd, language, blockLanguage
    case title, authors, date, source, licence, speaker
    /// A sentence (or block) attribute, e.g. an annotator's extra column.
    case attribute(String)
    /// A free document metadata pair (``Metadata/extra``).
    case metadata(String)

    /// The columns written by default: enough to rebuild documents, blocks and metadata in order.
    public static let defaults: [SentenceColumn] = [
        .documentID, .blockID, .blockKind, .level, .sentenceID, .sentenceNumber, .text, .documentMetadata,
    ]

    /// Every fixed column, for help texts.
    public static let fixed: [SentenceColumn] = defaults + [
        .tokenCount, .tokens, .charStart, .charEnd, .language, .blockLanguage,
        .title, .authors, .date, .source, .licence, .speaker,
    ]

    /// The name used in headers and in the `columns` option.
    public var name: String {
        switch self {
        case .documentID: "doc_id"
        case .blockID: "block_id"
        case .blockKind: "block_kind"
        case .level: "level"
        case .sentenceID: "sentence_id"
        case .sentenceNumber: "sentence_n"
        case .text: "text"
        case .documentMetadata: "doc_meta"
        case .tokenCount: "token_count"
        case .tokens: "tokens"
        case .charStart: "char_start"
        case .charEnd: "char_end"
        case .language: "language"
        case .blockLanguage: "block_lang"
        case .title: "title"
        case .authors: "authors"
        case .date: "date"
        case .source: "source"
        case .licence: "licence"
        case .speaker: "speaker"
        case .attribute(let key): "attr:\(key)"
        case .metadata(let key): "meta:\(key)"
        }
    }

    public var description: String { name }

    /// What the writer puts in the header: attributes go by their bare name
    /// unless that name would be read back as another column.
    var header: String {
        if case .attribute(let key) = self, Self.fixedByName[key] == nil, !key.hasPrefix("meta:"),
            !key.hasPrefix("attr:")
        {
            return key
        }
        return name
    }

    private static let fixedByName: [String: SentenceColumn] = Dictionary(
        uniqueKeysWithValues: fixed.map { ($0.name, $0) })

    /// A name from the `columns` option: a fixed name, `attr:NAME` or `meta:NAME`; nil when unknown.
    public init?(optionName raw: String) {
        let name = raw.trimmingSpaces()
        if let fixed = Self.fixedByName[name.lowercased()] {
            self = fixed
        } else if name.hasPrefix("attr:"), name.count > 5 {
            self = .attribute(String(name.dropFirst(5)))
        } else if name.hasPrefix("meta:"), name.count > 5 {
            self = .metadata(String(name.dropFirst(5)))
        } else {
            return nil
        }
    }

    /// What a header name means to the reader: a fixed column (case and
    /// surrounding spaces ignored), a metadata pair, or else a sentence attribute.
    init(headerName raw: String) {
        if let known = SentenceColumn(optionName: raw) {
            self = known
        } else {
            self = .attribute(raw)
        }
    }

    /// Whether `name` is one of the fixed column names (for sniffing and header detection).
    static func isFixedName(_ name: String) -> Bool { fixedByName[name.trimmingSpaces().lowercased()] != nil }

    /// Parses the comma-separated `columns` option; a `.usage` error names an unknown column.
    static func parseList(_ list: String) throws -> [SentenceColumn] {
        var columns: [SentenceColumn] = []
        for part in list.split(separator: ",", omittingEmptySubsequences: false) {
            guard let column = SentenceColumn(optionName: String(part)) else {
                throw CorpusError(
                    .usage,
                    "unknown column '\(part.trimmingSpaces())' in option 'columns'; known columns: "
                        + fixed.map(\.name).joined(separator: ", ") + ", attr:NAME, meta:NAME")
            }
            if columns.contains(column) {
                throw CorpusError(.usage, "column '\(column.name)' appears twice in option 'columns'")
            }
            columns.append(column)
        }
        return columns
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs (no copy when there are none).
    func trimmingSpaces() -> String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 { return self }
        return self[...].trimmingSpaces()
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}

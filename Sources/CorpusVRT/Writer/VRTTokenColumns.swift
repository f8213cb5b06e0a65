import CorpusModel

/// The positional attributes of one token line: a token, or a multiword token whose
/// parts' values are joined with `|` (ParlaMint's `du  de|le  de|le  ADP|DET …`; two
/// equal values collapse to one, as ParlaMint's `join-annotations` does).
struct VRTTokenColumns {
    let tokens: [Token]
    let attributes: [PositionalAttribute]

    /// The column values for tokens `range` (0-based), `surface` being the multiword form if any.
    func values(for range: ClosedRange<Int>, surface: String?) -> [String] {
        attributes.map { attribute in
            if attribute == .word, let surface { return surface }
            if range.count == 1 { return value(attribute, at: range.lowerBound) }
            let parts = range.map { value(attribute, at: $0) }
            if parts.count == 2, parts[0] == parts[1], !parts[0].isEmpty { return parts[0] }
            return parts.joined(separator: "|")
        }
    }

    /// One column of token `i`. Missing values are `-`, except FEATS, which is empty
    /// (ParlaMint's convention); FEATS are separated by spaces, CWB's multi-value form.
    func value(_ attribute: PositionalAttribute, at i: Int) -> String {
        let t = tokens[i]
        switch attribute {
        case .word: return t.form
        case .norm: return t.attribute("norm") ?? t.form
        case .lemma: return t.lemma ?? "-"
        case .upos: return t.upos ?? "-"
        case .xpos: return t.xpos ?? "-"
        case .feats: return Self.spaced(t.feats)
        case .id: return "w\(i + 1)"
        case .n: return "\(i + 1)"
        case .head: return t.head.map(String.init) ?? "-"
        case .deprel: return t.deprel ?? "-"
        case .deps: return t.deps ?? "-"
        case .misc: return t.misc ?? "-"
        case .ner: return t.attribute("ner") ?? "O"
        case .headLemma: return head(of: t).map { $0.lemma ?? "-" } ?? "-"
        case .headUPOS: return head(of: t).map { $0.upos ?? "-" } ?? "-"
        case .headFeats: return head(of: t).map { Self.spaced($0.feats) } ?? "-"
        case .headID: return t.head.flatMap { $0 >= 1 && $0 <= tokens.count ? "w\($0)" : nil } ?? "-"
        case .attribute(let name): return t.attribute(name) ?? "-"
        }
    }

    /// The head token, nil for the root, a missing head or one out of range.
    private func head(of t: Token) -> Token? {
        guard let h = t.head, h >= 1, h <= tokens.count else { return nil }
        return tokens[h - 1]
    }

    private static func spaced(_ feats: String?) -> String {
        guard let feats else { return "" }
        return String(feats.map { $0 == "|" ? " " : $0 })
    }
}

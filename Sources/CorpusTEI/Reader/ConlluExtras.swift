import CorpusModel

/// One `<span>` of a sentence's `<spanGrp type="CoNLL-U">`: what CoNLL-U has and TEI has
/// no element for — a token's MISC (`type="misc"`) or DEPS (`type="deps"`), an empty node
/// (`type="empty-node"`, its CoNLL-U line) or a comment line (`type="comment"`).
struct ConlluSpan {
    var type: String
    var target: String?
    var text: [UInt8] = []
}

/// Attaches a sentence's CoNLL-U spans to its tokens, ranges, empty nodes and comments.
struct ConlluExtras {
    var comments: [String] = []
    var emptyNodes: [EmptyNode] = []
    var attributes: [MetadataPair] = []

    /// The spans put in place; warnings for spans naming no token of the sentence.
    mutating func attach(
        _ spans: [ConlluSpan], tokens: inout [Token], multiwordTokens: inout [MultiwordToken],
        indexByID: [String: Int], rangeIndexByID: [String: Int]
    ) -> [MetadataPair] {
        var warnings: [MetadataPair] = []
        for span in spans {
            let text = String(decoding: span.text, as: UTF8.self)
            let target = span.target.map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
            switch span.type {
            case "comment":
                comments.append(text)
            case "attribute":
                attributes.append(MetadataPair(span.target ?? "", text))
            case "empty-node":
                if let node = Self.emptyNode(text) {
                    emptyNodes.append(node)
                } else {
                    warnings.append(MetadataPair("warning", "CoNLL-U empty node span is not a 10-column N.M line: \(text)"))
                }
            case "misc", "deps":
                if let t = target, let i = indexByID[t] {
                    if span.type == "misc" { tokens[i - 1].misc = text } else { tokens[i - 1].deps = text }
                } else if span.type == "misc", let t = target, let r = rangeIndexByID[t] {
                    multiwordTokens[r].misc = text
                } else {
                    warnings.append(MetadataPair("warning", "CoNLL-U \(span.type) span for '\(span.target ?? "")', not a token of this sentence"))
                }
            default:
                warnings.append(MetadataPair("warning", "unknown CoNLL-U span type '\(span.type)'"))
            }
        }
        return warnings
    }

    /// `5.1 FORM LEMMA UPOS XPOS FEATS _ _ DEPS MISC` (TAB-separated) as an empty node.
    static func emptyNode(_ line: String) -> EmptyNode? {
        let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard f.count == 10 else { return nil }
        let id = f[0].split(separator: ".")
        guard id.count == 2, let after = Int(id[0]), let index = Int(id[1]) else { return nil }
        func v(_ s: String) -> String? { s == "_" ? nil : s }
        return EmptyNode(
            after: after, index: index, form: v(f[1]), lemma: v(f[2]), upos: v(f[3]), xpos: v(f[4]), feats: v(f[5]),
            deps: v(f[8]), misc: v(f[9]))
    }

    /// The CoNLL-U line of an empty node (HEAD and DEPREL are `_`).
    static func line(of node: EmptyNode) -> String {
        [
            "\(node.after).\(node.index)", node.form ?? "_", node.lemma ?? "_", node.upos ?? "_", node.xpos ?? "_",
            node.feats ?? "_", "_", "_", node.deps ?? "_", node.misc ?? "_",
        ].joined(separator: "\t")
    }
}

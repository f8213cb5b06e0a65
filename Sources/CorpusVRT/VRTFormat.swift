import CorpusModel

/// CWB vertical text (VRT), as `cwb-encode` reads it and ParlaMint publishes it (`.vert`):
/// XML-like structure lines (`<text>`, `<speech>`, `<p>`, `<s>`, `<name>`, `<note/>`, the
/// `<g/>` glue between tokens with no space) and one token per line, its positional
/// attributes separated by TABs.
public enum VRTFormat {
    /// `vrt` (`.vrt`, `.vert`).
    public static let description = FormatDescription(
        name: "vrt", aliases: ["vert", "cwb"], extensions: ["vrt", "vert"], mediaType: "text/x-vrt",
        summary: "CWB vertical (VRT/.vert): <text>/<speech>/<p>/<s> structures, one token per line with p-attrs")

    /// The option naming the positional attributes, in order (`--p-attrs`).
    public static let positionalAttributesOption = "p-attrs"

    /// ParlaMint's 11 columns, the default: `word,norm,lemma,upos,feats,id,deprel,head_lemma,head_upos,head_feats,head_id`.
    public static let parlaMintAttributes: [PositionalAttribute] = [
        .word, .norm, .lemma, .upos, .feats, .id, .deprel, .headLemma, .headUPOS, .headFeats, .headID,
    ]

    /// The positional attributes `options` asks for (`p-attrs`), or ParlaMint's by default.
    public static func positionalAttributes(_ options: FormatOptions) throws -> [PositionalAttribute] {
        guard let list = options[positionalAttributesOption] else { return parlaMintAttributes }
        let names = list.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        guard !names.isEmpty else {
            throw CorpusError(.usage, "--p-attrs needs at least one attribute, e.g. word,lemma,upos")
        }
        var out: [PositionalAttribute] = []
        for name in names {
            guard let a = PositionalAttribute(name: name) else {
                throw CorpusError(
                    .usage,
                    "unknown positional attribute '\(name)' in --p-attrs; known: \(PositionalAttribute.knownNames.joined(separator: ", ")), attr:NAME")
            }
            out.append(a)
        }
        guard out.first == .word else {
            throw CorpusError(.usage, "--p-attrs must start with word (CWB's first positional attribute is the word form)")
        }
        return out
    }
}

/// One column of a VRT token line (a CWB positional attribute).
public enum PositionalAttribute: Sendable, Equatable, Hashable {
    /// The form (a multiword token's surface form); `norm` is the normalised form, the
    /// parts' forms for a multiword token (ParlaMint's second column).
    case word, norm
    /// Annotation fields; `feats` space-separated; `id` is `wN`, `n` is N; `head` the head's N.
    case lemma, upos, xpos, feats, id, n, head, deprel, deps, misc
    /// The entity label (`B-ORG`, `I-ORG`, `O`).
    case ner
    /// The head token's lemma, UPOS, features and id (`-` for the root), as ParlaMint writes them.
    case headLemma, headUPOS, headFeats, headID
    /// A token attribute by its name (`attr:msd`, `attr:ana`).
    case attribute(String)

    /// The names `--p-attrs` accepts (besides `attr:NAME`).
    public static let knownNames = [
        "word", "norm", "lemma", "upos", "xpos", "feats", "id", "n", "head", "deprel", "deps", "misc", "ner",
        "head_lemma", "head_upos", "head_feats", "head_id",
    ]

    /// The attribute `name` names (`head_lemma`, `attr:msd`…), or nil for an unknown name.
    public init?(name: String) {
        switch name {
        case "word": self = .word
        case "norm": self = .norm
        case "lemma": self = .lemma
        case "upos", "pos": self = .upos
        case "xpos": self = .xpos
        case "feats": self = .feats
        case "id": self = .id
        case "n": self = .n
        case "head": self = .head
        case "deprel": self = .deprel
        case "deps": self = .deps
        case "misc": self = .misc
        case "ner": self = .ner
        case "head_lemma": self = .headLemma
        case "head_upos": self = .headUPOS
        case "head_feats": self = .headFeats
        case "head_id": self = .headID
        default:
            guard name.hasPrefix("attr:"), name.count > 5 else { return nil }
            self = .attribute(String(name.dropFirst(5)))
        }
    }

    /// The name as `--p-attrs` spells it.
    public var name: String {
        switch self {
        case .word: "word"
        case .norm: "norm"
        case .lemma: "lemma"
        case .upos: "upos"
        case .xpos: "xpos"
        case .feats: "feats"
        case .id: "id"
        case .n: "n"
        case .head: "head"
        case .deprel: "deprel"
        case .deps: "deps"
        case .misc: "misc"
        case .ner: "ner"
        case .headLemma: "head_lemma"
        case .headUPOS: "head_upos"
        case .headFeats: "head_feats"
        case .headID: "head_id"
        case .attribute(let n): "attr:\(n)"
        }
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

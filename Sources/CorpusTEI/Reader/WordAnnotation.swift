import CorpusModel

/// What a TEI `<w>`/`<pc>` says about itself beyond its text: `@lemma`, `@pos`, `@msd`,
/// `@ana`, `@norm` and its `xml:id` (the target of `UD-SYN` links).
///
/// ParlaMint writes Universal Dependencies tags in `@msd` as `UPosTag=NOUN|Case=Nom|…`:
/// `UPosTag` becomes the token's UPOS and the rest its FEATS, so the raw `@msd` is kept
/// only when it is something else (a MULTEXT-East tag, say). `@pos` is the XPOS.
struct WordAnnotation {
    var xmlID: String?
    var lemma: String?
    var pos: String?
    var msd: String?
    var ana: String?
    var norm: String?

    init(_ attributes: XMLAttributes) {
        xmlID = attributes.xmlValue("id")
        lemma = attributes.value("lemma")
        pos = attributes.value("pos")
        msd = attributes.value("msd")
        ana = attributes.value("ana")
        norm = attributes.value("norm")
    }

    /// Whether the element carries any linguistic annotation.
    var isAnnotated: Bool { lemma != nil || pos != nil || msd != nil || ana != nil }

    /// Sets `token`'s annotation fields and attributes from these attributes.
    ///
    /// `isPunctuationElement`: a `<pc>` with annotation but no `@lemma` takes its form as
    /// lemma, as ParlaMint's own CoNLL-U conversion does (its `pc`s never carry `@lemma`).
    func apply(to token: inout Token, isPunctuationElement: Bool, keepNorm: Bool) {
        token.lemma = lemma
        if token.lemma == nil, isPunctuationElement, isAnnotated { token.lemma = token.form }
        token.xpos = pos
        var attributes: [MetadataPair] = []
        if let msd {
            if let (upos, feats) = Self.universalTags(msd) {
                token.upos = upos
                token.feats = feats
            } else {
                attributes.append(MetadataPair("msd", msd))
            }
        }
        if let ana { attributes.append(MetadataPair("ana", ana)) }
        if keepNorm, let norm { attributes.append(MetadataPair("norm", norm)) }
        token.attributes.append(contentsOf: attributes)
        if let kind = TokenKind(upos: token.upos), token.kind == .word || token.kind == .punctuation {
            token.kind = kind
        }
    }

    /// `UPosTag=NOUN|Case=Nom` → (`NOUN`, `Case=Nom`); nil when `msd` does not start with `UPosTag=`.
    static func universalTags(_ msd: String) -> (upos: String?, feats: String?)? {
        guard msd.hasPrefix("UPosTag=") else { return nil }
        let rest = msd.dropFirst("UPosTag=".count)
        let bar = rest.firstIndex(of: "|")
        let upos = String(bar.map { rest[..<$0] } ?? rest)
        let feats = bar.map { String(rest[rest.index(after: $0)...]) }
        return (upos.isEmpty || upos == "_" ? nil : upos, feats?.isEmpty == false ? feats : nil)
    }
}

/// One `<link ana="ud-syn:REL" target="#HEAD #DEP"/>` of a sentence's `UD-SYN` link group.
struct PendingDependency {
    var relation: String?
    var head: String
    var dependent: String

    /// Reads a link; nil when it is not a two-pointer link.
    init?(ana: String?, target: String?) {
        guard let target else { return nil }
        let pointers = target.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard pointers.count == 2 else { return nil }
        if let ana {
            var rel = Substring(ana)
            if let colon = rel.firstIndex(of: ":") { rel = rel[rel.index(after: colon)...] }
            // ParlaMint spells subtypes with '_' (`nsubj_pass`) because the taxonomy needs ids; UD writes ':'.
            relation = rel.replacingOccurrences(of: "_", with: ":")
        }
        head = Self.local(pointers[0])
        dependent = Self.local(pointers[1])
    }

    private static func local(_ pointer: Substring) -> String {
        pointer.hasPrefix("#") ? String(pointer.dropFirst()) : String(pointer)
    }
}

extension StringProtocol {
    /// `self` with every `target` character replaced (no Foundation in the reader).
    fileprivate func replacingOccurrences(of target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}

/// Speaker pointers: `who="#PA332747"` → `PA332747` (several are joined by a space;
/// percent-escapes are decoded, so `#de%20Rugy` → `de Rugy`).
enum SpeakerPointer {
    static func speaker(fromWho who: String) -> String {
        who.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .map { percentDecoded($0.hasPrefix("#") ? $0.dropFirst() : $0) }
            .joined(separator: " ")
    }

    /// `speaker` as a `who` value: `#` plus the speaker with spaces, `%`, `#` and `"` escaped.
    static func who(forSpeaker speaker: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = [0x23]
        for b in speaker.utf8 {
            switch b {
            case 0x20, 0x25, 0x23, 0x09, 0x0A, 0x0D:
                out += [0x25, hex[Int(b >> 4)], hex[Int(b & 15)]]
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func percentDecoded(_ s: Substring) -> String {
        guard s.contains("%") else { return String(s) }
        var bytes: [UInt8] = []
        var it = Array(s.utf8)[...]
        while let b = it.popFirst() {
            if b == 0x25, it.count >= 2, let v = UInt8(String(decoding: it.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(v)
                it = it.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

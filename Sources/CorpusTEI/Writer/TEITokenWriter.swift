import CorpusModel

/// Writes the inside of one `<s>`: its `<w>`/`<pc>` tokens with their annotation, entity
/// spans as `<name type>`, multiword tokens as a `<w>` holding its syntactic words, and
/// the dependency tree as a `<linkGrp type="UD-SYN">`, following ParlaMint's encoding.
///
/// On tokens: `@lemma`; `@pos` from XPOS; `@msd` as `UPosTag=UPOS|FEATS` (else the
/// token's `msd` attribute); `@norm` and `@ana` from the attributes of those names;
/// `join="right"` where no space follows. A `<pc>` whose lemma is its form gets no
/// `@lemma` (ParlaMint's convention, read back the same way). Entity labels (`ner`
/// attribute, `B-TYPE`/`I-TYPE`) become `<name type="TYPE">` around their tokens.
/// Dependencies become `<link ana="ud-syn:REL" target="#HEAD #DEPENDENT"/>` (`:` in a
/// relation is written `_`, `nsubj_pass`, as ParlaMint's taxonomy ids need; the root's
/// head is the sentence). What CoNLL-U has and TEI has no element for — MISC and DEPS
/// of a token or range, empty nodes, comment lines — goes to a `<spanGrp type="CoNLL-U">`
/// of `<span type="misc|deps|empty-node|comment" target="#TOKEN">` (text as written;
/// sentence attributes as `<span type="attribute" n="KEY">`),
/// so CoNLL-U → TEI → CoNLL-U keeps every column.
struct TEITokenWriter {
    let xml: XMLMarkupWriter
    let sentenceID: String
    let tokens: [Token]
    let multiwordTokens: [MultiwordToken]
    var comments: [String] = []
    var emptyNodes: [EmptyNode] = []
    /// The sentence's attributes (a CoNLL-U `sent_id` that is no NCName, extra table columns).
    var sentenceAttributes: [MetadataPair] = []

    /// One surface unit: a token, or a multiword range of tokens.
    func write() throws {
        let units = SurfaceUnit.units(of: tokens, multiwordTokens: multiwordTokens)
        var openEntity: String? = nil
        for (u, unit) in units.enumerated() {
            let label = tokens[unit.range.lowerBound].attribute("ner")
            let entity = EntityLabel(label)
            let (begins, type) = (entity.begins, entity.type)
            if openEntity != nil, type == nil || begins || type != openEntity {
                try xml.end("name")
                openEntity = nil
            }
            if let type, openEntity == nil, Self.isEntityType(type) {
                try xml.start("name", [("type", type)])
                openEntity = type
            }
            if let mwt = unit.multiword {
                try writeMultiword(mwt, range: unit.range)
            } else {
                try writeToken(at: unit.range.lowerBound, spaceAfter: unit.spaceAfter)
            }
            // Close an entity before the space that follows its last token.
            if openEntity != nil {
                let next = EntityLabel(u + 1 < units.count ? tokens[units[u + 1].range.lowerBound].attribute("ner") : nil)
                if next.type == nil || next.begins || next.type != openEntity {
                    try xml.end("name")
                    openEntity = nil
                }
            }
            if unit.spaceAfter && u < units.count - 1 { try xml.raw(" ") }
        }
        if openEntity != nil { try xml.end("name") }
        try writeDependencies()
        try writeConlluSpans(units)
    }

    // MARK: entities

    private static func isEntityType(_ type: String) -> Bool { TEIDocumentWriter.isToken(type) }

    // MARK: tokens

    private func tokenID(_ index: Int) -> String { CorpusID.token(sentenceID, index + 1) }

    private func writeToken(at index: Int, spaceAfter: Bool) throws {
        let token = tokens[index]
        var attributes: [(String, String)] = [("xml:id", tokenID(index))]
        let name: String
        let derived = TokenKind(upos: token.upos)
        if let derived, derived == token.kind {
            name = token.kind == .punctuation ? "pc" : "w"  // the kind follows from UPOS: no @type
        } else {
            switch token.kind {
            case .word: name = "w"
            case .punctuation: name = "pc"
            case .symbol:
                name = "pc"
                attributes.append(("type", "symbol"))
            case .number, .url, .other:
                name = "w"
                attributes.append(("type", token.kind.rawValue))
            }
        }
        annotationAttributes(of: token, isPunctuation: name == "pc", norm: token.attribute("norm"), into: &attributes)
        if !spaceAfter { attributes.append(("join", "right")) }
        try xml.element(name, attributes, text: token.form)
    }

    /// `<w xml:id="S.w3-4">du<w xml:id="S.w3" norm="de" …/><w xml:id="S.w4" norm="le" …/></w>`.
    private func writeMultiword(_ mwt: MultiwordToken, range: ClosedRange<Int>) throws {
        var attributes: [(String, String)] = [("xml:id", "\(sentenceID).w\(range.lowerBound + 1)-\(range.upperBound + 1)")]
        if !mwt.spaceAfter { attributes.append(("join", "right")) }
        try xml.start("w", attributes)
        try xml.text(mwt.form)
        for index in range {
            var part: [(String, String)] = [("xml:id", tokenID(index))]
            annotationAttributes(of: tokens[index], isPunctuation: false, norm: tokens[index].form, into: &part)
            try xml.start("w", part, empty: true)
        }
        try xml.end("w")
    }

    private func annotationAttributes(
        of token: Token, isPunctuation: Bool, norm: String?, into attributes: inout [(String, String)]
    ) {
        if let lemma = token.lemma, !(isPunctuation && lemma == token.form) { attributes.append(("lemma", lemma)) }
        if let xpos = token.xpos { attributes.append(("pos", xpos)) }
        if token.upos != nil || token.feats != nil {
            var msd = "UPosTag=" + (token.upos ?? "_")
            if let feats = token.feats { msd += "|" + feats }
            attributes.append(("msd", msd))
        } else if let msd = token.attribute("msd") {
            attributes.append(("msd", msd))
        }
        if let norm { attributes.append(("norm", norm)) }
        if let ana = token.attribute("ana") { attributes.append(("ana", ana)) }
    }

    // MARK: CoNLL-U extras

    private func writeConlluSpans(_ units: [SurfaceUnit]) throws {
        var spans: [(type: String, target: String?, text: String)] = []
        for pair in sentenceAttributes { spans.append(("attribute", pair.key, pair.value)) }
        for unit in units {
            if let mwt = unit.multiword, let misc = mwt.misc {
                spans.append(("misc", "#\(sentenceID).w\(unit.range.lowerBound + 1)-\(unit.range.upperBound + 1)", misc))
            }
            for i in unit.range {
                if let misc = tokens[i].misc { spans.append(("misc", "#" + tokenID(i), misc)) }
                if let deps = tokens[i].deps { spans.append(("deps", "#" + tokenID(i), deps)) }
            }
        }
        for node in emptyNodes { spans.append(("empty-node", nil, ConlluExtras.line(of: node))) }
        for comment in comments { spans.append(("comment", nil, comment)) }
        guard !spans.isEmpty else { return }
        try xml.start("spanGrp", [("type", "CoNLL-U")])
        for span in spans {
            var attributes = [("type", span.type)]
            if let target = span.target { attributes.append((span.type == "attribute" ? "n" : "target", target)) }
            try xml.start("span", attributes)
            try xml.text(span.text)
            try xml.end("span")
        }
        try xml.end("spanGrp")
    }

    // MARK: dependencies

    private func writeDependencies() throws {
        guard tokens.contains(where: { $0.head != nil }) else { return }
        try xml.start("linkGrp", [("type", "UD-SYN"), ("targFunc", "head argument")])
        for (index, token) in tokens.enumerated() {
            guard let head = token.head, head >= 0, head <= tokens.count else { continue }
            let headID = head == 0 ? sentenceID : tokenID(head - 1)
            var attributes: [(String, String)] = []
            if let deprel = token.deprel {
                attributes.append(("ana", "ud-syn:" + String(deprel.map { $0 == ":" ? "_" : $0 })))
            }
            attributes.append(("target", "#\(headID) #\(tokenID(index))"))
            try xml.start("link", attributes, empty: true)
        }
        try xml.end("linkGrp")
    }
}

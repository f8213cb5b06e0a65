import CorpusModel

/// Writes one `TEI` element: the header from the metadata, then the blocks as
/// they arrive, with `div`s opened and closed from heading levels.
final class TEIDocumentWriter {
    private let xml: XMLMarkupWriter
    private let settings: TEIWriterSettings
    /// Indentation depth of the `TEI` element (1 inside `teiCorpus`).
    private let base: Int
    private let fileName: String

    private var divDepth = 0
    private var inList = false
    /// The `<u>` open now: its speaker, `ana` and utterance id (see ``UtteranceKey``).
    private var openUtterance: UtteranceKey?
    /// `u`, or `sp` for a run that starts with a `speaker` block (drama).
    private var speechElement = "u"
    private var utteranceIDs = Set<String>()
    /// Whether `body` has something besides notes (TEI requires a paragraph-like element or a div).
    private var bodyHasContent = false

    init(xml: XMLMarkupWriter, settings: TEIWriterSettings, depth: Int, fileName: String) {
        self.xml = xml
        self.settings = settings
        self.base = depth
        self.fileName = fileName
    }

    private var bodyDepth: Int { base + 2 }
    /// Depth of the element that holds the next block.
    private var blockDepth: Int { bodyDepth + divDepth + (inList ? 1 : 0) + (openUtterance != nil ? 1 : 0) + 1 }

    func start(_ start: DocumentStart, rootNamespace: Bool) throws {
        guard CorpusID.isNCName(start.id) else {
            throw CorpusError(.invalid, "document id '\(start.id)' is not an XML NCName (needed for xml:id)", file: fileName)
        }
        var attributes: [(String, String)] = []
        if rootNamespace { attributes.append(("xmlns", LibXMLNames.tei)) }
        attributes.append(("xml:id", start.id))
        if base > 0 { try xml.newline(base) }
        try xml.start("TEI", attributes)
        try TEIHeaderWriter(xml: xml, depth: base + 1, fileName: fileName).write(start.metadata)
        try xml.newline(base + 1)
        if let lang = start.metadata.language {
            try xml.start("text", [("xml:lang", lang)])
        } else {
            try xml.start("text")
        }
        try xml.newline(bodyDepth)
        try xml.start("body")
    }

    /// Writes `block`; with `rendered`, its sentences as ``TEIBlockRenderer``
    /// rendered them ahead (the block then has no content of its own).
    func write(_ block: Block, rendered: RenderedParts? = nil) throws {
        guard CorpusID.isNCName(block.id) else {
            throw CorpusError(.invalid, "block id '\(block.id)' is not an XML NCName (needed for xml:id)", file: fileName)
        }
        var attributes: [(String, String)] = [("xml:id", block.id)]
        if let lang = block.language {
            guard LanguageTag.isWellFormed(lang) else {
                throw CorpusError(.invalid, "block \(block.id): language '\(lang)' is not a BCP 47 tag", file: fileName)
            }
            attributes.append(("xml:lang", lang))
        }
        let utterance = UtteranceKey(block)
        if utterance != openUtterance || block.kind.headingLevel != nil || block.kind == .listItem {
            try closeUtterance()
        }
        if block.kind.headingLevel == nil && block.kind != .listItem, let utterance, openUtterance == nil {
            try closeList()
            try openUtterance(utterance, first: block)
        }
        let name: String
        switch block.kind {
        case .heading(let level):
            try closeList()
            try openDivs(for: max(1, level))
            name = "head"
        case .listItem:
            if !inList {
                try xml.newline(bodyDepth + divDepth + 1)
                try xml.start("list")
                inList = true
            }
            name = "item"
        case .paragraph:
            try closeList()
            if openUtterance == nil {
                name = "p"
            } else if speechElement == "sp" {
                name = block.attributes.contains(MetadataPair("tei", "speaker")) ? "speaker" : "p"
            } else {
                name = "seg"
            }
        case .quote:
            try closeList()
            name = "quote"
        case .note:
            try closeList()
            name = "note"
            if let type = block.attributes.first(where: { $0.key == "note-type" })?.value, Self.isToken(type) {
                attributes.append(("type", type))
            }
        }
        try xml.newline(blockDepth)
        if let rendered {
            try writeRendered(rendered, as: name, attributes)
        } else {
            try writeContent(of: block, as: name, attributes)
        }
        if block.kind != .note { bodyHasContent = true }
    }

    func finish() throws {
        try closeUtterance()
        try closeList()
        if !bodyHasContent {  // body needs content: an empty anonymous paragraph reads back as nothing
            try xml.newline(bodyDepth + divDepth + 1)
            try xml.start("p", empty: true)
        }
        while divDepth > 0 {
            try xml.newline(bodyDepth + divDepth)
            try xml.end("div")
            divDepth -= 1
        }
        try xml.newline(bodyDepth)
        try xml.end("body")
        try xml.newline(base + 1)
        try xml.end("text")
        try xml.newline(base)
        try xml.end("TEI")
    }

    // MARK: structure

    /// Opens `<u xml:id=… who=… ana=…>` for a run of blocks of one utterance, or `<sp>`
    /// when the run starts with a `speaker` block (a play: `sp/speaker`, as read).
    private func openUtterance(_ key: UtteranceKey, first block: Block) throws {
        var attributes: [(String, String)] = []
        speechElement = key.id == nil && block.attributes.contains(MetadataPair("tei", "speaker")) ? "sp" : "u"
        if let id = key.id, CorpusID.isNCName(id), !utteranceIDs.contains(id) {
            utteranceIDs.insert(id)
            attributes.append(("xml:id", id))
        }
        if let speaker = key.speaker, speechElement == "u" || speaker != block.plainText {
            attributes.append(("who", SpeakerPointer.who(forSpeaker: speaker)))
        }
        if let ana = key.ana, speechElement == "u" { attributes.append(("ana", ana)) }
        try xml.newline(blockDepth)
        try xml.start(speechElement, attributes)
        openUtterance = key
        bodyHasContent = true
    }

    private func closeUtterance() throws {
        guard openUtterance != nil else { return }
        openUtterance = nil
        try xml.newline(blockDepth)
        try xml.end(speechElement)
    }

    /// Whether `s` is a TEI `teidata.enumerated` value (no spaces or controls).
    static func isToken(_ s: String) -> Bool {
        !s.isEmpty && !s.unicodeScalars.contains { $0.properties.generalCategory == .spaceSeparator || $0.value < 0x21 }
    }

    private func closeList() throws {
        guard inList else { return }
        try xml.newline(bodyDepth + divDepth + 1)
        try xml.end("list")
        inList = false
    }

    /// Closes divs at `level` and deeper, then opens divs down to `level`.
    private func openDivs(for level: Int) throws {
        while divDepth >= level {
            try xml.newline(bodyDepth + divDepth)
            try xml.end("div")
            divDepth -= 1
        }
        while divDepth < level {
            divDepth += 1
            try xml.newline(bodyDepth + divDepth)
            try xml.start("div")
        }
    }

    // MARK: blocks

    private func writeContent(of block: Block, as name: String, _ attributes: [(String, String)]) throws {
        switch block.content {
        case .text(let text):
            try xml.element(name, attributes, text: text)
        case .sentences(let sentences):
            if sentences.isEmpty {
                try xml.start(name, attributes, empty: true)
                return
            }
            try xml.start(name, attributes)
            for index in sentences.indices {
                try xml.newline(blockDepth + 1)
                try write(sentences, index, in: block)
            }
            try xml.newline(blockDepth)
            try xml.end(name)
        }
    }

    /// The bytes of ``writeContent(of:as:_:)`` for sentences rendered ahead, one part each.
    private func writeRendered(_ parts: RenderedParts, as name: String, _ attributes: [(String, String)]) throws {
        try xml.start(name, attributes)
        for index in 0..<parts.count {
            try xml.newline(blockDepth + 1)
            try xml.raw(parts[index])
        }
        try xml.newline(blockDepth)
        try xml.end(name)
    }

    /// Sentence `index` of `sentences`, read in place: a copy of each `Sentence`
    /// (seven reference-counted fields) cost ~350 instructions a sentence.
    private func write(_ sentences: [Sentence], _ index: Int, in block: Block) throws {
        let id = sentences[index].id.isEmpty ? CorpusID.sentence(block.id, index + 1) : sentences[index].id
        guard CorpusID.isNCName(id) else {
            throw CorpusError(.invalid, "sentence id '\(id)' is not an XML NCName (needed for xml:id)", file: fileName)
        }
        guard settings.tokens, let tokens = sentences[index].tokens, !tokens.isEmpty else {
            try xml.sentence(ncNameID: id, text: sentences[index].text)
            return
        }
        let sentence = sentences[index]
        try xml.start("s", [("xml:id", id)])
        try TEITokenWriter(
            xml: xml, sentenceID: id, tokens: tokens, multiwordTokens: sentence.multiwordTokens,
            comments: sentence.comments, emptyNodes: sentence.emptyNodes, sentenceAttributes: sentence.attributes
        ).write()
        try xml.end("s")
    }
}

import CorpusModel

/// The SAX state machine behind ``TEIReader``: tracks documents, the header,
/// the element stack and the blocks under construction, and emits events.
final class TEIStreamHandler: SAXEventHandler {
    let sink: any CorpusEventSink
    let settings: TEIReaderSettings
    let input: InputSource
    /// Which files `xi:include` may reach from this one.
    let scope: XIncludeScope
    /// `xi:include`s not followed (xinclude=false, or inside a document), including nested files'.
    var skippedIncludes = 0
    /// Whether this document's `front`/`body`/`back` sit directly under `TEI` (no `text`).
    var textIsImplicit = false
    /// Where the parser is, for errors raised here.
    var locate: () -> SourceLocation? = { nil }

    enum FrameKind {
        case corpus, root, text, bodyLike, container, division, inlineBlock, block, note, sentence, token, tokenOutsideSentence(joinsRight: Bool)
        /// `u` or `sp`: a container whose blocks get the speaker attributes.
        case speech
        /// A `w`/`pc` inside a `w`; an outermost `name` inside a sentence; a `linkGrp` (`ud`: of type UD-SYN).
        case tokenPart, entity, linkGroup(ud: Bool)
        /// A `spanGrp` inside a sentence (`conllu`: of type CoNLL-U) and one of its spans.
        case spanGroup(conllu: Bool), conlluSpan
        case inline, choice, choiceAlternative, xincludeMissing(href: String, location: SourceLocation?)
        case xincludeFallbackTaken(href: String), fallback
    }
    // Touched on every SAX event on one thread: no dynamic exclusivity checks.
    @exclusivity(unchecked) var frames: [FrameKind] = []
    /// > 0 inside a subtree whose content is not read.
    @exclusivity(unchecked) var skipDepth = 0
    /// > 0 inside a `teiHeader`.
    @exclusivity(unchecked) var headerDepth = 0
    var header: TEIHeaderCollector?
    var readingCorpusHeader = false
    /// The header being read: the `teiCorpus` one or the current document's.
    var activeHeader: TEIHeaderCollector? { readingCorpusHeader ? corpusHeader : header }

    // The document being read.
    var documentOpen = false
    var documentStarted = false
    var rootAttributes: [(name: String, value: String)] = []
    var documentID = "doc"
    var blockCount = 0
    /// Block (and document) ids given out in this document, as 8-byte hashes so memory
    /// stays small on huge documents; sentence ids are kept unique within their block.
    var usedIDs = IDSet()
    var divDepth = 0
    // Touched on every SAX event on one thread: no dynamic exclusivity checks.
    @exclusivity(unchecked) var inText = false
    @exclusivity(unchecked) var blocks: [BlockUnderConstruction] = []
    @exclusivity(unchecked) var choices: [ChoiceCapture] = []
    /// Roles of the element names seen last.
    @exclusivity(unchecked) var roles = RecentRoles()
    /// The `u`/`sp` elements open now, innermost last.
    var speeches: [SpeechContext] = []

    // The corpus around it.
    var corpusDepth = 0
    var corpusHeader: TEIHeaderCollector?
    var corpusAttributes: [(name: String, value: String)] = []
    var ignoredIncludes: [String] = []
    /// Documents emitted, including those read through XInclude.
    var documentsEmitted = 0
    var documentsInFile = 0
    var sawRoot = false

    init(sink: any CorpusEventSink, settings: TEIReaderSettings, input: InputSource, scope: XIncludeScope) {
        self.sink = sink
        self.settings = settings
        self.input = input
        self.scope = scope
    }

    func fail(_ kind: CorpusError.Kind, _ message: String) -> CorpusError {
        CorpusError(kind, message, file: input.name, location: locate())
    }

    // MARK: SAXEventHandler

    func startElement(_ name: String, namespace: XMLNamespaceKind, attributes: XMLAttributes) throws {
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        if headerDepth > 0 {
            headerDepth += 1
            if name == "lb" { activeHeader?.lineBreak() }
            activeHeader?.start(name, attributes: attributes)
            return
        }
        if !sawRoot {
            sawRoot = true
            guard name == "TEI" || name == "TEI.2" || name == "teiCorpus" else {
                throw fail(.structure, "the root element is <\(name)>, not <TEI>, <TEI.2> or <teiCorpus>: not a TEI document")
            }
        }
        if namespace == .xinclude {
            try xincludeStart(name, attributes: attributes)
            return
        }
        if inText {
            try textElementStart(name, namespace: namespace, attributes: attributes)
            return
        }
        switch name {
        case "teiCorpus":
            corpusDepth += 1
            if corpusDepth == 1 { corpusAttributes = attributes.all() }
            frames.append(.corpus)
        case "TEI", "TEI.2":
            guard !documentOpen else { throw fail(.structure, "<\(name)> inside another TEI document") }
            beginDocument(attributes)
            frames.append(.root)
        case "teiHeader":
            headerDepth = 1
            if documentOpen {
                readingCorpusHeader = false
            } else {
                readingCorpusHeader = true
                corpusHeader = TEIHeaderCollector()
            }
        case "text" where documentOpen:
            try startText(attributes)
            frames.append(.text)
        case "front" where documentOpen, "body" where documentOpen, "back" where documentOpen:
            try startImplicitText(name, attributes: attributes)
        default:
            if case .fallback? = frames.last {
                frames.append(.inline)
            } else {
                skipDepth = 1  // facsimile, standOff, sourceDoc…: not text
            }
        }
    }

    func endElement(_ name: String, namespace: XMLNamespaceKind) throws {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        if headerDepth > 0 {
            headerDepth -= 1
            if headerDepth > 0 { activeHeader?.end(name) }
            return
        }
        guard let frame = frames.popLast() else { return }
        switch frame {
        case .corpus:
            corpusDepth -= 1
            if corpusDepth == 0 { try finishCorpus() }
        case .root:
            try finishDocument()
        case .text:
            try closeImplicit()
            if !frames.contains(where: { if case .text = $0 { return true } else { return false } }) { inText = false }
        case .container:
            try closeImplicit()
        case .bodyLike:
            try closeImplicit()
            if textIsImplicit, case .root? = frames.last { inText = false }
        case .speech:
            try closeImplicit()
            speeches.removeLast()
        case .tokenPart:
            blocks.last?.sentence?.token?.inPart = false
        case .entity:
            blocks.last?.sentence?.entity = nil
        case .linkGroup, .spanGroup:
            break
        case .conlluSpan:
            if let sentence = blocks.last?.sentence, let span = sentence.span {
                blocks.last?.sentence?.conlluSpans.append(span)
                blocks.last?.sentence?.span = nil
            }
        case .inlineBlock:
            lineBreak(joins: false)
        case .division:
            try closeImplicit()
            divDepth -= 1
        case .block, .note:
            try closeTopBlock()
        case .sentence:
            blocks.last?.endSentence()
        case .token:
            blocks.last?.sentence?.endToken()
        case .tokenOutsideSentence(let joinsRight):
            if joinsRight { blocks.last?.text.joinWithoutSpace() }
        case .inline:
            break
        case .choice:
            guard let choice = choices.popLast() else { return }
            let chosen = choice.resolve(preferring: settings.preferredAlternatives)
            if !chosen.isEmpty {
                var s = chosen
                try s.withUTF8 { try routeText($0) }
            }
        case .choiceAlternative:
            if !choices.isEmpty { choices[choices.count - 1].current = nil }
        case .xincludeMissing(let href, let location):
            throw CorpusError(.io, "XInclude target '\(href)' not found and no xi:fallback given", file: input.name, location: location)
        case .fallback, .xincludeFallbackTaken:
            break
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) throws {
        if skipDepth > 0 { return }
        if headerDepth > 0 {
            activeHeader?.characters(text)
            return
        }
        try routeText(text)
    }

    func unexpandedEntity(_ name: String, systemID: String?) throws {
        if let systemID {
            throw fail(
                .unsafe,
                "external entity '&\(name);' (SYSTEM \"\(systemID)\") is not loaded: CorpusKit never reads external entities")
        }
        guard settings.entities == .keep else {
            throw fail(
                .structure,
                "entity '&\(name);' is not declared in the document (its declaration is in an external DTD, which is never loaded); the default entities=keep keeps it as the text '&\(name);'")
        }
        if skipDepth > 0 { return }
        var literal = "&\(name);"
        let warning = MetadataPair(
            "warning", "entity &\(name); is declared only in an external DTD (not read): kept as the text &\(name);")
        if headerDepth > 0 {
            activeHeader?.endLooseText()  // the literal stays a value of its own, as it always was
            literal.withUTF8 { activeHeader?.characters($0) }
            activeHeader?.addWarning(warning)
            return
        }
        try literal.withUTF8 { try routeText($0) }
        if let block = blocks.last, !block.attributes.contains(warning) { block.attributes.append(warning) }
    }
}

/// The alternatives of a `<choice>`, collected until it ends.
struct ChoiceCapture {
    var alternatives: [(name: String, text: TextAccumulator)] = []
    var current: Int?

    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        if let i = current {
            alternatives[i].text.append(text)
        } else if let last = alternatives.indices.last, alternatives[last].name.isEmpty {
            // More of the same loose text (libxml2 may pass a text node in pieces).
            alternatives[last].text.append(text)
        } else if TextAccumulator.hasContent(text) {
            var t = TextAccumulator()
            t.append(text)
            alternatives.append(("", t))
        }
    }

    mutating func boundary() {
        if let i = current { alternatives[i].text.boundary() }
    }

    mutating func joinWithoutSpace() {
        if let i = current { alternatives[i].text.joinWithoutSpace() }
    }

    /// The preferred reading, else the first one with text.
    func resolve(preferring names: Set<String>) -> String {
        if let hit = alternatives.first(where: { names.contains($0.name) }) {
            var t = hit.text
            return t.take()
        }
        for alternative in alternatives where !alternative.text.isEmpty {
            var t = alternative.text
            return t.take()
        }
        return ""
    }
}

import CorpusModel

extension TEIStreamHandler {
    /// The file name without directory and extension, as an NCName (`doc` for streams).
    var fileStem: String { CorpusID.documentID(forInputNamed: input.name) }

    func beginDocument(_ attributes: XMLAttributes) {
        documentOpen = true
        documentStarted = false
        documentsInFile += 1
        rootAttributes = attributes.all()
        header = TEIHeaderCollector()
        blockCount = 0
        usedIDs.removeAll(keepingCapacity: true)
        divDepth = 0
        textIsImplicit = false
    }

    func startText(_ attributes: XMLAttributes) throws {
        inText = true
        if !documentStarted { try startDocumentEvent(textAttributes: attributes.all()) }
    }

    /// `front`/`body`/`back` directly under `TEI`: read as if `text` were around
    /// them (some ELTeC files do this), and say so once per document.
    func startImplicitText(_ name: String, attributes: XMLAttributes) throws {
        if !textIsImplicit {
            textIsImplicit = true
            try settings.warn(
                "<\(name)> sits directly in <TEI> with no <text> around it; read as the document's text (TEI P5 wants <text>)",
                file: input.name, location: locate())
        }
        inText = true
        if !documentStarted { try startDocumentEvent(textAttributes: []) }
        try textElementStart(name, namespace: .tei, attributes: attributes)
    }

    /// Sends `startDocument` with the header's metadata, once per document.
    func startDocumentEvent(textAttributes: [(name: String, value: String)]) throws {
        documentStarted = true
        let collector = header ?? TEIHeaderCollector()
        var id: String? = nil
        for a in rootAttributes {
            switch a.name {
            case "xml:id" where CorpusID.isNCName(a.value): id = a.value
            case "xml:lang" where collector.fallbackLanguage(a.value): break
            default: collector.addExtra("TEI@\(a.name)", a.value)
            }
        }
        for a in textAttributes {
            if a.name == "xml:lang", collector.fallbackLanguage(a.value) { continue }
            collector.addExtra("text@\(a.name)", a.value)
        }
        if let id {
            documentID = id
        } else {
            documentID = corpusDepth > 0 || documentsInFile > 1 ? "\(fileStem)_\(documentsInFile)" : fileStem
        }
        usedIDs.insert(documentID)
        documentsEmitted += 1
        try sink.receive(.startDocument(DocumentStart(id: documentID, metadata: collector.metadata)))
    }

    func finishDocument() throws {
        while !blocks.isEmpty { try closeTopBlock() }
        if !documentStarted { try startDocumentEvent(textAttributes: []) }
        try sink.receive(.endDocument)
        documentOpen = false
        documentStarted = false
        inText = false
        header = nil
        choices.removeAll()
        speeches.removeAll()
    }

    /// A `teiCorpus` without any `TEI` becomes one document made of its header.
    func finishCorpus() throws {
        guard documentsEmitted == 0 else { return }
        let collector = corpusHeader ?? TEIHeaderCollector()
        var id = fileStem
        for a in corpusAttributes {
            if a.name == "xml:id", CorpusID.isNCName(a.value) {
                id = a.value
            } else if a.name == "xml:lang", collector.fallbackLanguage(a.value) {
                continue
            } else {
                collector.addExtra("teiCorpus@\(a.name)", a.value)
            }
        }
        for href in ignoredIncludes { collector.addExtra("xi:include", href) }
        try sink.receive(.startDocument(DocumentStart(id: id, metadata: collector.metadata)))
        try sink.receive(.endDocument)
        documentsEmitted += 1
    }

    // MARK: XInclude

    func xincludeStart(_ name: String, attributes: XMLAttributes) throws {
        if name == "fallback" {
            if case .xincludeMissing(let href, _)? = frames.last {
                frames.removeLast()
                frames.append(.xincludeFallbackTaken(href: href))
            }
            frames.append(.fallback)
            return
        }
        guard name == "include" else {
            skipDepth = 1
            return
        }
        let href = attributes.value("href") ?? ""
        let atCorpusLevel: Bool = { if case .corpus? = frames.last { return true } else { return false } }()
        guard settings.xinclude else {
            if atCorpusLevel { ignoredIncludes.append(href) }
            skippedIncludes += 1
            skipDepth = 1
            return
        }
        guard atCorpusLevel else {
            skippedIncludes += 1
            try settings.warn(
                "xi:include href=\"\(href)\" inside a document is not resolved (only teiCorpus members are); its text is missing",
                file: input.name, location: locate())
            skipDepth = 1
            return
        }
        if let parse = attributes.value("parse"), parse != "xml" {
            throw fail(.structure, "xi:include parse=\"\(parse)\" is not supported (only TEI documents can be included)")
        }
        if attributes.value("xpointer") != nil {
            throw fail(.structure, "xi:include with xpointer is not supported")
        }
        let target: XIncludeScope.Target
        do {
            target = try scope.resolve(href)
        } catch let error as CorpusError {
            throw fail(error.kind, error.message)
        }
        switch target {
        case .file(let path, let name):
            let counter = CountingSink(sink)
            skippedIncludes += try TEIReader().read(
                .file(path, name: name), settings: settings, scope: scope.entering(path: path, name: name), into: counter)
            documentsEmitted += counter.documents
            skipDepth = 1  // the fallback is not used
        case .missing:
            frames.append(.xincludeMissing(href: href, location: locate()))
        }
    }
}

/// Passes events on and counts the documents that went through.
final class CountingSink: CorpusEventSink {
    private let downstream: any CorpusEventSink
    private(set) var documents = 0

    init(_ downstream: any CorpusEventSink) { self.downstream = downstream }

    func receive(_ event: CorpusEvent) throws {
        if case .startDocument = event { documents += 1 }
        try downstream.receive(event)
    }

    func finish() throws {}
}

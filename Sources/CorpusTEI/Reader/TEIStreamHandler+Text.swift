import CorpusModel

extension TEIStreamHandler {
    /// An element inside `<text>`.
    func textElementStart(_ name: String, namespace: XMLNamespaceKind, attributes: XMLAttributes) throws {
        if !choices.isEmpty {
            if case .choice? = frames.last {
                choices[choices.count - 1].alternatives.append((name, TextAccumulator()))
                choices[choices.count - 1].current = choices[choices.count - 1].alternatives.count - 1
                frames.append(.choiceAlternative)
                return
            }
        }
        let role: TEIElementRole = namespace == .other ? .inline : roles.role(of: name)
        if !choices.isEmpty {
            // Inside a reading of a choice everything is text of that reading.
            switch role {
            case .dropped: skipDepth = 1
            case .lineBreak:
                if attributes.value("break") == "no" {
                    choices[choices.count - 1].joinWithoutSpace()
                } else {
                    choices[choices.count - 1].boundary()
                }
                frames.append(.inline)
            case .choice:
                choices.append(ChoiceCapture())
                frames.append(.choice)
            default: frames.append(.inline)
            }
            return
        }
        switch role {
        case .dropped:
            skipDepth = 1
        case .lineBreak:
            lineBreak(joins: attributes.value("break") == "no")
            frames.append(.inline)
        case .choice:
            choices.append(ChoiceCapture())
            frames.append(.choice)
        case .container, .division:
            if let top = blocks.last, !top.implicit, top.sentence != nil || top.kind == .note {
                // A list inside a sentence or a note stays text of it, as its own words.
                lineBreak(joins: false)
                frames.append(.inlineBlock)
                return
            }
            try closeImplicitOrSplit()
            if role == .division {
                divDepth += 1
                frames.append(.division)
            } else if name == "u" || name == "sp" {
                speeches.append(SpeechContext(name, attributes: attributes))
                frames.append(.speech)
            } else {
                frames.append(name == "text" ? .text : (Self.bodyLike.contains(name) ? .bodyLike : .container))
            }
        case .block:
            try openBlock(name, attributes: attributes, free: false)
        case .blockWhenFree:
            try openBlock(name, attributes: attributes, free: true)
        case .note:
            try openNote(attributes)
        case .sentence:
            if blocks.last == nil || blocks.last?.sentence != nil {
                if blocks.last == nil { openImplicitBlock() } else {
                    frames.append(.inline)  // <s> inside <s>: text of the outer one
                    return
                }
            }
            blocks.last?.startSentence(xmlID: ncName(attributes.xmlValue("id")))
            frames.append(.sentence)
        case .token:
            let join = attributes.value("join")
            if let top = blocks.last, top.sentence != nil {
                if top.sentence?.token != nil {
                    if top.sentence?.token?.inPart == false {
                        // A syntactic word inside a word (ParlaMint's `du` = `de` + `le`).
                        top.sentence?.token?.parts.append(
                            TokenPart(annotation: WordAnnotation(attributes), isPunctuationElement: name == "pc"))
                        top.sentence?.token?.inPart = true
                        frames.append(.tokenPart)
                    } else {
                        frames.append(.inline)  // deeper nesting: text of the part
                    }
                    return
                }
                top.sentence?.startToken(
                    kind: tokenKind(name, type: attributes.value("type")), join: join,
                    annotation: WordAnnotation(attributes), isPunctuationElement: name == "pc")
                frames.append(.token)
            } else {
                if blocks.last == nil { openImplicitBlock() }
                if join == "left" || join == "both" { blocks.last?.text.joinWithoutSpace() }
                frames.append(.tokenOutsideSentence(joinsRight: join == "right" || join == "both"))
            }
        case .inline:
            if let top = blocks.last, top.sentence != nil, top.sentence?.token == nil {
                if name == "name" {
                    if top.sentence?.entity == nil, let type = attributes.value("type") {
                        top.sentence?.entity = (type, false)
                        frames.append(.entity)
                        return
                    }
                } else if name == "spanGrp" {
                    frames.append(.spanGroup(conllu: attributes.value("type") == "CoNLL-U"))
                    return
                } else if name == "span", case .spanGroup(true)? = frames.last {
                    let type = attributes.value("type") ?? ""
                    top.sentence?.span = ConlluSpan(type: type, target: attributes.value(type == "attribute" ? "n" : "target"))
                    frames.append(.conlluSpan)
                    return
                } else if name == "linkGrp" {
                    frames.append(.linkGroup(ud: attributes.value("type") == "UD-SYN"))
                    return
                } else if name == "link", case .linkGroup(true)? = frames.last {
                    if let dependency = PendingDependency(ana: attributes.value("ana"), target: attributes.value("target")) {
                        top.sentence?.dependencies.append(dependency)
                    }
                }
            }
            frames.append(.inline)
        }
    }

    static let bodyLike: Set<String> = ["body", "front", "back", "group"]

    private func tokenKind(_ name: String, type: String?) -> TokenKind {
        if name == "pc" { return type == "symbol" ? .symbol : .punctuation }
        switch type {
        case "number": return .number
        case "url": return .url
        case "other": return .other
        default: return .word
        }
    }

    func ncName(_ id: String?) -> String? {
        guard let id, Self.isASCIINCName(id) ?? CorpusID.isNCName(id) else { return nil }
        return id
    }

    /// Whether an all-ASCII `id` is an NCName (`[A-Za-z_][A-Za-z0-9_.-]*`) without
    /// decoding scalars; nil when it holds other characters.
    static func isASCIINCName(_ id: String) -> Bool? {
        var s = id
        return s.withUTF8 { bytes -> Bool? in
            guard let first = bytes.first else { return false }
            var valid = (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A) || first == 0x5F
            for b in bytes {
                if b >= 0x80 { return nil }
                let nameChar = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
                    || b == 0x5F || b == 0x2D || b == 0x2E
                if !nameChar { valid = false }
            }
            return valid
        }
    }

    // MARK: text

    func routeText(_ text: UnsafeBufferPointer<UInt8>) throws {
        if !choices.isEmpty {
            choices[choices.count - 1].append(text)
            return
        }
        guard inText else { return }
        if let top = blocks.last {
            if top.sentence != nil {
                if top.sentence?.span != nil {
                    top.sentence?.span?.text.append(contentsOf: text)  // as written: CoNLL-U keeps TABs
                } else if top.sentence?.token != nil {
                    top.sentence?.token?.append(text)
                } else {
                    top.sentence?.appendOutsideToken(text)
                }
            } else {
                top.text.append(text)
            }
            return
        }
        guard TextAccumulator.hasContent(text) else { return }
        openImplicitBlock()
        blocks.last?.text.append(text)
    }

    func lineBreak(joins: Bool) {
        guard let top = blocks.last else { return }
        if top.sentence != nil {
            if top.sentence?.token != nil {
                if joins { top.sentence?.token?.form.joinWithoutSpace() } else { top.sentence?.token?.form.boundary() }
            } else if joins {
                top.sentence?.joinWithoutSpace()
            } else {
                top.sentence?.boundary()
            }
        } else if joins {
            top.text.joinWithoutSpace()
        } else {
            top.text.boundary()
        }
    }

    // MARK: blocks

    private func openBlock(_ name: String, attributes: XMLAttributes, free: Bool) throws {
        if let top = blocks.last, !top.implicit {
            if free {
                frames.append(.inline)  // quote/stage/seg inside a block: running text
                return
            }
            if top.sentence != nil || top.kind == .note {
                lineBreak(joins: false)  // a <p> inside a sentence or a note: its own words
                frames.append(.inlineBlock)
                return
            }
        }
        try closeImplicitOrSplit()
        var kind = BlockKind.paragraph
        var extra: [MetadataPair] = []
        switch name {
        case "p": break
        case "quote": kind = .quote
        case "item": kind = .listItem
        case "head":
            switch frames.last {
            case .division?, .bodyLike?, .text?:
                kind = .heading(level: max(1, divDepth))
            default:
                extra.append(MetadataPair("tei", name))
            }
        case "seg" where isSpeechSegment:
            break  // the paragraph of a `<u>` (ParlaMint): the writer writes it back as `seg`
        default: extra.append(MetadataPair("tei", name))
        }
        let (language, languageAttribute) = blockLanguage(attributes)
        if let languageAttribute { extra.append(languageAttribute) }
        let block = BlockUnderConstruction(
            kind: kind, xmlID: ncName(attributes.xmlValue("id")), language: language,
            attributes: extra, ownerDepth: frames.count, implicit: false)
        blocks.append(block)
        frames.append(.block)
    }

    private func openNote(_ attributes: XMLAttributes) throws {
        if let top = blocks.last, top.kind == .note, !top.implicit {
            frames.append(.inline)  // a note inside a note is text of the outer note
            return
        }
        let (language, languageAttribute) = blockLanguage(attributes)
        var extra = languageAttribute.map { [$0] } ?? []
        if let type = attributes.value("type") { extra.append(MetadataPair("note-type", type)) }
        let block = BlockUnderConstruction(
            kind: .note, xmlID: ncName(attributes.xmlValue("id")), language: language,
            attributes: extra, ownerDepth: frames.count, implicit: false)
        blocks.append(block)
        frames.append(.note)
    }

    /// A block's `xml:lang`: the language when it is a BCP 47 tag, else kept as an
    /// attribute (so writing TEI again does not fail on someone else's `kk_KZ`).
    private func blockLanguage(_ attributes: XMLAttributes) -> (String?, MetadataPair?) {
        guard let lang = attributes.xmlValue("lang") else { return (nil, nil) }
        if LanguageTag.isWellFormed(lang) { return (lang, nil) }
        return (nil, MetadataPair("xml:lang", lang))
    }

    func openImplicitBlock() {
        let block = BlockUnderConstruction(
            kind: .paragraph, xmlID: nil, language: nil, attributes: [], ownerDepth: frames.count, implicit: true)
        blocks.append(block)
    }

    /// Before a block or container starts: ends an implicit paragraph, or emits what
    /// the open block holds so far (the rest of it continues as a new block).
    private func closeImplicitOrSplit() throws {
        guard let top = blocks.last else { return }
        if top.implicit {
            try closeTopBlock()
        } else {
            try emit(top)
        }
    }

    func closeImplicit() throws {
        while let top = blocks.last, top.implicit { try closeTopBlock() }
    }

    /// Ends the innermost block: a note inside another block waits for that block.
    func closeTopBlock() throws {
        guard let block = blocks.popLast() else { return }
        block.endSentence()
        if block.kind == .note, let outer = blocks.last {
            outer.notes.append(block)
            return
        }
        try emit(block)
    }

    /// Renames (with `_`) sentence ids met before in the block or among `used`;
    /// true when any changed. Few sentences are compared pairwise (no hashing).
    static func makeUnique(_ sentences: inout [Sentence], notIn used: IDSet) -> Bool {
        var changed = false
        var local = Set<String>()
        let small = sentences.count <= 16
        for i in sentences.indices {
            var id = sentences[i].id
            while used.contains(id) || (small ? sentences[..<i].contains { $0.id == id } : local.contains(id)) { id += "_" }
            if !small { local.insert(id) }
            if id != sentences[i].id {
                sentences[i].id = id
                changed = true
            }
        }
        return changed
    }

    /// Sends what `block` holds as a block event, then the notes found inside it.
    func emit(_ block: BlockUnderConstruction) throws {
        if !(block.isEmpty && block.xmlID == nil) {
            if !documentStarted { try startDocumentEvent(textAttributes: []) }
            blockCount += 1
            var id = CorpusID.block(documentID, blockCount)
            if let x = block.xmlID, !usedIDs.contains(x) { id = x }
            while usedIDs.contains(id) { id += "_" }
            usedIDs.insert(id)
            var taken = block.take(id: id)
            if !speeches.isEmpty {
                if taken.attributes.contains(MetadataPair("tei", "speaker")) {
                    speeches[speeches.count - 1].noteSpeakerText(taken.plainText)
                }
                taken.attributes.append(contentsOf: speeches[speeches.count - 1].blockAttributes)
            }
            if case .sentences(var sentences) = taken.content {
                // Sentence ids must stay unique too (a generated BLOCK.sN may meet a source id).
                if Self.makeUnique(&sentences, notIn: usedIDs) { taken.content = .sentences(sentences) }
            }
            try sink.receive(.block(taken))
        }
        let notes = block.notes
        block.notes = []
        for note in notes { try emit(note) }
    }
}

import CorpusModel

/// Turns finished sentences into documents and blocks as they arrive, choosing ids.
///
/// - `# newdoc` starts a document: its id is the `newdoc id` when that is an XML NCName not
///   used before in the file, else one made from it (the source id kept in the metadata pair
///   `newdoc_id`). Sentences before any `# newdoc` go to a document named after the file
///   (`doc` for stdin), marked `conllu-newdoc = absent` so the writer adds no `# newdoc`.
/// - `# newpar` starts a block the same way (`newpar_id` keeps an unusable source id).
///   A sentence with no `# newpar` since the last block began in a `# newpar`-less stretch
///   gets a block of its own, marked `conllu-newpar = absent`: blocks stay small, so memory
///   stays flat on files without paragraphs (most treebanks).
/// - `# sent_id` is the sentence id under the same rule (`sent_id` attribute otherwise;
///   generated ids are `BLOCK.sN`).
final class StructureBuilder {
    private let sink: any CorpusEventSink
    private let fileStem: String
    private var usedDocumentIDs = Set<String>()
    private var usedIDs = Set<String>()
    private var documentID: String?
    private var block: Block?
    private var sentences: [Sentence] = []
    private var blockCount = 0
    private(set) var sentenceCount = 0

    init(sink: any CorpusEventSink, fileStem: String) {
        self.sink = sink
        self.fileStem = fileStem
    }

    func add(_ a: inout SentenceAssembler, endLine: Int) throws {
        let done = try a.finish(endLine: endLine)
        if let newdoc = a.newdoc {
            try closeDocument()
            try openDocument(id: newdoc, marked: false)
        } else if documentID == nil {
            try openDocument(id: nil, marked: true)
        }
        if let newpar = a.newpar {
            try flushBlock()
            openBlock(id: newpar, marked: false)
        } else if block == nil || block?.attributes.last?.key == CoNLLUFormat.noNewparAttribute {
            try flushBlock()
            openBlock(id: nil, marked: true)
        }
        guard let blockID = block?.id else { return }
        var attributes: [MetadataPair] = []
        let id = unique(a.sentID, generated: CorpusID.sentence(blockID, sentences.count + 1), keepAs: CoNLLUFormat.sentIDAttribute, in: &attributes)
        sentences.append(Sentence(id: id, text: done.text, tokens: done.tokens, attributes: attributes,
                                  comments: done.comments, multiwordTokens: done.ranges, emptyNodes: a.emptyNodes))
        sentenceCount += 1
    }

    func finish() throws { try closeDocument() }

    private func openDocument(id source: String??, marked: Bool) throws {
        var metadata = Metadata()
        var base = fileStem
        if case .some(.some(let s)) = source {
            if CorpusID.isNCName(s) && !usedDocumentIDs.contains(s) {
                base = s
            } else {
                base = CorpusID.documentID(from: s)
                metadata.extra.append(MetadataPair(CoNLLUFormat.newdocIDKey, s))
            }
        } else if !usedDocumentIDs.isEmpty || source != nil {
            base = "\(fileStem)_\(usedDocumentIDs.count + 1)"
        }
        var id = base
        while usedDocumentIDs.contains(id) { id += "_" }
        usedDocumentIDs.insert(id)
        if marked { metadata.extra.append(MetadataPair(CoNLLUFormat.noNewdocKey, CoNLLUFormat.absent)) }
        documentID = id
        usedIDs = [id]
        blockCount = 0
        try sink.receive(.startDocument(DocumentStart(id: id, metadata: metadata)))
    }

    private func closeDocument() throws {
        try flushBlock()
        if documentID != nil { try sink.receive(.endDocument) }
        documentID = nil
    }

    private func openBlock(id source: String??, marked: Bool) {
        blockCount += 1
        var attributes: [MetadataPair] = []
        let generated = CorpusID.block(documentID ?? fileStem, blockCount)
        let sourceID: String? = if case .some(.some(let s)) = source { s } else { nil }
        let id = unique(sourceID, generated: generated, keepAs: CoNLLUFormat.newparIDAttribute, in: &attributes)
        if marked { attributes.append(MetadataPair(CoNLLUFormat.noNewparAttribute, CoNLLUFormat.absent)) }
        block = Block(id: id, content: .sentences([]), attributes: attributes)
    }

    private func flushBlock() throws {
        guard var b = block else { return }
        b.content = .sentences(sentences)
        sentences.removeAll(keepingCapacity: true)
        block = nil
        try sink.receive(.block(b))
    }

    /// `source` when it is a usable id, else `generated`; a source id not used is kept in `attributes`.
    private func unique(_ source: String?, generated: String, keepAs key: String, in attributes: inout [MetadataPair]) -> String {
        var id = generated
        if let s = source {
            if CorpusID.isNCName(s) && !usedIDs.contains(s) {
                id = s
            } else {
                attributes.append(MetadataPair(key, s))
            }
        }
        while usedIDs.contains(id) { id += "_" }
        usedIDs.insert(id)
        return id
    }
}

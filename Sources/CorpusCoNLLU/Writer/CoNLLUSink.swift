import CorpusModel

/// The event sink behind ``CoNLLUWriter``: holds only the current document's start.
final class CoNLLUSink: CorpusEventSink {
    private let out: ByteOutput
    private var document: DocumentStart?
    private var documentWritten = false
    private var line: [UInt8] = []

    init(output: ByteOutput) {
        self.out = output
        line.reserveCapacity(1 << 12)
    }

    func receive(_ event: CorpusEvent) throws {
        switch event {
        case .startDocument(let start):
            document = start
            documentWritten = false
        case .block(let block):
            if document == nil { document = DocumentStart(id: "doc") }
            try write(block)
        case .endDocument:
            document = nil
        }
    }

    func finish() throws { try out.flush() }

    private func write(_ block: Block) throws {
        guard case .sentences(let sentences) = block.content else {
            throw CorpusError(.structure, "block '\(block.id)' is not split into sentences; CoNLL-U needs sentences and tokens")
        }
        var blockWritten = false
        for s in sentences {
            guard let tokens = s.tokens else {
                throw CorpusError(.structure, "sentence '\(s.id)' has no tokens; CoNLL-U needs tokens (convert with tokenization)")
            }
            if tokens.isEmpty { continue }
            if !documentWritten, let d = document {
                documentWritten = true
                if d.metadata.extraValue(CoNLLUFormat.noNewdocKey) != CoNLLUFormat.absent {
                    try comment("newdoc id = ", d.metadata.extraValue(CoNLLUFormat.newdocIDKey) ?? d.id, sentence: s.id)
                }
            }
            if !blockWritten {
                blockWritten = true
                if !block.attributes.contains(MetadataPair(CoNLLUFormat.noNewparAttribute, CoNLLUFormat.absent)) {
                    let id = block.attributes.first { $0.key == CoNLLUFormat.newparIDAttribute }?.value ?? block.id
                    try comment("newpar id = ", id, sentence: s.id)
                }
            }
            try write(s, tokens)
        }
    }

    private func write(_ s: Sentence, _ tokens: [Token]) throws {
        try comment("sent_id = ", s.attributes.first { $0.key == CoNLLUFormat.sentIDAttribute }?.value ?? s.id, sentence: s.id)
        if !s.comments.contains(where: { SentenceAssembler.split($0).0 == "text" }) {
            try comment("text = ", Token.rebuild(tokens, multiwordTokens: s.multiwordTokens), sentence: s.id)
        }
        for c in s.comments { try comment("", c, sentence: s.id) }
        let ranges = s.multiwordTokens
        let lastRange = ranges.last.map { $0.last == tokens.count } ?? false
        var r = 0
        var e = 0
        let nodes = s.emptyNodes
        while e < nodes.count && nodes[e].after <= 0 {
            try emptyNode(nodes[e], s.id)
            e += 1
        }
        for (i, t) in tokens.enumerated() {
            let n = i + 1
            while r < ranges.count && ranges[r].first < n { r += 1 }
            if r < ranges.count, ranges[r].first == n {
                let m = ranges[r]
                let last = lastRange && r == ranges.count - 1
                try row([String(m.first) + "-" + String(m.last), m.form, "_", "_", "_", "_", "_", "_", "_",
                         MiscColumn.write(m.misc, spaceAfter: m.spaceAfter, isLastUnit: last)], s.id)
            }
            let isLast = !lastRange && n == tokens.count
            try row([String(n), t.form, t.lemma ?? "_", t.upos ?? "_", t.xpos ?? "_", t.feats ?? "_",
                     t.head.map(String.init) ?? "_", t.deprel ?? "_", t.deps ?? "_",
                     MiscColumn.write(misc(of: t), spaceAfter: t.spaceAfter, isLastUnit: isLast)], s.id)
            while e < nodes.count && nodes[e].after <= n {
                try emptyNode(nodes[e], s.id)
                e += 1
            }
        }
        while e < nodes.count {
            try emptyNode(nodes[e], s.id)
            e += 1
        }
        try out.write(byte: 0x0A)
    }

    /// MISC with the token's `ner` attribute as `NER=…` first when MISC has no NER item.
    private func misc(of t: Token) -> String? {
        guard !t.attributes.isEmpty, let ner = t.attribute("ner") else { return t.misc }
        guard let misc = t.misc, !misc.isEmpty else { return "NER=" + ner }
        if misc.split(separator: "|").contains(where: { $0.hasPrefix("NER=") }) { return misc }
        return "NER=" + ner + "|" + misc
    }

    private func emptyNode(_ node: EmptyNode, _ sentence: String) throws {
        try row(["\(node.after).\(node.index)", node.form ?? "_", node.lemma ?? "_", node.upos ?? "_", node.xpos ?? "_",
                 node.feats ?? "_", "_", "_", node.deps ?? "_", node.misc ?? "_"], sentence)
    }

    private func row(_ fields: [String], _ sentence: String) throws {
        line.removeAll(keepingCapacity: true)
        for (k, f) in fields.enumerated() {
            if k > 0 { line.append(0x09) }
            if f.isEmpty {
                line.append(UInt8(ascii: "_"))
                continue
            }
            let start = line.count
            line.append(contentsOf: f.utf8)
            if line[start...].contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                throw CorpusError(.structure, "sentence '\(sentence)': the \(WordLine.names[k]) '\(f)' holds a TAB or a line break, which CoNLL-U cannot hold")
            }
        }
        line.append(0x0A)
        try line.withUnsafeBytes { try out.write($0) }
    }

    private func comment(_ prefix: String, _ value: String, sentence: String) throws {
        if value.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            throw CorpusError(.structure, "sentence '\(sentence)': the comment '\(prefix)\(value)' holds a line break, which CoNLL-U cannot hold")
        }
        try out.write("# ")
        try out.write(prefix)
        try out.write(value)
        try out.write(byte: 0x0A)
    }
}

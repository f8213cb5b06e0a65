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
        try Self.check(s, tokens)
        try comment("sent_id = ", s.attributes.first { $0.key == CoNLLUFormat.sentIDAttribute }?.value ?? s.id, sentence: s.id)
        // The reader takes the first `# text` as the sentence's; one the words do not spell stays
        // among the comments. So: no generated `# text` when the first kept one differs from it.
        let rebuilt = Token.rebuild(tokens, multiwordTokens: s.multiwordTokens)
        let firstKept = s.comments.lazy.map(SentenceAssembler.split).first { $0.0 == "text" && $0.1 != nil }
        if firstKept == nil || firstKept?.1 == rebuilt {
            try comment("text = ", rebuilt, sentence: s.id)
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
                try row(s.id) { line in
                    Self.appendNumber(m.first, to: &line)
                    line.append(UInt8(ascii: "-"))
                    Self.appendNumber(m.last, to: &line)
                    try field(m.form, 1, &line)
                    for k in 2...8 { try field(nil, k, &line) }
                    try field(MiscColumn.write(m.misc, spaceAfter: m.spaceAfter, isLastUnit: last), 9, &line)
                }
            }
            let isLast = !lastRange && n == tokens.count
            try row(s.id) { line in
                Self.appendNumber(n, to: &line)
                try field(t.form, 1, &line)
                try field(t.lemma, 2, &line)
                try field(t.upos, 3, &line)
                try field(t.xpos, 4, &line)
                try field(t.feats, 5, &line)
                line.append(0x09)
                if let head = t.head { Self.appendNumber(head, to: &line) } else { line.append(UInt8(ascii: "_")) }
                try field(t.deprel, 7, &line)
                try field(t.deps, 8, &line)
                let misc = misc(of: t)
                if misc == nil && t.spaceAfter || isLast && misc == nil {
                    line.append(contentsOf: [0x09, UInt8(ascii: "_")])
                } else {
                    try field(MiscColumn.write(misc, spaceAfter: t.spaceAfter, isLastUnit: isLast), 9, &line)
                }
            }
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

    /// Refuses what CoNLL-U cannot say (a JSON input can): ranges that are not increasing,
    /// overlap or leave the sentence, empty nodes outside it, HEAD outside it.
    private static func check(_ s: Sentence, _ tokens: [Token]) throws {
        func fail(_ what: String) -> CorpusError {
            CorpusError(.structure, "sentence '\(s.id)': \(what), which CoNLL-U cannot hold")
        }
        var previousLast = 0
        for m in s.multiwordTokens {
            guard m.first > previousLast, m.last > m.first, m.last <= tokens.count else {
                throw fail("multiword token \(m.first)-\(m.last) overlaps another, is not a range of two or more words or leaves the \(tokens.count) words")
            }
            previousLast = m.last
        }
        var previous = (after: -1, index: 0)
        for e in s.emptyNodes {
            guard e.after >= 0, e.after <= tokens.count, e.index >= 1,
                  e.after > previous.after || (e.after == previous.after && e.index > previous.index) else {
                throw fail("empty node \(e.after).\(e.index) is out of order or outside the \(tokens.count) words")
            }
            previous = (e.after, e.index)
        }
        for (i, t) in tokens.enumerated() {
            if let h = t.head, h < 0 || h > tokens.count {
                throw fail("word \(i + 1) has HEAD \(h) outside the \(tokens.count) words")
            }
        }
    }

    /// MISC with the token's `ner` attribute as `NER=…` first when MISC has no NER item.
    private func misc(of t: Token) -> String? {
        guard !t.attributes.isEmpty, let ner = t.attribute("ner") else { return t.misc }
        guard let misc = t.misc, !misc.isEmpty else { return "NER=" + ner }
        if MiscColumn.items(misc).contains(where: { $0.hasPrefix("NER=") }) { return misc }
        return "NER=" + ner + "|" + misc
    }

    private func emptyNode(_ node: EmptyNode, _ sentence: String) throws {
        try row(sentence) { line in
            Self.appendNumber(node.after, to: &line)
            line.append(UInt8(ascii: "."))
            Self.appendNumber(node.index, to: &line)
            for (k, f) in [node.form, node.lemma, node.upos, node.xpos, node.feats, nil, nil, node.deps, node.misc].enumerated() {
                try field(f, k + 1, &line)
            }
        }
    }

    /// Builds one line in the reused buffer with `body`, checks it, and writes it.
    private func row(_ sentence: String, _ body: (inout [UInt8]) throws -> Void) throws {
        line.removeAll(keepingCapacity: true)
        do {
            try body(&line)
        } catch let bad as BadField {
            throw CorpusError(.structure, "sentence '\(sentence)': the \(WordLine.names[bad.column]) '\(bad.value)' holds a TAB or a line break, which CoNLL-U cannot hold")
        }
        line.append(0x0A)
        try line.withUnsafeBytes { try out.write($0) }
    }

    /// A field that cannot be written: its column and value.
    private struct BadField: Error {
        var column: Int
        var value: String
    }

    /// Appends a TAB and `value` (`_` when nil or empty) as column `k`.
    private func field(_ value: String?, _ k: Int, _ line: inout [UInt8]) throws {
        line.append(0x09)
        guard let value, !value.isEmpty else {
            line.append(UInt8(ascii: "_"))
            return
        }
        let start = line.count
        line.append(contentsOf: value.utf8)
        for i in start..<line.count where line[i] < 0x0E && (line[i] == 0x09 || line[i] == 0x0A || line[i] == 0x0D) {
            throw BadField(column: k, value: value)
        }
    }

    /// Appends the decimal digits of `n` (no String made).
    private static func appendNumber(_ n: Int, to line: inout [UInt8]) {
        if n < 0 {
            line.append(UInt8(ascii: "-"))
            return appendNumber(-n, to: &line)
        }
        if n >= 10 { appendNumber(n / 10, to: &line) }
        line.append(UInt8(ascii: "0") + UInt8(n % 10))
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

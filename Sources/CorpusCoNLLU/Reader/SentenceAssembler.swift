import CorpusModel

/// Gathers the comment and word lines of one sentence and checks them: ids in
/// sequence, ranges with their words, empty nodes in place, HEAD inside the sentence.
struct SentenceAssembler {
    let file: String

    /// `# newdoc` before this sentence: nil when none, `.some(nil)` without an id.
    var newdoc: String??
    var newpar: String??
    var sentID: String?
    /// Comments other than newdoc, newpar and sent_id, in order; `# text` among them.
    var comments: [String] = []
    /// Index in ``comments`` of the `# text` comment and its value.
    var textComment: (index: Int, value: String)?
    var firstLine: Int?
    private(set) var tokens: [Token] = []
    private var tokenMisc: [String] = []
    private var headPlaces: [(head: Int, line: Int, column: Int)] = []
    private var ranges: [MultiwordToken] = []
    private var rangeMisc: [String] = []
    private var rangeLines: [Int] = []
    private(set) var emptyNodes: [EmptyNode] = []

    init(file: String) { self.file = file }

    /// Whether nothing of a sentence has been read yet.
    var isEmpty: Bool { firstLine == nil }

    /// Whether word lines have started (comments are no longer allowed).
    var hasWords: Bool { !tokens.isEmpty || !ranges.isEmpty || !emptyNodes.isEmpty }

    mutating func comment(_ body: String, line: Int) throws {
        if firstLine == nil { firstLine = line }
        if hasWords {
            throw CorpusError(.syntax, "comment line among a sentence's word lines; end the sentence with an empty line first",
                              file: file, location: SourceLocation(line: line, column: 1))
        }
        let (key, value) = Self.split(body)
        switch key {
        case "newdoc" where newdoc == nil && sentID == nil: newdoc = .some(value)
        case "newpar" where newpar == nil && sentID == nil: newpar = .some(value)
        case "newdoc id" where newdoc == nil && sentID == nil: newdoc = .some(value)
        case "newpar id" where newpar == nil && sentID == nil: newpar = .some(value)
        case "sent_id" where sentID == nil && value != nil: sentID = value
        case "text" where textComment == nil && value != nil:
            textComment = (comments.count, value ?? "")
            comments.append(body)
        default: comments.append(body)
        }
    }

    /// `key = value` (value nil when there is no `=`), both trimmed of spaces. Works on
    /// scalars, not characters: a combining mark after `=` or a space must not hide them.
    static func split(_ body: String) -> (String, String?) {
        let scalars = body.unicodeScalars
        guard let eq = scalars.firstIndex(of: "=") else { return (body.trimmingSpaces, nil) }
        return (String(scalars[..<eq]).trimmingSpaces, String(scalars[scalars.index(after: eq)...]).trimmingSpaces)
    }

    mutating func word(_ w: WordLine) throws {
        if firstLine == nil { firstLine = w.line }
        switch try w.id(file: file) {
        case .word(let n):
            guard n == tokens.count + 1 else {
                throw CorpusError(.syntax, "word \(n) out of order; expected word \(tokens.count + 1)",
                                  file: file, location: w.location(0))
            }
            try checkOpenRange(before: n)
            var head: Int?
            if let h = w.value(6) {
                guard h.utf8.count <= 9, let v = Int(h), v >= 0, h.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                    throw CorpusError(.syntax, "HEAD '\(h)' is not a word number", file: file, location: w.location(6))
                }
                head = v
                headPlaces.append((v, w.line, w.columns[6]))
            }
            let upos = w.value(3)
            let form = w.fields[1]
            tokens.append(Token(form, kind: TokenKind(upos: upos) ?? Self.kind(of: form), spaceAfter: true,
                                lemma: w.value(2), upos: upos, xpos: w.value(4), feats: w.value(5), head: head,
                                deprel: w.value(7), deps: w.value(8)))
            tokenMisc.append(w.fields[9])
        case .range(let a, let b):
            guard a == tokens.count + 1 else {
                throw CorpusError(.syntax, "range \(a)-\(b) must come right before word \(a); expected a range starting at \(tokens.count + 1)",
                                  file: file, location: w.location(0))
            }
            try checkOpenRange(before: a)
            if let last = ranges.last, last.last >= a {
                throw CorpusError(.syntax, "range \(a)-\(b) overlaps range \(last.first)-\(last.last)", file: file, location: w.location(0))
            }
            for k in 2...8 where w.fields[k] != "_" {
                throw CorpusError(.syntax, "a range line carries only FORM and MISC; its \(WordLine.names[k]) must be _",
                                  file: file, location: w.location(k))
            }
            ranges.append(MultiwordToken(first: a, last: b, form: w.fields[1]))
            rangeMisc.append(w.fields[9])
            rangeLines.append(w.line)
        case .empty(let after, let index):
            let expected = emptyNodes.last.map { $0.after == after ? $0.index + 1 : 1 } ?? 1
            guard after == tokens.count, index == expected else {
                throw CorpusError(.syntax, "empty node \(after).\(index) out of place; expected \(tokens.count).\(emptyNodes.last?.after == tokens.count ? expected : 1)",
                                  file: file, location: w.location(0))
            }
            for k in [6, 7] where w.fields[k] != "_" {
                throw CorpusError(.syntax, "an empty node has no basic dependency; its \(WordLine.names[k]) must be _",
                                  file: file, location: w.location(k))
            }
            emptyNodes.append(EmptyNode(after: after, index: index, form: w.value(1), lemma: w.value(2), upos: w.value(3),
                                        xpos: w.value(4), feats: w.value(5), deps: w.value(8), misc: w.value(9)))
        }
    }

    /// A range still waiting for its words when word `n` is not one of them.
    private func checkOpenRange(before n: Int) throws {
        if let r = ranges.last, r.last >= tokens.count + 1, n > r.last {
            throw CorpusError(.syntax, "range \(r.first)-\(r.last) without its words",
                              file: file, location: SourceLocation(line: rangeLines[rangeLines.count - 1], column: 1))
        }
    }

    /// The sentence, checked: every range has its words, every HEAD names a word.
    /// `id` is the sentence id chosen by the caller; the `# text` must match the words or
    /// stays a comment (the text is always the one the words spell).
    mutating func finish(endLine: Int) throws -> (tokens: [Token], ranges: [MultiwordToken], comments: [String], text: String) {
        guard !tokens.isEmpty else {
            throw CorpusError(.syntax, "a sentence without word lines",
                              file: file, location: SourceLocation(line: firstLine ?? endLine, column: 1))
        }
        if let r = ranges.last, r.last > tokens.count {
            throw CorpusError(.syntax, "range \(r.first)-\(r.last) without its words (the sentence has \(tokens.count))",
                              file: file, location: SourceLocation(line: rangeLines[rangeLines.count - 1], column: 1))
        }
        for p in headPlaces where p.head > tokens.count {
            throw CorpusError(.syntax, "HEAD \(p.head) out of range: the sentence has \(tokens.count) words",
                              file: file, location: SourceLocation(line: p.line, column: p.column))
        }
        // The last unit of the sentence is a range that ends on the last word, or the last word.
        let lastRange = ranges.last.map { $0.last == tokens.count } ?? false
        for i in tokens.indices {
            let last = !lastRange && i == tokens.count - 1
            (tokens[i].misc, tokens[i].spaceAfter) = MiscColumn.read(tokenMisc[i], isLastUnit: last)
        }
        for i in ranges.indices {
            (ranges[i].misc, ranges[i].spaceAfter) = MiscColumn.read(rangeMisc[i], isLastUnit: lastRange && i == ranges.count - 1)
        }
        let rebuilt = Token.rebuild(tokens, multiwordTokens: ranges)
        var comments = self.comments
        if let t = textComment, t.value == rebuilt { comments.remove(at: t.index) }
        return (tokens, ranges, comments, rebuilt)
    }

    /// A guess for tokens without UPOS, from the first character of the form.
    static func kind(of form: String) -> TokenKind {
        TokenKind(guessingFrom: form.unicodeScalars.first)
    }
}

extension String {
    /// The string without leading and trailing spaces (U+0020 only, scalar by scalar, so a
    /// combining mark after a space keeps its own scalar).
    var trimmingSpaces: String {
        var s = Substring(self).unicodeScalars
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

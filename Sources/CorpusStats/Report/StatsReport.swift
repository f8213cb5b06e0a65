import CorpusModel

/// The result of `corpuskit stats`: counts and findings for a corpus, ready
/// to print as a table (``table()``), JSON (``json``) or an HTML page (``html(title:)``).
public struct StatsReport: Sendable {
    let tally: CorpusTally

    init(_ tally: CorpusTally) { self.tally = tally }

    /// Cells of the sentence-length histogram, in tokens: `from…to` (`to` nil = and more).
    public static let lengthBins: [(from: Int, to: Int?)] = [
        (0, 0), (1, 1), (2, 2), (3, 3), (4, 5), (6, 10), (11, 15), (16, 20), (21, 25), (26, 30), (31, 40),
        (41, 50), (51, 60), (61, 80), (81, 100), (101, 150), (151, 200), (201, 400), (401, nil),
    ]

    // MARK: figures

    /// Documents read (a `teiCorpus` or a JSON file can hold several).
    public var documentCount: Int { tally.documents.count }
    /// Blocks of every kind: what paragraph counts compare with.
    public var blockCount: Int { tally.blocksByKind.values.reduce(0, +) }
    /// Blocks by kind name (`paragraph`, `heading`, `item`, …), in ``BlockKind/allNames`` order.
    public var blocksByKind: [(String, Int)] {
        BlockKind.allNames.compactMap { name in tally.blocksByKind[name].map { (name, $0) } }
    }
    /// Sentences, as `segment` cuts them (or as the source marks them).
    public var sentenceCount: Int { tally.sentences }
    /// Tokens of every kind, as `tokenize` cuts them.
    public var tokenCount: Int { tally.tokenKinds.reduce(0, +) }
    /// Unicode scalars in the sentences.
    public var characterCount: Int { tally.characters }
    /// Distinct word forms, folded to lower case (a lower bound when the table was full).
    public var wordTypes: Int { tally.wordTypes.count }
    /// Letter runs mixing Cyrillic and Latin (`Қaзақ`), the look-alike defect.
    public var mixedScriptTokens: Int { tally.mixed.count }
    /// Cyrillic letters outside the document language's alphabet.
    public var foreignLetters: Int { tally.foreign.count }
    /// Stretches of text that look mis-decoded.
    public var suspiciousEncoding: Int { tally.encoding.count }
    /// Sentences with at least one suspicious stretch.
    public var suspiciousSentences: Int { tally.encodingSentences }

    /// The histogram cells with their counts.
    public var lengthHistogram: [(from: Int, to: Int?, count: Int)] {
        Self.lengthBins.map { bin in
            let upper = min(bin.to ?? (CorpusTally.lengthCells - 1), CorpusTally.lengthCells - 1)
            return (bin.from, bin.to, tally.lengthCounts[bin.from...upper].reduce(0, +))
        }
    }

    /// The length (tokens) below which `fraction` of the sentences fall.
    func percentile(_ fraction: Double) -> Int {
        let total = tally.sentences
        guard total > 0 else { return 0 }
        let target = Int((Double(total) * fraction).rounded(.up))
        var seen = 0
        for (length, n) in tally.lengthCounts.enumerated() {
            seen += n
            if seen >= max(1, target) { return length }
        }
        return CorpusTally.lengthCells - 1
    }

    var meanLength: Double { tally.sentences == 0 ? 0 : Double(tokenCount) / Double(tally.sentences) }

    /// Repeated groups of a table, most repeated first: hash, count, ids, text.
    func repeatedGroups(_ d: DuplicateTally, limit: Int = 20) -> (groups: Int, extra: Int, top: [(UInt64, Int, [String], String?)]) {
        var all: [(UInt64, UInt32, UInt64)] = []
        var extra = 0
        d.counter.forEach { key, n, first in
            if n >= 2 {
                all.append((key, n, first))
                extra += Int(n) - 1
            }
        }
        all.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }
        let top = all.prefix(limit).map { key, n, first in
            let group = d.groups[key]
            return (key, Int(n), [firstID(first)] + (group?.ids ?? []), group?.text)
        }
        return (all.count, extra, top)
    }

    /// The id of a first occurrence, rebuilt from its place (`DOC.pN` or `DOC.pN.sM`).
    private func firstID(_ place: UInt64) -> String {
        let (d, block, sentence) = Place.unpack(place)
        let doc = d < tally.documents.count ? tally.documents[d].id : "doc"
        let blockID = CorpusID.block(doc, block)
        return sentence == 0 ? blockID : CorpusID.sentence(blockID, sentence)
    }

    /// The fixes the findings call for, each with the reason.
    public var suggestions: [(fix: String, reason: String)] {
        var out: [(String, String)] = []
        if tally.mixedFixable > 0 {
            out.append(("latin-lookalikes", "\(tally.mixedFixable) Latin look-alike letter runs inside Cyrillic words"))
        }
        let heads = repeatedGroups(tally.paragraphs, limit: 0).groups
        if tally.pageNumberBlocks > 0 {
            out.append(("drop-page-furniture", "\(tally.pageNumberBlocks) blocks are bare page numbers"
                + (heads > 0 ? "; \(heads) paragraphs repeat (running heads?)" : "")))
        }
        return out
    }

    // MARK: JSON

    /// The report as JSON (format documented in README and `schema/stats.schema.json`).
    public var json: ReportJSON {
        func samples(_ list: [SentenceSample]) -> ReportJSON {
            .array(list.map { .object([("id", .string($0.id)), ("tokens", .int($0.tokens)), ("text", .string($0.text))]) })
        }
        func duplicates(_ d: DuplicateTally) -> ReportJSON {
            let r = repeatedGroups(d)
            return .object([
                ("repeated", .int(r.groups)), ("extra_copies", .int(r.extra)), ("complete", .bool(!d.counter.saturated)),
                ("groups", .array(r.top.map { hash, n, ids, text in
                    .object([("hash", .string(TextHash.hex(hash))), ("count", .int(n)),
                             ("ids", .array(ids.map { .string($0) })), ("text", text.map { .string($0) } ?? .null)])
                })),
            ])
        }
        let docs: [ReportJSON] = tally.documents.map { d in
            let guessed = LetterCounts.guess(d.letters)
            return .object([
                ("id", .string(d.id)), ("input", .string(d.input)),
                ("language", .object([
                    ("declared", d.declared.map { .string($0) } ?? .null), ("guessed", .string(guessed)),
                    ("agrees", LanguageGuess.agrees(guessed, d.declared).map { .bool($0) } ?? .null),
                ])),
                ("blocks", .int(d.blocks)), ("sentences", .int(d.sentences)), ("tokens", .int(d.tokens)),
                ("characters", .int(d.characters)),
                ("letters", .object([("cyrillic", .int(d.letters[0])), ("latin", .int(d.letters[1])), ("other", .int(d.letters[2]))])),
                ("letters_outside_alphabet", .int(d.foreignLetters)),
            ])
        }
        return .object([
            ("version", .int(1)),
            ("documents", .object([("count", .int(documentCount)), ("items", .array(docs))])),
            ("blocks", .object([("count", .int(blockCount)), ("by_kind", .object(blocksByKind.map { ($0.0, .int($0.1)) }))])),
            ("sentences", .object([("count", .int(sentenceCount))])),
            ("tokens", .object([
                ("count", .int(tokenCount)),
                ("by_kind", .object(TokenKind.allCases.map { ($0.rawValue, .int(tally.tokenKinds[$0.index])) })),
                ("word_types", .int(wordTypes)), ("word_types_complete", .bool(!tally.wordTypes.saturated)),
            ])),
            ("characters", .object([
                ("count", .int(characterCount)),
                ("letters", .object([("cyrillic", .int(tally.letters[0])), ("latin", .int(tally.letters[1])),
                                     ("other", .int(tally.letters[2]))])),
            ])),
            ("sentence_length", .object([
                ("unit", .string("tokens")), ("mean", .double(meanLength)), ("median", .int(percentile(0.5))),
                ("p90", .int(percentile(0.9))),
                ("histogram", .array(lengthHistogram.map {
                    .object([("from", .int($0.from)), ("to", $0.to.map { .int($0) } ?? .null), ("count", .int($0.count))])
                })),
                ("shortest", samples(tally.shortest)), ("longest", samples(tally.longest)),
            ])),
            ("mixed_script_tokens", .object([
                ("count", .int(tally.mixed.count)), ("fixable", .int(tally.mixedFixable)),
                ("examples", .array(tally.mixed.examples.map {
                    .object([("id", .string($0.id)), ("token", .string($0.token)), ("latin", .string($0.latin))])
                })),
                ("outside_alphabet", .object([
                    ("count", .int(tally.foreign.count)),
                    ("letters", .object(tally.foreignLetters.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                        .map { ($0.key, .int($0.value)) })),
                    ("examples", .array(tally.foreign.examples.map {
                        .object([("id", .string($0.id)), ("letter", .string($0.letter)), ("word", .string($0.word))])
                    })),
                ])),
            ])),
            ("suspicious_encoding", .object([
                ("count", .int(tally.encoding.count)), ("sentences", .int(tally.encodingSentences)),
                ("by_kind", .object(EncodingSuspectKind.allCases.map { ($0.rawValue, .int(tally.encodingKinds[$0.rawValue] ?? 0)) })),
                ("examples", .array(tally.encoding.examples.map {
                    .object([("id", .string($0.id)), ("kind", .string($0.kind)), ("text", .string($0.text)),
                             ("context", .string($0.context))])
                })),
            ])),
            ("duplicates", .object([
                ("paragraphs", duplicates(tally.paragraphs)), ("sentences", duplicates(tally.sentenceRepeats)),
            ])),
            ("page_number_blocks", .int(tally.pageNumberBlocks)),
            ("suggestions", .array(suggestions.map { .object([("fix", .string($0.fix)), ("reason", .string($0.reason))]) })),
        ])
    }
}

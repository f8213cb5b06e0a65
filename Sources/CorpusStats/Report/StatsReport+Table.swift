/// The terminal form of a report: a few aligned sections, plain text (no colour codes).
extension StatsReport {
    /// The report as readable lines for a terminal.
    public func table() -> String {
        var out: [String] = []
        let kinds = blocksByKind.map { "\($0.0) \(Self.grouped($0.1))" }.joined(separator: ", ")
        out.append("Counts")
        out.append(row("documents", documentCount))
        out.append(row("blocks", blockCount) + (kinds.isEmpty ? "" : "  (\(kinds))"))
        out.append(row("sentences", sentenceCount))
        out.append(row("tokens", tokenCount))
        out.append(row("characters", characterCount))
        out.append(row("word types", wordTypes) + (tally.wordTypes.saturated ? "  (at least)" : ""))
        out.append("")
        out.append("Sentence length in tokens: mean \(String(format1: meanLength)), median \(percentile(0.5)), 90% ≤ \(percentile(0.9))")
        let cells = lengthHistogram
        let widest = max(1, cells.map(\.count).max() ?? 1)
        for cell in cells where cell.count > 0 || cell.from > 0 {
            let label = cell.to == cell.from ? "\(cell.from)" : cell.to.map { "\(cell.from)–\($0)" } ?? "\(cell.from)+"
            let bar = String(repeating: "█", count: (cell.count * 40 + widest - 1) / widest)
            out.append(Self.pad(label, 9) + " " + Self.pad(Self.grouped(cell.count), 9, right: true) + " " + bar)
        }
        for (name, list) in [("shortest", tally.shortest), ("longest", tally.longest)] {
            for s in list.prefix(3) {
                out.append("  \(name): \(s.tokens) tokens  \(s.id)  \(CorpusTally.clip(s.text, to: 70))")
            }
        }
        out.append("")
        out.append("Findings")
        out.append(row("mixed-script tokens", tally.mixed.count))
        for e in tally.mixed.examples.prefix(5) { out.append("    \(e.id)  \(e.token)  (Latin: \(e.latin))") }
        out.append(row("letters outside the alphabet", tally.foreign.count))
        for e in tally.foreign.examples.prefix(5) { out.append("    \(e.id)  \(e.letter) in \(e.word)") }
        out.append(row("suspicious encoding", tally.encoding.count) + (tally.encoding.count > 0 ? "  (in \(tally.encodingSentences) sentences)" : ""))
        for e in tally.encoding.examples.prefix(5) { out.append("    \(e.id)  \(e.kind)  \(e.text)") }
        for (name, d) in [("repeated paragraphs", tally.paragraphs), ("repeated sentences", tally.sentenceRepeats)] {
            let r = repeatedGroups(d, limit: 5)
            out.append(row(name, r.groups) + (r.groups > 0 ? "  (\(Self.grouped(r.extra)) extra copies)" : ""))
            for (_, n, ids, text) in r.top {
                out.append("    \(n)×  \(ids.prefix(3).joined(separator: ", "))  \(CorpusTally.clip(text ?? "", to: 60))")
            }
        }
        out.append(row("bare page numbers", tally.pageNumberBlocks))
        out.append("")
        out.append("Documents")
        out.append(Self.pad("id", 24) + Self.pad("declared", 10) + Self.pad("guessed", 10)
            + Self.pad("blocks", 8, right: true) + Self.pad("sentences", 11, right: true)
            + Self.pad("tokens", 10, right: true) + "  letters cyr/lat/other")
        for d in tally.documents.prefix(50) {
            let guessed = LetterCounts.guess(d.letters)
            let mark = LanguageGuess.agrees(guessed, d.declared) == false ? " ≠" : ""
            let total = max(1, d.letters[0] + d.letters[1] + d.letters[2])
            let mix = (0..<3).map { "\(d.letters[$0] * 100 / total)%" }.joined(separator: "/")
            out.append(Self.pad(d.id, 24) + Self.pad(d.declared ?? "-", 10) + Self.pad(guessed + mark, 10)
                + Self.pad(Self.grouped(d.blocks), 8, right: true) + Self.pad(Self.grouped(d.sentences), 11, right: true)
                + Self.pad(Self.grouped(d.tokens), 10, right: true) + "  " + mix)
        }
        if tally.documents.count > 50 { out.append("… and \(tally.documents.count - 50) more (see --json)") }
        let fixes = suggestions
        if !fixes.isEmpty {
            out.append("")
            out.append("Suggested fixes (corpuskit convert … --fix NAME)")
            for f in fixes { out.append("  \(f.fix): \(f.reason)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func row(_ label: String, _ n: Int) -> String { "  " + Self.pad(label, 30) + Self.pad(Self.grouped(n), 12, right: true) }

    /// `1234567` as `1,234,567`.
    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// Pads to `width` characters (counted as Unicode scalars: no wide characters expected in labels).
    static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let n = s.unicodeScalars.count
        if n >= width { return s + (right ? "" : " ") }
        let fill = String(repeating: " ", count: width - n)
        return right ? fill + s : s + fill
    }
}

extension String {
    /// A number with one decimal (no Foundation needed).
    init(format1 x: Double) {
        let tenths = Int((x * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}

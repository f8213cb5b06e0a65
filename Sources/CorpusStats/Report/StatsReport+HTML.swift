/// The HTML form of a report: one self-contained page (inline CSS and SVG,
/// no script, nothing fetched from the network) that prints well to PDF.
extension StatsReport {
    /// The page; `title` names the corpus in the heading.
    public func html(title: String) -> String {
        var body = "<h1>Corpus report: \(Self.escape(title))</h1>\n"
        body += "<table class=\"counts\">\n"
        for (label, n) in [("documents", documentCount), ("blocks", blockCount), ("sentences", sentenceCount),
                           ("tokens", tokenCount), ("characters", characterCount), ("word types", wordTypes)] {
            body += "<tr><th>\(label)</th><td>\(Self.grouped(n))</td></tr>\n"
        }
        body += "<tr><th>blocks by kind</th><td>\(Self.escape(blocksByKind.map { "\($0.0) \($0.1)" }.joined(separator: ", ")))</td></tr>\n"
        body += "</table>\n"

        body += "<h2>Sentence length (tokens)</h2>\n"
        body += "<p>mean \(String(format1: meanLength)), median \(percentile(0.5)), 90% of sentences have at most \(percentile(0.9)) tokens.</p>\n"
        body += histogramSVG()
        body += sampleTable("Shortest sentences", tally.shortest) + sampleTable("Longest sentences", tally.longest)

        body += "<h2>Script mix per document</h2>\n" + scriptSVG()
        body += "<h2>Sizes (tokens per document)</h2>\n" + sizeSVG()

        body += "<h2>Findings</h2>\n<table class=\"findings\">\n"
        body += "<tr><th>mixed-script tokens</th><td>\(tally.mixed.count)</td><td>\(Self.escape(tally.mixed.examples.prefix(8).map { "\($0.token) (\($0.id))" }.joined(separator: "; ")))</td></tr>\n"
        body += "<tr><th>letters outside the alphabet</th><td>\(tally.foreign.count)</td><td>\(Self.escape(tally.foreign.examples.prefix(8).map { "\($0.letter) in \($0.word) (\($0.id))" }.joined(separator: "; ")))</td></tr>\n"
        body += "<tr><th>suspicious encoding</th><td>\(tally.encoding.count)</td><td>\(Self.escape(tally.encoding.examples.prefix(8).map { "\($0.kind): \($0.text) (\($0.id))" }.joined(separator: "; ")))</td></tr>\n"
        for (name, d) in [("repeated paragraphs", tally.paragraphs), ("repeated sentences", tally.sentenceRepeats)] {
            let r = repeatedGroups(d, limit: 8)
            body += "<tr><th>\(name)</th><td>\(r.groups)</td><td>\(Self.escape(r.top.map { "\($0.1)× \(CorpusTally.clip($0.3 ?? "", to: 60)) (\($0.2.prefix(2).joined(separator: ", ")))" }.joined(separator: "; ")))</td></tr>\n"
        }
        body += "</table>\n"
        if !suggestions.isEmpty {
            body += "<h2>Suggested fixes</h2>\n<ul>\n"
            for s in suggestions { body += "<li><code>--fix \(s.fix)</code>: \(Self.escape(s.reason))</li>\n" }
            body += "</ul>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Corpus report: \(Self.escape(title))</title>
            <style>
            body { font-family: "DejaVu Sans", "Noto Sans", sans-serif; margin: 2em; color: #222; max-width: 60em; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
            th, td { border-bottom: 1px solid #ddd; padding: 0.2em 0.8em; text-align: left; vertical-align: top; }
            td { font-variant-numeric: tabular-nums; }
            svg { display: block; margin: 0.5em 0 1.5em; }
            svg text { font-size: 11px; fill: #333; }
            table.samples { width: 100%; } table.samples td:first-child { white-space: nowrap; }
            @media print { body { margin: 0; } h2 { break-after: avoid; } svg { break-inside: avoid; } }
            .bar { fill: #4878a8; } .cyr { fill: #4878a8; } .lat { fill: #e0a030; } .oth { fill: #999; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    private func sampleTable(_ caption: String, _ list: [SentenceSample]) -> String {
        guard !list.isEmpty else { return "" }
        var s = "<table class=\"samples\"><caption>\(caption)</caption>\n<tr><th>id</th><th>tokens</th><th>text</th></tr>\n"
        for item in list {
            s += "<tr><td>\(Self.escape(item.id))</td><td>\(item.tokens)</td><td>\(Self.escape(CorpusTally.clip(item.text, to: 160)))</td></tr>\n"
        }
        return s + "</table>\n"
    }

    private func histogramSVG() -> String {
        let cells = lengthHistogram.filter { $0.from > 0 || $0.count > 0 }
        let w = 48, h = 160, left = 50
        let top = max(1, cells.map(\.count).max() ?? 1)
        var s = "<svg width=\"\(left + cells.count * w + 10)\" height=\"\(h + 50)\" role=\"img\" aria-label=\"sentence length histogram\">\n"
        s += "<text x=\"0\" y=\"12\">\(Self.grouped(top))</text><text x=\"0\" y=\"\(h + 10)\">0</text>\n"
        for (i, c) in cells.enumerated() {
            let bh = c.count * h / top
            let x = left + i * w
            let label = c.to == c.from ? "\(c.from)" : c.to.map { "\(c.from)-\($0)" } ?? "\(c.from)+"
            s += "<rect class=\"bar\" x=\"\(x)\" y=\"\(h + 10 - bh)\" width=\"\(w - 4)\" height=\"\(bh)\"><title>\(label) tokens: \(c.count) sentences</title></rect>\n"
            s += "<text x=\"\(x)\" y=\"\(h + 25)\">\(label)</text>\n"
        }
        s += "<text x=\"\(left)\" y=\"\(h + 45)\">tokens per sentence</text>\n"
        return s + "</svg>\n"
    }

    private func scriptSVG() -> String {
        let docs = Array(tally.documents.prefix(60))
        let rowH = 18, left = 220, width = 400
        var s = "<svg width=\"\(left + width + 20)\" height=\"\(docs.count * rowH + 30)\" role=\"img\" aria-label=\"letters by script per document\">\n"
        for (i, d) in docs.enumerated() {
            let total = max(1, d.letters[0] + d.letters[1] + d.letters[2])
            let y = i * rowH
            s += "<text x=\"0\" y=\"\(y + 13)\">\(Self.escape(CorpusTally.clip(d.id, to: 30)))</text>\n"
            var x = left
            for (k, cls) in ["cyr", "lat", "oth"].enumerated() {
                let part = d.letters[k] * width / total
                if part > 0 {
                    s += "<rect class=\"\(cls)\" x=\"\(x)\" y=\"\(y + 2)\" width=\"\(part)\" height=\"\(rowH - 4)\"><title>\(cls): \(d.letters[k]) letters</title></rect>\n"
                }
                x += part
            }
        }
        let y = docs.count * rowH + 20
        s += "<rect class=\"cyr\" x=\"\(left)\" y=\"\(y - 10)\" width=\"10\" height=\"10\"/><text x=\"\(left + 14)\" y=\"\(y)\">Cyrillic</text>"
        s += "<rect class=\"lat\" x=\"\(left + 90)\" y=\"\(y - 10)\" width=\"10\" height=\"10\"/><text x=\"\(left + 104)\" y=\"\(y)\">Latin</text>"
        s += "<rect class=\"oth\" x=\"\(left + 160)\" y=\"\(y - 10)\" width=\"10\" height=\"10\"/><text x=\"\(left + 174)\" y=\"\(y)\">other</text>\n"
        return s + "</svg>\n"
    }

    private func sizeSVG() -> String {
        let docs = Array(tally.documents.prefix(60))
        let rowH = 18, left = 220, width = 400
        let top = max(1, docs.map(\.tokens).max() ?? 1)
        var s = "<svg width=\"\(left + width + 240)\" height=\"\(docs.count * rowH + 10)\" role=\"img\" aria-label=\"tokens per document\">\n"
        for (i, d) in docs.enumerated() {
            let y = i * rowH
            let bw = max(1, d.tokens * width / top)
            s += "<text x=\"0\" y=\"\(y + 13)\">\(Self.escape(CorpusTally.clip(d.id, to: 30)))</text>"
            s += "<rect class=\"bar\" x=\"\(left)\" y=\"\(y + 2)\" width=\"\(bw)\" height=\"\(rowH - 4)\"/>"
            s += "<text x=\"\(left + bw + 4)\" y=\"\(y + 13)\">\(Self.grouped(d.tokens)) tokens, \(Self.grouped(d.sentences)) sentences</text>\n"
        }
        return s + "</svg>\n"
    }

    /// Text escaped for HTML element content and attribute values.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if c.value < 0x20 || (c.value >= 0x7F && c.value <= 0x9F) {
                    out += "[U+" + String(c.value, radix: 16, uppercase: true) + "]"  // a control has no HTML form
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }
}

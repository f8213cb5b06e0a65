/// How a plain-text file marks paragraphs and sentences (option `layout`).
public enum TextLayout: String, Sendable, CaseIterable {
    /// Blank lines between paragraphs; lines hard-wrapped (PDF extraction).
    /// Lines are unwrapped, `-`/soft-hyphen breaks inside words joined; an
    /// indented line after a finished sentence and a bulleted line also start
    /// a paragraph, and a lower-case line after a blank line continues one.
    case paragraphs
    /// Paragraphs begin with an indented line (blank lines also separate them).
    case indented
    /// One paragraph per line.
    case lines
    /// One sentence per line, a blank line between paragraphs (the gold format).
    case sentences
    /// Corpus dumps: a TAB separates paragraphs, one sentence per line inside
    /// them; a line starting in lower case continues the sentence before it, and
    /// a number before a TAB (`2.\t`) starts a list-item paragraph.
    case tabbed

    /// Whether the reader marks sentences itself in this layout.
    public var yieldsSentences: Bool { self == .sentences || self == .tabbed }
}

/// Guesses a file's layout from its first lines and says why.
enum LayoutDetector {
    static func detect(_ lines: [String], language: String) throws -> (TextLayout, reason: String) {
        var nonBlank = 0, blank = 0, midTab = 0, indented = 0, lowerStart = 0
        var sample: [String] = []
        for line in lines {
            if TextWhitespace.isBlank(line) {
                blank += 1
                continue
            }
            nonBlank += 1
            if TextWhitespace.isIndented(line) { indented += 1 }
            if TextWhitespace.startsLowercase(line) { lowerStart += 1 }
            if let tab = line.unicodeScalars.firstIndex(of: "\t"),
                line.unicodeScalars[..<tab].contains(where: { !ScalarClass.isSpace($0) })
            {
                midTab += 1
            }
            if sample.count < 300 { sample.append(line) }
        }
        if nonBlank == 0 { return (.paragraphs, "the input holds no text") }
        func pct(_ a: Int) -> Int { a * 100 / max(1, nonBlank) }
        if midTab >= 2 && midTab * 20 >= nonBlank {
            return (.tabbed, "\(midTab) of \(nonBlank) lines have a TAB after text (\(pct(midTab))%): TAB-separated paragraphs, one sentence per line")
        }
        if lowerStart * 5 >= nonBlank {
            let why = "\(pct(lowerStart))% of lines begin in lower case, so lines are hard-wrapped"
            if blank == 0 && indented * 20 >= nonBlank {
                return (.indented, why + "; no blank lines, \(indented) indented lines start paragraphs")
            }
            return (.paragraphs, why + "; \(blank) blank lines\(indented > 0 ? " and \(indented) indented lines" : "") separate paragraphs")
        }
        let segmenter = SentenceSegmenter()
        let abbreviations = try AbbreviationList.bundled(for: language)
        let multi = sample.filter { segmenter.segment($0, abbreviations: abbreviations).count > 1 }.count
        let multiPct = multi * 100 / max(1, sample.count)
        if blank > 0 {
            // Sentence-per-line files hold (almost) no line with two sentences; when in doubt, segment.
            if multiPct >= 10 {
                return (.paragraphs, "lines begin in upper case and \(multiPct)% hold several sentences; blank lines separate paragraphs")
            }
            return (.sentences, "lines begin in upper case, \(100 - multiPct)% hold one sentence, and \(blank) blank lines separate groups: one sentence per line")
        }
        if indented * 100 >= nonBlank * 30 {
            return (.indented, "no blank lines; \(pct(indented))% of lines are indented paragraph starts")
        }
        return (.lines, "no blank lines and lines begin in upper case (\(multiPct)% hold several sentences): one paragraph per line")
    }
}

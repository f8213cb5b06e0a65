import CorpusModel

/// `tabbed`: corpus dumps where a TAB separates paragraphs and each line is a sentence.
///
/// Judgements (see the sample's gold notes): a line that begins in lower case
/// continues the sentence before it (the dump's splitter broke after an
/// abbreviation such as `млн`); a list number right before a TAB (`…жүргізу.2.\t«Азия…`
/// or a line `1.\t…`) moves to the start of the next paragraph (`2. «Азия…`);
/// a line may still hold run-together sentences, so each line goes through
/// the segmenter; blank lines also end a paragraph.
final class TabbedAssembler: LayoutAssembler {
    private let segment: (String) -> [String]
    private let emit: (AssembledBlock) throws -> Void
    private var lines: [String] = []
    private var pendingNumber: String?
    private var bytes = 0
    private let structure: Bool
    /// The open paragraph began with a list number (a list item with `structure`).
    private var isItem = false

    init(segment: @escaping (String) -> [String], structure: Bool = false, emit: @escaping (AssembledBlock) throws -> Void) {
        self.segment = segment
        self.structure = structure
        self.emit = emit
    }

    func feed(_ line: String, collapsed: Bool) throws {
        if TextWhitespace.isBlank(line) {
            try flush()
            return
        }
        var first = true
        for field in line.utf8.split(separator: 0x09, omittingEmptySubsequences: false) {
            if !first { try closeBeforeTab() }
            first = false
            var content = TextWhitespace.collapse(Substring(field))
            if content.isEmpty { continue }
            if let number = pendingNumber {
                content = number + " " + content
                pendingNumber = nil
                isItem = structure && lines.isEmpty
            }
            try add(content)
        }
    }

    var heldBytes: Int { bytes }

    func finish() throws {
        if let number = pendingNumber {
            try add(number)
            pendingNumber = nil
        }
        try flush()
    }

    private func add(_ content: String) throws {
        if !lines.isEmpty && TextWhitespace.startsLowercase(content) {
            lines[lines.count - 1] += " " + content
        } else {
            if bytes > maximumParagraphBytes { try flush() }
            lines.append(content)
        }
        bytes += content.utf8.count
    }

    private func closeBeforeTab() throws {
        if let last = lines.last, let (rest, number) = Self.detachListNumber(last) {
            if rest.isEmpty { lines.removeLast() } else { lines[lines.count - 1] = rest }
            try flush()
            pendingNumber = number
        } else {
            try flush()
        }
    }

    private func flush() throws {
        guard !lines.isEmpty else { return }
        let sentences = lines.flatMap { segment($0) }
        lines.removeAll()
        bytes = 0
        let kind: BlockKind = isItem ? .listItem : .paragraph
        isItem = false
        if !sentences.isEmpty { try emit(.sentences(sentences, kind)) }
    }

    /// Splits `…text.12.` into (`…text.`, `12.`) when the line ends with a list
    /// number of one or two digits that stands alone or follows a finished sentence.
    static func detachListNumber(_ line: String) -> (String, String)? {
        let s = Array(line.unicodeScalars)
        guard let mark = s.last, mark == "." || mark == ")" else { return nil }
        var d = s.count - 1
        while d > 0 && ScalarClass.isDigit(s[d - 1]) { d -= 1 }
        let digits = s.count - 1 - d
        guard digits >= 1 && digits <= 2 else { return nil }
        var ok = d == 0
        if d > 0 {
            let before = s[d - 1]
            if ScalarClass.isTerminator(before) || ScalarClass.isCloser(before) {
                ok = true
            } else if before == " ", d >= 2, ScalarClass.isTerminator(s[d - 2]) || ScalarClass.isCloser(s[d - 2]) {
                ok = true
            }
        }
        guard ok else { return nil }
        let rest = String(String.UnicodeScalarView(s[0..<d])).trimmingTrailingSpaces()
        return (rest, String(String.UnicodeScalarView(s[d...])))
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var v = unicodeScalars
        while let l = v.last, ScalarClass.isSpace(l) { v.removeLast() }
        return String(v)
    }
}

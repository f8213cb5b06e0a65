import CorpusModel

/// What an assembler hands on: a paragraph's text, or the sentences the layout marks.
enum AssembledBlock {
    case text(String, BlockKind)
    case sentences([String], BlockKind)
}

/// Turns lines into paragraphs for one layout; holds at most one paragraph.
protocol LayoutAssembler: AnyObject {
    func feed(_ line: String) throws
    func finish() throws
    /// Bytes of the paragraph held now (checked against ``ReadLimits``).
    var heldBytes: Int { get }
}

/// A paragraph that grows past this many bytes without a break (a file with no
/// paragraph marks at all) is cut after the next finished sentence, so memory
/// stays bounded on any input.
let maximumParagraphBytes = 1 << 20

/// `paragraphs` and `indented`: unwraps hard-wrapped lines into paragraphs.
final class WrappedParagraphAssembler: LayoutAssembler {
    private let indentAlwaysBreaks: Bool
    private let emit: (AssembledBlock) throws -> Void
    private var text = ""
    private var pendingBlank = false
    private var inBullet = false

    /// `indentAlwaysBreaks`: every indented line not in lower case starts a paragraph
    /// (the `indented` layout); otherwise only after a finished sentence.
    init(indentAlwaysBreaks: Bool, emit: @escaping (AssembledBlock) throws -> Void) {
        self.indentAlwaysBreaks = indentAlwaysBreaks
        self.emit = emit
    }

    func feed(_ line: String) throws {
        if TextWhitespace.isBlank(line) {
            if !text.isEmpty { pendingBlank = true }
            return
        }
        let content = TextWhitespace.collapse(line)
        let lower = TextWhitespace.startsLowercase(content)
        let bullet = TextWhitespace.bulletPrefix(content)
        var startsNew = false
        if text.isEmpty {
            startsNew = false
        } else if bullet {
            startsNew = true
        } else if pendingBlank {
            // A blank line inside a sentence (page or column break) does not end it.
            startsNew = !(lower && !TextWhitespace.endsWithStop(text))
        } else if inBullet {
            startsNew = !lower
        } else if TextWhitespace.isIndented(line) && !lower {
            startsNew = indentAlwaysBreaks || TextWhitespace.endsWithStop(text)
        }
        if !startsNew && text.utf8.count > maximumParagraphBytes && TextWhitespace.endsWithStop(text) { startsNew = true }
        if startsNew { try flush() }
        if text.isEmpty {
            inBullet = bullet
            text = content
        } else {
            append(content)
        }
        pendingBlank = false
    }

    func finish() throws { try flush() }

    var heldBytes: Int { text.utf8.count }

    /// Joins a wrapped line: soft hyphens vanish, a `-` between letters stays
    /// without a space (`ақша-` + `несие`), otherwise one space.
    private func append(_ content: String) {
        let last = text.unicodeScalars.last
        if last == "\u{AD}" {
            text.unicodeScalars.removeLast()
            text += content
            return
        }
        if last == "-", TextWhitespace.startsLowercase(content) {
            let scalars = text.unicodeScalars
            let hyphen = scalars.index(before: scalars.endIndex)
            if hyphen > scalars.startIndex, ScalarClass.isLetter(scalars[scalars.index(before: hyphen)]) {
                text += content
                return
            }
        }
        text += " "
        text += content
    }

    private func flush() throws {
        if !text.isEmpty { try emit(.text(text, .paragraph)) }
        text = ""
        pendingBlank = false
        inBullet = false
    }
}

/// `lines`: each non-blank line is a paragraph.
final class LinePerParagraphAssembler: LayoutAssembler {
    private let emit: (AssembledBlock) throws -> Void
    init(emit: @escaping (AssembledBlock) throws -> Void) { self.emit = emit }

    func feed(_ line: String) throws {
        let content = TextWhitespace.collapse(line)
        if !content.isEmpty { try emit(.text(content, .paragraph)) }
    }

    func finish() throws {}

    var heldBytes: Int { 0 }
}

/// `sentences`: each line a sentence, blank lines between paragraphs (the gold format).
final class SentencePerLineAssembler: LayoutAssembler {
    private let emit: (AssembledBlock) throws -> Void
    private var sentences: [String] = []
    private var bytes = 0
    init(emit: @escaping (AssembledBlock) throws -> Void) { self.emit = emit }

    func feed(_ line: String) throws {
        let content = TextWhitespace.collapse(line)
        if content.isEmpty {
            try finish()
        } else {
            if bytes > maximumParagraphBytes { try finish() }
            sentences.append(content)
            bytes += content.utf8.count
        }
    }

    func finish() throws {
        if !sentences.isEmpty { try emit(.sentences(sentences, .paragraph)) }
        sentences.removeAll()
        bytes = 0
    }

    var heldBytes: Int { bytes }
}

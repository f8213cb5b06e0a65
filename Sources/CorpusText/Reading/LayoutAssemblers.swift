import CorpusModel

/// What an assembler hands on: a paragraph's text, or the sentences the layout marks.
enum AssembledBlock {
    case text(String, BlockKind)
    case sentences([String], BlockKind)
}

/// Turns lines into paragraphs for one layout; holds at most one paragraph.
protocol LayoutAssembler: AnyObject {
    /// `collapsed`: the line is known to need no ``TextWhitespace/collapse(_:)-(String)`` (the reader's
    /// validating pass found that); false when unknown.
    func feed(_ line: String, collapsed: Bool) throws
    /// The same for a line given as its UTF-8 (valid, without NUL; `ascii` when all
    /// of it is ASCII), only valid during the call. By default made a `String`.
    func feed(utf8 line: UnsafeBufferPointer<UInt8>, ascii: Bool, collapsed: Bool) throws
    func finish() throws
    /// Bytes of the paragraph held now (checked against ``ReadLimits``).
    var heldBytes: Int { get }
}

extension LayoutAssembler {
    func feed(_ line: String) throws { try feed(line, collapsed: false) }

    func feed(utf8 line: UnsafeBufferPointer<UInt8>, ascii: Bool, collapsed: Bool) throws {
        try feed(String(copying: unsafe UTF8Span(unchecked: Span(_unsafeElements: line), isKnownASCII: ascii)), collapsed: collapsed)
    }
}

/// A paragraph that grows past this many bytes without a break (a file with no
/// paragraph marks at all) is cut after the next finished sentence, so memory
/// stays bounded on any input.
let maximumParagraphBytes = 1 << 20

/// `paragraphs` and `indented`: unwraps hard-wrapped lines into paragraphs.
///
/// With `structure`, a heading-shaped line at a paragraph start (see
/// ``PlainStructure/headingLevel(_:)``) is held until the next line shows it
/// is followed by a new paragraph (a blank line or a line not in lower case),
/// then emitted as a heading; bulleted and numbered lines become list items.
final class WrappedParagraphAssembler: LayoutAssembler {
    private let indentAlwaysBreaks: Bool
    private let structure: Bool
    private let emit: (AssembledBlock) throws -> Void
    // Touched for every line, on the reader's thread only: no dynamic exclusivity checks
    // (they cost ~20 M instructions on 10 MiB).
    /// The paragraph so far, as UTF-8: lines are joined here and the paragraph's
    /// `String` is made once, at its end (appending to a `String` line by line
    /// cost ~500 instructions a line).
    @exclusivity(unchecked) private var text = ParagraphBuffer()
    @exclusivity(unchecked) private var pendingBlank = false
    @exclusivity(unchecked) private var inBullet = false
    @exclusivity(unchecked) private var kind: BlockKind = .paragraph
    @exclusivity(unchecked) private var heading: (text: String, level: Int)?

    /// `indentAlwaysBreaks`: every indented line not in lower case starts a paragraph
    /// (the `indented` layout); otherwise only after a finished sentence.
    init(indentAlwaysBreaks: Bool, structure: Bool = false, emit: @escaping (AssembledBlock) throws -> Void) {
        self.indentAlwaysBreaks = indentAlwaysBreaks
        self.structure = structure
        self.emit = emit
    }

    func feed(_ line: String, collapsed: Bool) throws {
        if let held = heading {
            heading = nil
            if TextWhitespace.isBlank(line) || !TextWhitespace.startsLowercase(line) {
                try emit(.text(held.text, .heading(level: held.level)))
            } else {
                text.set(held.text)  // continued in lower case: an ordinary paragraph after all
                kind = .paragraph
            }
        }
        if TextWhitespace.isBlank(line) {
            if !text.isEmpty { pendingBlank = true }
            return
        }
        let content = collapsed ? line : TextWhitespace.collapse(line)
        let lower = TextWhitespace.startsLowercase(content)
        let bullet = TextWhitespace.bulletPrefix(content)
        let numbered = structure && PlainStructure.isNumberedItem(content)
        if startsNewParagraph(lower: lower, bullet: bullet, numbered: numbered, indented: TextWhitespace.isIndented(line)) {
            try flush()
        }
        if text.isEmpty {
            if structure, !bullet, let level = PlainStructure.headingLevel(content) {
                heading = (content, level)
                pendingBlank = false
                return
            }
            inBullet = bullet || numbered
            kind = structure && inBullet ? .listItem : .paragraph
            text.set(content)
        } else {
            append(content)
        }
        pendingBlank = false
    }

    /// ``feed(_:collapsed:)`` for a line given as bytes: a collapsed line without
    /// `structure` (the common case) is placed from its bytes, with no `String` made.
    /// Such a line holds no whitespace but single inner spaces, so it is blank only
    /// when empty and never indented.
    func feed(utf8 line: UnsafeBufferPointer<UInt8>, ascii: Bool, collapsed: Bool) throws {
        guard collapsed, !structure, heading == nil else {
            let text = String(copying: unsafe UTF8Span(unchecked: Span(_unsafeElements: line), isKnownASCII: ascii))
            return try feed(text, collapsed: collapsed)
        }
        if line.isEmpty {
            if !text.isEmpty { pendingBlank = true }
            return
        }
        let lower = TextWhitespace.startsLowercase(utf8: line)
        let bullet = TextWhitespace.bulletPrefix(utf8: line)
        if startsNewParagraph(lower: lower, bullet: bullet, numbered: false, indented: false) { try flush() }
        if text.isEmpty {
            inBullet = bullet
            kind = .paragraph
            text.set(line)
        } else {
            append(line, startsLowercase: lower)
        }
        pendingBlank = false
    }

    /// Whether a non-blank line with these facts starts a new paragraph.
    private func startsNewParagraph(lower: Bool, bullet: Bool, numbered: Bool, indented: Bool) -> Bool {
        var startsNew = false
        if text.isEmpty {
            startsNew = false
        } else if bullet {
            startsNew = true
        } else if pendingBlank {
            // A blank line inside a sentence (page or column break) does not end it.
            startsNew = !(lower && !text.endsWithStop)
        } else if inBullet {
            startsNew = !lower
        } else if numbered && text.endsWithListBreak {
            startsNew = true
        } else if indented && !lower {
            startsNew = indentAlwaysBreaks || text.endsWithStop
        }
        if !startsNew && text.count > maximumParagraphBytes && text.endsWithStop { startsNew = true }
        return startsNew
    }

    func finish() throws {
        if let held = heading {  // a last short line: nothing follows it, so no heading
            heading = nil
            text.set(held.text)
            kind = .paragraph
        }
        try flush()
    }

    var heldBytes: Int { text.count }

    /// Joins a wrapped line: soft hyphens vanish, a `-` between letters stays
    /// without a space (`ақша-` + `несие`), otherwise one space.
    private func append(_ content: String) {
        switch joint(startsLowercase: TextWhitespace.startsLowercase(content)) {
        case .none: text.append(content)
        case .space: text.append(space: content)
        }
    }

    private func append(_ content: UnsafeBufferPointer<UInt8>, startsLowercase: Bool) {
        switch joint(startsLowercase: startsLowercase) {
        case .none: text.append(content)
        case .space: text.append(space: content)
        }
    }

    private enum Joint { case none, space }

    /// How the next line joins the paragraph (dropping a final soft hyphen).
    private func joint(startsLowercase: Bool) -> Joint {
        let last = text.lastScalar(before: text.count)
        if last?.scalar == "\u{AD}" {
            text.removeLast(from: last!.start)
            return .none
        }
        if let last, last.scalar == "-", startsLowercase {
            if let before = text.lastScalar(before: last.start), ScalarClass.isLetter(before.scalar) { return .none }
        }
        return .space
    }

    private func flush() throws {
        if !text.isEmpty { try emit(.text(text.string(), kind)) }
        text.removeAll()
        pendingBlank = false
        inBullet = false
        kind = .paragraph
    }
}

/// `lines`: each non-blank line is a paragraph. With `structure`, a
/// heading-shaped line followed by another line is a heading, and bulleted
/// or numbered lines are list items.
final class LinePerParagraphAssembler: LayoutAssembler {
    private let emit: (AssembledBlock) throws -> Void
    private let structure: Bool
    private var heading: (text: String, level: Int)?

    init(structure: Bool = false, emit: @escaping (AssembledBlock) throws -> Void) {
        self.structure = structure
        self.emit = emit
    }

    func feed(_ line: String, collapsed: Bool) throws {
        let content = collapsed ? line : TextWhitespace.collapse(line)
        if content.isEmpty { return }
        if let held = heading {
            heading = nil
            try emit(.text(held.text, .heading(level: held.level)))
        }
        guard structure else {
            try emit(.text(content, .paragraph))
            return
        }
        if TextWhitespace.bulletPrefix(content) || PlainStructure.isNumberedItem(content) {
            try emit(.text(content, .listItem))
        } else if let level = PlainStructure.headingLevel(content) {
            heading = (content, level)
        } else {
            try emit(.text(content, .paragraph))
        }
    }

    func finish() throws {
        if let held = heading {
            heading = nil
            try emit(.text(held.text, .paragraph))
        }
    }

    var heldBytes: Int { heading?.text.utf8.count ?? 0 }
}

/// `sentences`: each line a sentence, blank lines between paragraphs (the gold format).
final class SentencePerLineAssembler: LayoutAssembler {
    private let emit: (AssembledBlock) throws -> Void
    private var sentences: [String] = []
    private var bytes = 0
    init(emit: @escaping (AssembledBlock) throws -> Void) { self.emit = emit }

    func feed(_ line: String, collapsed: Bool) throws {
        let content = collapsed ? line : TextWhitespace.collapse(line)
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

import CorpusModel

/// The state of one plain-text read: layout detection, the assembler, block numbering.
///
/// With `auto` it keeps the first 64 KiB of lines, detects the layout from
/// them, then streams; otherwise it streams from the first line.
final class TextReadSession {
    private let document: DocumentStart
    private let language: String
    private let paragraphLimit: Int
    private let inputName: String
    private let sink: any CorpusEventSink
    private var layout: TextLayout?
    private var assembler: (any LayoutAssembler)?
    private var held: [String] = []
    private var heldBytes = 0
    private var blockCount = 0
    /// `DOC.pN`, as ``CorpusID/block(_:_:)`` spells them.
    private let blockIDs: NumberedIDs
    private let structure: Bool
    /// Blocks by kind name, for `--explain`.
    private(set) var kinds: [String: Int] = [:]
    /// Paragraphs split at numbered items that ran inside them.
    private(set) var inlineLists = 0
    private(set) var emittedAnything = false

    private static let detectionWindow = 1 << 16

    init(document: DocumentStart, layout: TextLayout?, language: String, structure: Bool = false,
         paragraphLimit: Int = ReadLimits.maximumUnitBytes, inputName: String = "", sink: any CorpusEventSink) {
        self.document = document
        self.blockIDs = NumberedIDs(document.id, marker: "p")
        self.structure = structure
        self.layout = layout
        self.language = language
        self.paragraphLimit = paragraphLimit
        self.inputName = inputName
        self.sink = sink
    }

    func accept(_ line: SourceLine) throws {
        if assembler == nil, let layout { assembler = try makeAssembler(layout) }
        if let assembler, let utf8 = line.utf8, line.number > 1 || !utf8.starts(with: [0xEF, 0xBB, 0xBF]) {
            try assembler.feed(utf8: utf8, ascii: line.ascii, collapsed: line.collapsed)
            try checkHeld(assembler, at: line)
            return
        }
        var text = line.text
        var collapsed = line.collapsed
        if line.number == 1 && text.hasPrefix("\u{FEFF}") {
            text.removeFirst()
            collapsed = false  // what follows the mark was not checked as the line's start
        }
        if let assembler {
            try assembler.feed(text, collapsed: collapsed)
            try checkHeld(assembler, at: line)
            return
        }
        held.append(text)
        heldBytes += text.utf8.count + 1
        if heldBytes >= Self.detectionWindow { try startStreaming() }
    }

    /// A paragraph that grows past the limit (lines that never reach a paragraph
    /// break) is an error at the line that made it too long, not unbounded memory.
    private func checkHeld(_ assembler: any LayoutAssembler, at line: SourceLine) throws {
        guard assembler.heldBytes > paragraphLimit else { return }
        throw CorpusError(
            .structure,
            "paragraph longer than \(ReadLimits.describe(paragraphLimit)) (the limit for one paragraph) at line \(line.number): no paragraph break in sight; choose another --layout",
            file: inputName, location: SourceLocation(line: line.number, column: 1, byteOffset: line.byteOffset))
    }

    func finish() throws {
        if assembler == nil, let layout { assembler = try makeAssembler(layout) }
        if assembler == nil { try startStreaming() }
        try assembler?.finish()
        if emittedAnything { try sink.receive(.endDocument) }
    }

    private func startStreaming() throws {
        let (chosen, _) = try LayoutDetector.detect(held, language: language)
        layout = chosen
        let assembler = try makeAssembler(chosen)
        self.assembler = assembler
        for line in held { try assembler.feed(line) }
        held = []
    }

    private func makeAssembler(_ layout: TextLayout) throws -> any LayoutAssembler {
        let emit: (AssembledBlock) throws -> Void = { [unowned self] in try self.emitBlock($0) }
        switch layout {
        case .paragraphs: return WrappedParagraphAssembler(indentAlwaysBreaks: false, structure: structure, emit: emit)
        case .indented: return WrappedParagraphAssembler(indentAlwaysBreaks: true, structure: structure, emit: emit)
        case .lines: return LinePerParagraphAssembler(structure: structure, emit: emit)
        case .sentences: return SentencePerLineAssembler(emit: emit)
        case .tabbed:
            let segmenter = SentenceSegmenter()
            let abbreviations = try AbbreviationList.bundled(for: language)
            return TabbedAssembler(segment: { segmenter.segment($0, abbreviations: abbreviations) }, structure: structure, emit: emit)
        }
    }

    private func emitBlock(_ block: AssembledBlock) throws {
        if structure, case .text(let text, .paragraph) = block, let pieces = PlainStructure.splitInlineItems(text) {
            inlineLists += 1
            for (piece, kind) in pieces { try emitOne(.text(piece, kind)) }
            return
        }
        try emitOne(block)
    }

    private func emitOne(_ block: AssembledBlock) throws {
        if !emittedAnything {
            try sink.receive(.startDocument(document))
            emittedAnything = true
        }
        blockCount += 1
        let id = blockIDs.id(blockCount)
        switch block {
        case .text(_, let kind), .sentences(_, let kind): kinds[kind.name, default: 0] += 1
        }
        switch block {
        case .text(let text, let kind):
            try sink.receive(.block(Block(id: id, kind: kind, content: .text(text))))
        case .sentences(let sentences, let kind):
            let ids = NumberedIDs(id, marker: "s")
            let list = sentences.enumerated().map { Sentence(id: ids.id($0.offset + 1), text: $0.element) }
            try sink.receive(.block(Block(id: id, kind: kind, content: .sentences(list))))
        }
    }
}

import CorpusModel

/// Recognises page furniture in text extracted from paged documents: bare
/// page numbers (`12`, `- 12 -`, `12 бет`, `стр. 12`, `12/300`) and the keys
/// running heads repeat under (digits folded, so `Хабаршы, 2020, №3, 45 б.`
/// and `…, 46 б.` share one).
enum PageFurniture {
    private static let pageWords: Set<String> = ["page", "p.", "бет", "б.", "стр.", "с.", "страница", "pp."]

    /// Whether `text` is nothing but a page number.
    static func isPageNumber(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard scalars.count <= 24, scalars.contains(where: { $0.value >= 0x30 && $0.value <= 0x39 }) else { return false }
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "–" || $0 == "—" })
        words.removeAll { pageWords.contains(String($0)) }
        guard words.count == 1 || (words.count == 3 && (words[1] == "of" || words[1] == "/")) else { return false }
        let parts = words[0].split(separator: "/", omittingEmptySubsequences: false)
        return parts.count <= 2 && parts.allSatisfy { p in
            (1...4).contains(p.count) && p.unicodeScalars.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 }
        }
    }

    /// The running-head key of a short block (lower case, digits as `#`), or nil for text too long to be one.
    static func headKey(_ text: String) -> String? {
        guard text.unicodeScalars.count <= 120, !text.isEmpty else { return nil }
        var key = String.UnicodeScalarView()
        for c in text.lowercased().unicodeScalars {
            if c.value >= 0x30 && c.value <= 0x39 {
                if key.last != "#" { key.append("#") }
            } else {
                key.append(c)
            }
        }
        return String(key)
    }
}

/// `drop-page-furniture`: removes running heads and page numbers that page
/// breaks left in the text (PDF extraction).
///
/// Dropped: blocks that are a bare page number, and short blocks (≤ 120
/// characters) whose text, digits aside, occurs at least three times within
/// a window of ``window`` blocks of the document — a running head. A block
/// that begins with such furniture and goes on in lower case (the text
/// reader glued the rest of a sentence broken by the page to it) loses the
/// furniture and joins the block before it when that one ended mid-sentence.
/// Blocks are renumbered (`DOC.pN`) afterwards. Memory: one window of blocks.
/// Opt-in only: `corpuskit convert … --fix drop-page-furniture`.
public struct PageFurnitureFix: CorpusTransform {
    public var name: String { "drop-page-furniture" }
    public var summary: String { "opt-in fix: drop running heads and page numbers repeated at page breaks" }
    public var provides: Capabilities { [] }
    public var requires: Capabilities { [] }

    /// How many blocks ahead the fix looks for repeats.
    public static let window = 256

    public init() {}

    public func makeSink(sendingTo downstream: any CorpusEventSink, options: FormatOptions) throws -> any CorpusEventSink {
        PageFurnitureSink(downstream: downstream, window: Self.window)
    }
}

/// The streaming state of ``PageFurnitureFix`` for one document at a time.
final class PageFurnitureSink: CorpusEventSink {
    private let downstream: any CorpusEventSink
    private let window: Int
    private var document: DocumentStart?
    private var ahead: [Block] = []
    private var aheadStart = 0
    private var keyCounts: [String: Int] = [:]
    private var held: Block?
    private var emitted = 0

    init(downstream: any CorpusEventSink, window: Int) {
        self.downstream = downstream
        self.window = window
    }

    func receive(_ event: CorpusEvent) throws {
        switch event {
        case .startDocument(let start):
            try endDocument()
            document = start
            try downstream.receive(event)
        case .block(let block):
            if let key = PageFurniture.headKey(block.plainText) { keyCounts[key, default: 0] += 1 }
            ahead.append(block)
            if ahead.count - aheadStart > window { try decide(ahead[aheadStart]); aheadStart += 1 }
            if aheadStart > 1024 { ahead.removeFirst(aheadStart); aheadStart = 0 }
        case .endDocument:
            try endDocument()
            try downstream.receive(event)
        }
    }

    func finish() throws {
        try endDocument()
        try downstream.finish()
    }

    private func endDocument() throws {
        while aheadStart < ahead.count {
            try decide(ahead[aheadStart])
            aheadStart += 1
        }
        ahead.removeAll()
        aheadStart = 0
        try release()
        keyCounts.removeAll()
        emitted = 0
        document = nil
    }

    private func isFurniture(_ text: String) -> Bool {
        if PageFurniture.isPageNumber(text) { return true }
        guard let key = PageFurniture.headKey(text) else { return false }
        return (keyCounts[key] ?? 0) >= 3
    }

    /// Drops, trims or keeps `block`.
    private func decide(_ block: Block) throws {
        let text = block.plainText
        if isFurniture(text) { return }
        // Furniture glued before the rest of a sentence the page broke: only when the
        // block before ended mid-sentence (and is no heading) is it taken off and joined.
        if case .text = block.content, var previous = held, case .text(let before) = previous.content,
            !Self.endsSentence(before), before.unicodeScalars.count >= 60, let rest = stripFurniturePrefix(text)
        {
            previous.content = .text(before + " " + rest)
            held = previous
            return
        }
        try hold(block)
    }

    /// The text after leading furniture (a page number, a running head, or both) when lower-case text follows.
    private func stripFurniturePrefix(_ text: String) -> String? {
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var stripped = false
        // Longest furniture prefix first: a running head may have several words.
        var changed = true
        while changed && words.count > 1 {
            changed = false
            for n in stride(from: min(words.count - 1, 16), through: 1, by: -1) {
                let prefix = words[0..<n].joined(separator: " ")
                if isFurniture(prefix) {
                    words.removeFirst(n)
                    stripped = true
                    changed = true
                    break
                }
            }
        }
        guard stripped, let first = words.first?.unicodeScalars.first, first.properties.isLowercase else { return nil }
        return words.joined(separator: " ")
    }

    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last(where: { $0 != " " && $0 != "»" && $0 != ")" && $0 != "\"" }) else { return true }
        return ".!?…:".unicodeScalars.contains(last)
    }

    private func hold(_ block: Block) throws {
        try release()
        held = block
    }

    /// Sends the held block on, renumbered.
    private func release() throws {
        guard var block = held else { return }
        held = nil
        emitted += 1
        let doc = document?.id ?? "doc"
        let id = CorpusID.block(doc, emitted)
        // Ids in the stable scheme are renumbered; ids a source gave stay as they are.
        if block.id != id && block.id.hasPrefix(doc + ".p") {
            block.id = id
            if case .sentences(var list) = block.content {
                for i in list.indices { list[i].id = CorpusID.sentence(id, i + 1) }
                block.content = .sentences(list)
            }
        }
        try downstream.receive(.block(block))
    }
}

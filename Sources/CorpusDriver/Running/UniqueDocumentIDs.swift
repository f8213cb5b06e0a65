import CorpusModel

/// Makes document ids unique in one combined output, the same way on every run.
///
/// Inputs arrive in plan order. A document keeps its id unless an earlier
/// one took it, or its file name collides with another input's (two `x.txt`
/// from different folders); then its id comes from its relative path
/// (`a/x.txt` → `a_x`), and a numbered suffix (`a_x_2`) if even that is taken.
/// With several inputs, block and sentence ids are kept under their document's
/// id (`DOC.…`), so ids a source chose freely cannot clash across documents.
public final class UniqueDocumentIDs: RenderingAheadSink {
    /// What the sink knows about the input being read.
    public struct InputNames: Sendable {
        /// The id a reader derives from the file name (``CorpusID/documentID(forInputNamed:)``).
        public var fileID: String
        /// The id derived from the relative path, used when ids clash.
        public var pathID: String
        /// Whether another input of the run has the same `fileID`.
        public var fileIDIsShared: Bool

        public init(fileID: String, pathID: String, fileIDIsShared: Bool) {
            self.fileID = fileID
            self.pathID = pathID
            self.fileIDIsShared = fileIDIsShared
        }
    }

    private let downstream: any CorpusEventSink
    /// `downstream` as a sink of blocks rendered ahead, cast once (see ``HeldInput``).
    private let ahead: (any RenderingAheadSink)?
    private let namespaceBlocks: Bool
    private var used: Set<String> = []
    private var names: InputNames?
    private var renamed: (from: String, to: String)?

    /// `namespaceBlocks`: keep block and sentence ids under their document id (several inputs).
    public init(downstream: any CorpusEventSink, namespaceBlocks: Bool) {
        self.downstream = downstream
        self.ahead = downstream as? any RenderingAheadSink
        self.namespaceBlocks = namespaceBlocks
    }

    /// Starts the events of the next input.
    public func beginInput(_ names: InputNames?) { self.names = names }

    public func receive(_ event: CorpusEvent) throws {
        switch event {
        case .startDocument(var start):
            let id = uniqueID(for: start.id)
            renamed = (start.id, id)
            start.id = id
            try downstream.receive(.startDocument(start))
        case .block(let block):
            try downstream.receive(.block(rewrite(block)))
        case .endDocument:
            renamed = nil
            try downstream.receive(event)
        }
    }

    public func finish() throws { try downstream.finish() }

    /// The writer's renderer while this document's ids stay as they are (a
    /// renamed document's blocks arrive whole, to be rewritten).
    public func blockRenderer() -> (any BlockRenderer)? {
        if let (from, to) = renamed, namespaceBlocks || from != to { return nil }
        return downstream.aheadRenderer
    }

    public func receive(rendered block: Block, _ parts: RenderedParts) throws {
        guard let ahead else {
            preconditionFailure("a block rendered ahead for a sink that cannot take it")
        }
        try ahead.receive(rendered: block, parts)
    }

    private func uniqueID(for id: String) -> String {
        var candidate = id
        if let names, names.fileIDIsShared, id == names.fileID { candidate = names.pathID }
        if used.contains(candidate), let names, !used.contains(names.pathID) { candidate = names.pathID }
        if used.contains(candidate) {
            let stem = candidate
            var n = 2
            while used.contains("\(stem)_\(n)") { n += 1 }
            candidate = "\(stem)_\(n)"
        }
        used.insert(candidate)
        return candidate
    }

    private func rewrite(_ block: Block) -> Block {
        guard let (from, to) = renamed, namespaceBlocks || from != to else { return block }
        var block = block
        block.id = Self.move(block.id, from: from, to: to)
        if case .sentences(var sentences) = block.content {
            for i in sentences.indices { sentences[i].id = Self.move(sentences[i].id, from: from, to: to) }
            block.content = .sentences(sentences)
        }
        return block
    }

    /// `id` under document `to`: its `from.` prefix replaced, or `to.` put in front.
    static func move(_ id: String, from: String, to: String) -> String {
        if id.hasPrefix(from), id.utf8.count > from.utf8.count,
            id.utf8[id.utf8.index(id.utf8.startIndex, offsetBy: from.utf8.count)] == UInt8(ascii: ".")
        {
            return from == to ? id : to + id.dropFirst(from.count)
        }
        return to + "." + id
    }
}

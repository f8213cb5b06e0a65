import CorpusModel

/// Holds back one input's events until the input has been read whole, so a
/// bad input among many leaves nothing of itself in a combined output.
///
/// Memory is bounded: past `limit` bytes of text the held events are sent on
/// and the rest streams; a failure after that point cannot be taken back, and
/// ``isCommitted`` tells the caller so. `finish()` releases what is held (it
/// ends the input, not the output).
final class HeldInput: RenderingAheadSink {
    private let downstream: any CorpusEventSink
    /// `downstream` as a sink of blocks rendered ahead, cast once: a cast per
    /// block cost ~700 instructions in the runtime's conformance cache.
    private let ahead: (any RenderingAheadSink)?
    private let limit: Int
    private var held: [CorpusEvent] = []
    private var heldBytes = 0
    /// Whether events have reached downstream already.
    private(set) var isCommitted = false

    init(downstream: any CorpusEventSink, limit: Int) {
        self.downstream = downstream
        self.ahead = downstream as? any RenderingAheadSink
        self.limit = limit
    }

    func receive(_ event: CorpusEvent) throws {
        if isCommitted { return try downstream.receive(event) }
        held.append(event)
        if case .block(let block) = event { heldBytes += Self.size(of: block) }
        if heldBytes > limit { try release() }
    }

    /// The writer's renderer, once nothing more is held back (or with `limit` 0,
    /// where the first block releases everything): held events stay whole.
    func blockRenderer() -> (any BlockRenderer)? {
        isCommitted || limit == 0 ? downstream.aheadRenderer : nil
    }

    func receive(rendered block: Block, _ parts: RenderedParts) throws {
        // With `limit` 0 any block releases what is held, as `receive(_:)` would.
        if !isCommitted { try release() }
        guard let ahead else {
            preconditionFailure("a block rendered ahead for a sink that cannot take it")
        }
        try ahead.receive(rendered: block, parts)
    }

    /// The input ended well: send what is held on.
    func finish() throws { try release() }

    /// The input failed: forget what is held.
    func discard() {
        held.removeAll()
        heldBytes = 0
    }

    private func release() throws {
        isCommitted = true
        let events = held
        held.removeAll()
        heldBytes = 0
        for event in events { try downstream.receive(event) }
    }

    private static func size(of block: Block) -> Int {
        switch block.content {
        case .text(let t): return t.utf8.count + 64
        case .sentences(let s): return s.reduce(64) { $0 + $1.text.utf8.count * (($1.tokens?.isEmpty ?? true) ? 1 : 4) + 64 }
        }
    }
}

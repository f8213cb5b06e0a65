/// Turns blocks into a writer's bytes ahead of time, on the threads that transform them.
///
/// With segmentation in parallel (``BlockTransformSink``), the calling thread
/// reads and writes while other threads segment. Measured on 2 cores, writing
/// the sentences there (and freeing, on that thread, the strings the other
/// threads had made) was about a third of its work, and it was the thread the
/// others waited for. A writer that can render a block's content without its
/// own state (open `div`s, indentation, the first row of a document) offers a
/// renderer; the transforming thread renders each block right after
/// transforming it and frees its sentences itself, and the writer only copies
/// the bytes in between what its state decides.
///
/// The bytes must be exactly those the writer writes for the plain block:
/// output is the same for any `--jobs`.
public protocol BlockRenderer: Sendable {
    /// Appends the content of `block` to `target` in parts (see ``RenderedParts``),
    /// or returns false when this block must reach the writer whole (a case the
    /// renderer does not cover, or an error the writer reports in order). What a
    /// `false` call appended is taken back. `followsBlock`: an earlier block of
    /// the same document reaches the writer before this one.
    func render(_ block: Block, in document: DocumentStart, followsBlock: Bool, into target: RenderTarget) -> Bool
}

/// A sink (a writer, or a stage passing blocks on unchanged) that takes blocks
/// rendered ahead by a ``BlockRenderer``.
public protocol RenderingAheadSink: CorpusEventSink {
    /// The renderer for the blocks that follow, or nil when they must arrive whole.
    ///
    /// Asked on the calling thread before a batch, after the batch's
    /// `startDocument` went downstream, and not again while a rendered batch
    /// is in flight. Once a sink has given a renderer it must take rendered
    /// blocks until the document ends (a stage that would change them, such as
    /// renaming ids, answers nil).
    func blockRenderer() -> (any BlockRenderer)?

    /// A block rendered ahead: `block` keeps its id, kind, language and
    /// attributes but not its content (the sentences were freed on the thread
    /// that made them); `parts` are the bytes its renderer made, valid only
    /// during this call.
    ///
    /// The blocks of a rendered batch (and those among them its renderer
    /// declined, through ``CorpusEventSink/receive(_:)``) may arrive on a
    /// worker thread (see `OrderedDelivery`): one call at a time, in stream
    /// order, each after the one before it, and never while the calling
    /// thread sends this sink anything itself.
    func receive(rendered block: Block, _ parts: RenderedParts) throws
}

/// Where a ``BlockRenderer`` writes: a memory ``ByteOutput`` shared by one
/// batch, cut into parts with ``endPart()``.
public final class RenderTarget {
    /// The bytes of every block rendered so far in the batch.
    public let output = ByteOutput.memory(name: "<rendered ahead>")
    /// Where each part ends in `output`. Exclusivity unchecked: it is only appended to
    /// (``endPart()``), cut back (``render(_:with:in:followsBlock:)``, ``removeAll()``)
    /// and read (``withParts(_:_:)``), never inside another access to it, by one thread
    /// at a time; the dynamic check (a thread-local access set) cost ~170 instructions
    /// a sentence on the rendering thread.
    @exclusivity(unchecked) private(set) var partEnds: [Int] = []

    public init() {}

    /// Ends the current part at the end of `output`.
    public func endPart() { partEnds.append(output.byteCount) }

    /// Empties the target for another batch, keeping its memory.
    func removeAll() {
        output.truncate(to: 0)
        partEnds.removeAll(keepingCapacity: true)
    }

    /// Renders `block` with `renderer`; the range of its parts, or nil (and nothing kept) when declined.
    func render(
        _ block: Block, with renderer: any BlockRenderer, in document: DocumentStart, followsBlock: Bool
    ) -> Range<Int>? {
        let bytes = output.byteCount
        let parts = partEnds.count
        if renderer.render(block, in: document, followsBlock: followsBlock, into: self) && partEnds.count > parts {
            return parts..<partEnds.count
        }
        output.truncate(to: bytes)
        partEnds.removeSubrange(parts...)
        return nil
    }

    /// The parts in `range`, for the duration of `body`.
    func withParts<R>(_ range: Range<Int>, _ body: (RenderedParts) throws -> R) rethrows -> R {
        try output.withUnsafeBytes { bytes in
            try partEnds.withUnsafeBufferPointer { ends in
                let start = range.lowerBound == 0 ? 0 : ends[range.lowerBound - 1]
                return try body(RenderedParts(bytes: bytes, ends: UnsafeBufferPointer(rebasing: ends[range]), start: start))
            }
        }
    }
}

/// The bytes rendered ahead for one block, in parts; valid only during
/// ``RenderingAheadSink/receive(rendered:_:)``.
public struct RenderedParts {
    private let bytes: UnsafeRawBufferPointer
    private let ends: UnsafeBufferPointer<Int>
    private let start: Int

    init(bytes: UnsafeRawBufferPointer, ends: UnsafeBufferPointer<Int>, start: Int) {
        self.bytes = bytes
        self.ends = ends
        self.start = start
    }

    /// How many parts the renderer made.
    public var count: Int { ends.count }

    /// Part `index`.
    public subscript(index: Int) -> UnsafeRawBufferPointer {
        let from = index == 0 ? start : ends[index - 1]
        return UnsafeRawBufferPointer(rebasing: bytes[from..<ends[index]])
    }

    /// Every part, one after the other.
    public var all: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[start..<(ends.last ?? start)])
    }
}

extension CorpusEventSink {
    /// The renderer of this sink, when it takes blocks rendered ahead.
    public var aheadRenderer: (any BlockRenderer)? { (self as? any RenderingAheadSink)?.blockRenderer() }
}

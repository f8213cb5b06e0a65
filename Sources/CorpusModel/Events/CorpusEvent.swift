/// The unit of the streaming model: readers emit these, transforms rewrite
/// them, writers consume them.
///
/// A stream is zero or more documents, each `startDocument`, any number of
/// `block`s, then `endDocument`. Memory is bounded by one block.
public enum CorpusEvent: Sendable, Equatable {
    case startDocument(DocumentStart)
    case block(Block)
    case endDocument
}

/// The opening of a document: everything but its blocks.
public struct DocumentStart: Sendable, Equatable, Hashable {
    public var id: String
    public var metadata: Metadata

    public init(id: String, metadata: Metadata = Metadata()) {
        self.id = id
        self.metadata = metadata
    }
}

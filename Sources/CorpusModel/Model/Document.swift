/// One text of a corpus: its metadata and its blocks, in reading order.
///
/// A `Document` is the in-memory form of one `startDocument … endDocument`
/// run of the event stream (see ``CorpusEvent``). Readers and writers work on
/// the stream so that memory stays bounded by one block; collect a stream with
/// ``DocumentCollector`` when you want the whole value.
public struct Document: Sendable, Codable, Equatable, Hashable {
    /// An XML NCName, unique in its corpus; the stem of every block and sentence id.
    public var id: String
    /// Title, authors, language and the rest of what the source says about the text.
    public var metadata: Metadata
    /// The text's blocks (headings, paragraphs, …) in reading order.
    public var blocks: [Block]

    public init(id: String, metadata: Metadata = Metadata(), blocks: [Block] = []) {
        self.id = id
        self.metadata = metadata
        self.blocks = blocks
    }

    /// The document's opening event payload (id and metadata, no blocks).
    public var start: DocumentStart { DocumentStart(id: id, metadata: metadata) }
}

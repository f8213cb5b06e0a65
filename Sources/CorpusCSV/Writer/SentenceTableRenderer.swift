import CorpusModel

/// Renders a block's sentence rows on the thread that segmented it, for
/// ``SentenceTableSink`` (see ``BlockRenderer``).
///
/// Rows depend on the document and the block only, except the metadata cell
/// of a document's first row: so only blocks after the first of their document
/// are rendered (their metadata cell is empty). A block the writer reports as
/// an error (not segmented) goes to it whole.
struct SentenceTableRenderer: BlockRenderer {
    let rows: SentenceRows

    func render(_ block: Block, in document: DocumentStart, followsBlock: Bool, into target: RenderTarget) -> Bool {
        guard followsBlock else { return false }
        var documentHasRows = true
        do {
            try rows.write(block, of: document, metadataCell: "", documentHasRows: &documentHasRows, to: target.output)
        } catch {
            return false
        }
        target.endPart()
        return true
    }
}

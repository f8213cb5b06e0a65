import CorpusModel

/// Renders a block's sentences (`<s xml:id="…">…</s>`, one part each) on the
/// thread that segmented it, for ``TEIWriterSink`` (see ``BlockRenderer``).
///
/// Only the sentences: the element around them, its attributes and the
/// indentation depend on the writer's state (open `div`s, lists, utterances,
/// `TEI` or `teiCorpus`), so the writer puts them in between the parts. A
/// block it does not cover goes to the writer whole: attributes (utterances,
/// speakers, note types read the block), no sentences, tokens to write, or an
/// id or character the writer reports as an error.
struct TEIBlockRenderer: BlockRenderer {
    let indent: Bool
    /// Whether tokens are written (`tokens=true`): then a tokenized sentence goes whole.
    let tokens: Bool

    func render(_ block: Block, in document: DocumentStart, followsBlock: Bool, into target: RenderTarget) -> Bool {
        guard block.attributes.isEmpty, case .sentences(let sentences) = block.content, !sentences.isEmpty else {
            return false
        }
        let xml = XMLMarkupWriter(output: target.output, indent: indent)
        for index in sentences.indices {
            // The same id and bytes as `TEIDocumentWriter.write(_:_:in:)`.
            let id = sentences[index].id.isEmpty ? CorpusID.sentence(block.id, index + 1) : sentences[index].id
            guard CorpusID.isNCName(id) else { return false }
            if tokens, let words = sentences[index].tokens, !words.isEmpty { return false }
            do { try xml.sentence(ncNameID: id, text: sentences[index].text) } catch { return false }
            target.endPart()
        }
        return true
    }
}

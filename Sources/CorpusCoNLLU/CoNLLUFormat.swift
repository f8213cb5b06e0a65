import CorpusModel

/// CoNLL-U, the Universal Dependencies format: what the reader and the writer share.
///
/// The model maps to it one to one: `# newdoc id` ↔ documents, `# newpar id` ↔ blocks,
/// `# sent_id` and `# text` ↔ sentence ids and text, word lines ↔ tokens (ID = position
/// in `tokens`), range lines `3-4` ↔ ``MultiwordToken``s, `5.1` lines ↔ ``EmptyNode``s.
public enum CoNLLUFormat {
    /// `conllu` (`.conllu`).
    public static let description = FormatDescription(
        name: "conllu", aliases: ["conll-u"], extensions: ["conllu"], mediaType: "text/x-conllu",
        summary: "CoNLL-U (Universal Dependencies): one word per line, 10 columns, comments, ranges, empty nodes")

    /// Sentence attribute holding a source `sent_id` that could not be the sentence id
    /// (not an XML NCName, or used twice); the writer prefers it to the id.
    public static let sentIDAttribute = "sent_id"
    /// Block attribute holding a source `newpar id` that could not be the block id.
    public static let newparIDAttribute = "newpar_id"
    /// Metadata pair holding a source `newdoc id` that could not be the document id.
    public static let newdocIDKey = "newdoc_id"
    /// Block attribute (value `absent`) for a block the reader made without a `# newpar`
    /// line, so the writer does not add one.
    public static let noNewparAttribute = "conllu-newpar"
    /// Metadata pair (value `absent`) for a document the reader made without a `# newdoc`
    /// line, so the writer does not add one.
    public static let noNewdocKey = "conllu-newdoc"
    /// The value of the two markers above.
    public static let absent = "absent"
}

/// A paragraph decoded once into Unicode scalars and cut into sentences by
/// ``SentenceSegmenter``'s rules, for callers that count and hash sentences
/// and tokens without building their strings (`corpuskit stats`).
///
/// The sentence ranges are exactly those of
/// ``SentenceSegmenter/segment(_:language:)`` (the same decoder and scanner);
/// pass ``scalars`` and a range to ``Tokenizer/forEachToken(in:range:_:)``
/// for the tokens `tokenize` would give each sentence.
public struct ParagraphScan: Sendable {
    /// The paragraph's scalars.
    public let scalars: [Unicode.Scalar]
    /// The sentences, as ranges of ``scalars``, trimmed, in order.
    public let sentences: [Range<Int>]
    /// The text and its UTF-8 offsets, for cutting sentences back out.
    private let view: ScalarText

    /// Decodes and segments `text` by the rules for `language` (a BCP 47 tag).
    /// Throws only when the language's bundled abbreviation list is missing.
    public init(_ text: String, language: String) throws {
        let view = ScalarText(text, findingMarks: true)
        sentences = SentenceBoundaryScanner(abbreviations: try AbbreviationList.bundled(for: language)).sentenceRanges(view)
        scalars = view.scalars
        self.view = view
    }

    /// The text of scalars `range` (a sentence, for an example in a report): a copy of its UTF-8 bytes.
    public func text(_ range: Range<Int>) -> String { view.string(range) }
}

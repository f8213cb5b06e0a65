/// A paragraph decoded once into Unicode scalars and cut into sentences by
/// ``SentenceSegmenter``'s rules, for callers that count and hash sentences
/// and tokens without building their strings (`corpuskit stats`).
///
/// The sentence ranges are exactly those of
/// ``SentenceSegmenter/segment(_:language:)`` (the same scanner over the UTF-8
/// bytes, its byte ranges turned into scalar indices); pass ``scalars`` and a range to
/// ``Tokenizer/forEachToken(in:range:_:)`` for the tokens `tokenize` would give each sentence.
public struct ParagraphScan: Sendable {
    /// The paragraph's scalars.
    public let scalars: [Unicode.Scalar]
    /// The sentences, as ranges of ``scalars``, trimmed, in order.
    public let sentences: [Range<Int>]
    /// The paragraph, for cutting sentences back out (shares the caller's storage).
    private let paragraph: String

    /// Decodes and segments `text` by the rules for `language` (a BCP 47 tag).
    /// Throws only when the language's bundled abbreviation list is missing.
    public init(_ text: String, language: String) throws {
        let list = try AbbreviationList.bundled(for: language)
        var bytes = text
        (scalars, sentences) = bytes.withUTF8 { buffer in
            let byteRanges = SentenceBoundaryScanner(abbreviations: list).sentenceRanges(UTF8Paragraph(buffer))
            return ScalarText.scalars(of: buffer, ranges: byteRanges)
        }
        paragraph = text
    }

    /// The sentences of the paragraph `utf8` (valid UTF-8: a `String`'s bytes) as byte ranges,
    /// trimmed, in order: exactly those of ``SentenceSegmenter/segment(_:language:)``, with
    /// nothing decoded, for callers that scan the bytes themselves (`corpuskit stats` hashes and
    /// tokenizes each sentence in one pass over its UTF-8, without an array of scalars).
    /// Throws only when the language's bundled abbreviation list is missing.
    public static func sentenceByteRanges(_ utf8: UnsafeBufferPointer<UInt8>, language: String) throws -> [Range<Int>] {
        try SentenceCutter(language: language).byteRanges(utf8)
    }

    /// ``sentenceByteRanges(_:language:)`` for one language, its abbreviation list looked up once: a
    /// caller that cuts many paragraphs keeps one (the lookup, and the retains and releases of the
    /// list's tables, cost about 700 instructions a paragraph).
    public struct SentenceCutter: Sendable {
        /// The language whose rules it cuts by.
        public let language: String
        private let scanner: SentenceBoundaryScanner

        /// Throws only when the language's bundled abbreviation list is missing.
        public init(language: String) throws {
            self.language = language
            scanner = SentenceBoundaryScanner(abbreviations: try AbbreviationList.bundled(for: language))
        }

        /// The sentences of the paragraph `utf8` as byte ranges (``ParagraphScan/sentenceByteRanges(_:language:)``).
        public func byteRanges(_ utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
            scanner.sentenceRanges(UTF8Paragraph(utf8))
        }
    }

    /// The text of scalars `range` (a sentence, for an example in a report): a copy of its
    /// UTF-8 bytes, found by adding up the widths of the scalars before it (no offsets are kept).
    public func text(_ range: Range<Int>) -> String {
        var start = 0
        for c in scalars[..<range.lowerBound] { start += UTF8.width(c) }
        var count = 0
        for c in scalars[range] { count += UTF8.width(c) }
        let utf8 = paragraph.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: start)
        let to = utf8.index(from, offsetBy: count)
        return String(paragraph[from..<to])
    }
}

import CorpusModel

/// Splits paragraphs into sentences by rule, for corpora in Kazakh, Russian and English.
///
/// As a transform (`segment`) it turns each `.text` block into `.sentences`
/// with ids `DOC.pN.sM` and passes blocks that already hold sentences through.
/// The abbreviation list comes from option `lang`, else the document's
/// metadata language, else `kk`. Rules: see ``segment(_:language:)``.
///
/// Options: `lang` — a BCP 47 tag choosing the abbreviation list (`kk`, `ru`, `en`).
public struct SentenceSegmenter: CorpusTransform {
    public var name: String { "segment" }
    public var summary: String { "split paragraphs into sentences (Kazakh, Russian, English rules)" }
    public var provides: Capabilities { .sentences }
    public var requires: Capabilities { [] }

    public init() {}

    /// The sentences of `text`, trimmed, in order, each a verbatim span of `text`.
    ///
    /// A sentence ends at `.` `!` `?` `…` `...` (plus closing quotes and brackets)
    /// before a word that can start one. Not boundaries: abbreviations in the
    /// language's list (`ж.`, `млн.`, `e.g.`; `т.б.` ends one only before an
    /// upper-case word), initials (`Н.Ә. Назарбаев`, `Richard N. Cooper`), list
    /// numbers at a sentence start or after `:`/`;` (`болады: 1. Әлемдегі`),
    /// decimals (`3.5`), stops inside `(…)`, URLs and e-mails, an ellipsis after
    /// `:` or `,` (an omission), and a stop followed by a reference and a
    /// lower-case word (`.» [8] деп`). Quotations are split at their own boundaries.
    /// Throws only when the language's bundled abbreviation list is missing.
    public func segment(_ text: String, language: String) throws -> [String] {
        segment(text, abbreviations: try AbbreviationList.bundled(for: language))
    }

    /// ``segment(_:language:)`` with a list already loaded.
    func segment(_ text: String, abbreviations: AbbreviationList) -> [String] {
        Self.cut(text, abbreviations: abbreviations) { paragraph, ranges, whole in
            whole ? [text] : ranges.map { paragraph.string($0) }
        }
    }

    /// The sentences of `text` as the model's values, with ids `blockID.sN`:
    /// ``segment(_:abbreviations:)`` without the intermediate array of strings.
    func sentences(_ text: String, blockID: String, abbreviations: AbbreviationList) -> [Sentence] {
        let ids = NumberedIDs(blockID, marker: "s")
        return Self.cut(text, abbreviations: abbreviations) { paragraph, ranges, whole in
            if whole { return [Sentence(id: ids.id(1), text: text)] }
            // Each sentence is built in its slot (appending copied it, retaining all its fields).
            return [Sentence](unsafeUninitializedCapacity: ranges.count) { buffer, count in
                for (i, range) in ranges.enumerated() {
                    buffer.initializeElement(at: i, to: Sentence(id: ids.id(i + 1), text: paragraph.string(range)))
                    count = i + 1
                }
            }
        }
    }

    /// Runs the scanner over `text`'s UTF-8 bytes and hands `body` the paragraph, the
    /// sentences' byte ranges and whether the one sentence is the whole text (then
    /// `text` itself can be used, sharing its storage).
    static func cut<T>(
        _ text: String, abbreviations: AbbreviationList, _ body: (UTF8Paragraph, [Range<Int>], Bool) -> T
    ) -> T {
        var text = text
        return text.withUTF8 { bytes in
            let paragraph = UTF8Paragraph(bytes)
            let ranges = SentenceBoundaryScanner(abbreviations: abbreviations).sentenceRanges(paragraph)
            return body(paragraph, ranges, ranges.count == 1 && ranges[0] == 0..<paragraph.count)
        }
    }

    public func makeSink(sendingTo downstream: any CorpusEventSink, options: FormatOptions) throws -> any CorpusEventSink {
        _ = try AbbreviationList.bundled(for: options["lang"] ?? "kk")  // a broken install fails before any work
        return BlockTransformSink(BlockSegmenter(language: options["lang"]), downstream: downstream, parallelism: try options.jobs())
    }
}

/// The per-block work of ``SentenceSegmenter``; pure, so blocks may run in parallel.
struct BlockSegmenter: BlockTransformer {
    /// The language forced by option `lang`, or nil to use the document's.
    let language: String?

    /// Only text is segmented; blocks read with their sentences pass as they are.
    func changes(_ block: Block) -> Bool {
        if case .text = block.content { return true }
        return false
    }

    func transform(_ block: Block, in document: DocumentStart) throws -> Block {
        guard case .text(let text) = block.content else { return block }
        let lang = language ?? block.language ?? document.metadata.language ?? "kk"
        let sentences = SentenceSegmenter().sentences(
            text, blockID: block.id, abbreviations: try AbbreviationList.bundled(for: lang))
        var out = block
        out.content = .sentences(sentences)
        return out
    }
}

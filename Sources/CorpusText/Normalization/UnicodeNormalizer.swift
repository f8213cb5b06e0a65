import CorpusModel
import Foundation

/// Puts all text into Unicode NFC, so that `ә` typed as `ә` and as `ә` + mark compare equal.
///
/// As a transform (`nfc`) it rewrites metadata, block text, sentence text and
/// token forms; when a sentence's tokens no longer rebuild its text (a mark
/// composed across a token boundary) the sentence is tokenized again.
public struct UnicodeNormalizer: CorpusTransform {
    public var name: String { "nfc" }
    public var summary: String { "Unicode NFC normalization of all text" }
    public var provides: Capabilities { [] }
    public var requires: Capabilities { [] }

    public init() {}

    /// `text` in NFC.
    public func normalize(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0xCC }) { return text }  // no combining marks possible below U+0300
        return text.precomposedStringWithCanonicalMapping
    }

    public func makeSink(sendingTo downstream: any CorpusEventSink, options: FormatOptions) throws -> any CorpusEventSink {
        NormalizingSink(normalizer: self, downstream: downstream)
    }

    func normalize(_ block: Block) -> Block {
        var out = block
        switch block.content {
        case .text(let t): out.content = .text(normalize(t))
        case .sentences(let sentences):
            out.content = .sentences(sentences.map(normalize))
        }
        out.attributes = block.attributes.map { MetadataPair(normalize($0.key), normalize($0.value)) }
        return out
    }

    func normalize(_ sentence: Sentence) -> Sentence {
        var out = sentence
        out.text = normalize(sentence.text)
        if var tokens = sentence.tokens {
            for k in tokens.indices {
                tokens[k].form = normalize(tokens[k].form)
                tokens[k].lemma = tokens[k].lemma.map(normalize)
            }
            for k in out.multiwordTokens.indices { out.multiwordTokens[k].form = normalize(out.multiwordTokens[k].form) }
            if Token.rebuild(tokens, multiwordTokens: out.multiwordTokens) == out.text {
                out.tokens = tokens
            } else {
                // Normalization changed the token boundaries: the annotation no longer fits them.
                out.tokens = Tokenizer().tokenize(out.text)
                out.multiwordTokens = []
                out.emptyNodes = []
            }
        }
        return out
    }

    func normalize(_ m: Metadata) -> Metadata {
        var out = m
        out.title = m.title.map(normalize)
        out.authors = m.authors.map(normalize)
        out.source = m.source.map(normalize)
        out.licence = m.licence.map(normalize)
        out.extra = m.extra.map { MetadataPair(normalize($0.key), normalize($0.value)) }
        return out
    }
}

/// The event sink behind ``UnicodeNormalizer``: documents' metadata and every block.
final class NormalizingSink: CorpusEventSink {
    private let normalizer: UnicodeNormalizer
    private let downstream: any CorpusEventSink

    init(normalizer: UnicodeNormalizer, downstream: any CorpusEventSink) {
        self.normalizer = normalizer
        self.downstream = downstream
    }

    func receive(_ event: CorpusEvent) throws {
        switch event {
        case .startDocument(let start):
            try downstream.receive(.startDocument(DocumentStart(id: start.id, metadata: normalizer.normalize(start.metadata))))
        case .block(let block):
            try downstream.receive(.block(normalizer.normalize(block)))
        case .endDocument:
            try downstream.receive(.endDocument)
        }
    }

    func finish() throws { try downstream.finish() }
}

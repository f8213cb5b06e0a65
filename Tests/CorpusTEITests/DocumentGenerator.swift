import CorpusModel
import CorpusTestSupport

/// Builds random documents that use every block kind, heading levels, odd Unicode,
/// tokens and metadata extras: the model side of the round-trip tests.
struct DocumentGenerator {
    var rng: SplitMix64

    static let words = [
        "Қазақстан", "тілі", "мемлекет", "e\u{301}te\u{301}", "soft\u{AD}hyphen", "зусам\u{304}ен", "שלום", "مرحبا",
        "😀", "👩‍👩‍👧", "日本語", "a&b", "<tag>", "\"quoted\"", "it's", "x>y", "NBSP\u{A0}inside", "ǅemal", "İstanbul",
        "ß", "Ωmega", "\u{200D}zwj", "1875", "]]>", "word", "сөз", "ақпан",
    ]
    static let punctuation = [".", ",", "!", "?", "«", "»", "—", "…", ":", ";", "(", ")"]

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func word() -> String { Self.words[int(0...Self.words.count - 1)] }

    mutating func text(words n: Int) -> String { (0..<max(1, n)).map { _ in word() }.joined(separator: " ") }

    mutating func tokens() -> [Token] {
        var out: [Token] = []
        for _ in 0..<int(1...9) {
            if int(0...4) == 0 {
                out.append(Token(Self.punctuation[int(0...Self.punctuation.count - 1)], kind: .punctuation, spaceAfter: int(0...1) == 0))
            } else {
                let kinds: [TokenKind] = [.word, .word, .word, .number, .symbol, .url, .other]
                out.append(Token(word(), kind: kinds[int(0...kinds.count - 1)], spaceAfter: int(0...3) != 0))
            }
        }
        return out
    }

    mutating func document(id: String) -> Document {
        var metadata = Metadata()
        if int(0...3) != 0 { metadata.title = text(words: int(1...5)) }
        metadata.authors = (0..<int(0...3)).map { _ in text(words: 2) }
        if int(0...1) == 0 { metadata.date = "2024-0\(int(1...9))-1\(int(0...9))" }
        if int(0...3) != 0 { metadata.language = ["kk", "kk-Cyrl-KZ", "en", "tr"][int(0...3)] }
        if int(0...1) == 0 { metadata.source = text(words: int(1...6)) }
        if int(0...1) == 0 { metadata.licence = "CC BY 4.0 " + word() }
        for i in 0..<int(0...4) {
            metadata.extra.append(MetadataPair(["collection", "key with spaces", "ключ/путь", "x@y"][i % 4], text(words: int(1...3))))
        }
        var blocks: [Block] = []
        for n in 1...int(1...25) {
            let bid = CorpusID.block(id, n)
            let kinds: [BlockKind] = [.heading(level: int(1...4)), .paragraph, .paragraph, .quote, .listItem, .listItem, .note]
            let kind = kinds[int(0...kinds.count - 1)]
            let content: BlockContent
            switch int(0...3) {
            case 0: content = .text(int(0...12) == 0 ? "" : text(words: int(1...20)))
            case 1:
                content = .sentences((1...int(1...4)).map { Sentence(id: CorpusID.sentence(bid, $0), text: text(words: int(1...9))) })
            default:
                content = .sentences((1...int(1...4)).map {
                    let t = tokens()
                    return Sentence(id: CorpusID.sentence(bid, $0), text: Token.rebuild(t), tokens: t)
                })
            }
            let language: String? = int(0...5) == 0 ? "ru" : nil
            blocks.append(Block(id: bid, kind: kind, content: content, language: language))
        }
        return Document(id: id, metadata: metadata, blocks: blocks)
    }
}

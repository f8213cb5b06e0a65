import CorpusModel
import CorpusTestSupport

/// Generates varied documents from a seed: every block kind, heading levels,
/// empty blocks and sentences, odd Unicode (Kazakh, emoji, combining marks,
/// controls, quotes and backslashes), metadata with and without each field.
struct DocumentGenerator {
    private var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    private mutating func int(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
    private mutating func chance(_ percent: Int) -> Bool { int(100) < percent }

    static let pieces = [
        "Қазақстан", "әлем", "ғылым", "қала", "ұлт", "үй", "һ", "і", "ж.", "млн.", "«", "»", "\"", "\\",
        "😀", "👩🏽‍💻", "e\u{301}", "зусам\u{304}ен", "\u{00AD}", "\t", "\n", "\r\n", "\u{0001}", "\u{2028}",
        ",", ";", "沈伯明", "Latin", "<tag>", "&amp;", "", " ", "  ", "1997", "3.5",
    ]

    mutating func text() -> String {
        var s = ""
        for _ in 0..<int(8) { s += Self.pieces[int(Self.pieces.count)] + (chance(60) ? " " : "") }
        return s
    }

    mutating func document(_ n: Int) -> Document {
        let id = "doc\(n)"
        var meta = Metadata()
        if chance(70) { meta.title = text() }
        for _ in 0..<int(3) { meta.authors.append(text()) }
        if chance(50) { meta.date = "2026-11-25" }
        if chance(60) { meta.language = ["kk", "ru", "en", "kk-Cyrl-KZ"][int(4)] }
        if chance(40) { meta.source = text() }
        if chance(40) { meta.licence = "CC BY 4.0" }
        for i in 0..<int(3) { meta.extra.append(MetadataPair("key\(i)", text())) }
        var blocks: [Block] = []
        for b in 0..<int(7) {
            let blockID = CorpusID.block(id, b + 1)
            let kinds: [BlockKind] = [.heading(level: 1 + int(4)), .paragraph, .quote, .listItem, .note]
            let kind = kinds[int(kinds.count)]
            var block: Block
            if chance(40) {
                block = Block(id: blockID, kind: kind, content: .text(text()))
            } else {
                var sentences: [Sentence] = []
                for s in 0..<int(4) {
                    let sid = CorpusID.sentence(blockID, s + 1)
                    var sentence = Sentence(id: sid, text: text())
                    if chance(40) {
                        sentence.tokens = (0..<int(4)).map { _ in
                            Token(text().isEmpty ? "x" : "ә", kind: TokenKind.allCases[int(TokenKind.allCases.count)],
                                  spaceAfter: chance(70))
                        }
                    }
                    if chance(50), let tokens = sentence.tokens, !tokens.isEmpty { annotate(&sentence, tokens) }
                    if chance(20) { sentence.attributes = [MetadataPair("speaker", text())] }
                    sentences.append(sentence)
                }
                block = Block(id: blockID, kind: kind, content: .sentences(sentences))
            }
            if chance(15) { block.language = "ru" }
            if chance(15) { block.attributes = [MetadataPair("rend", "italic")] }
            blocks.append(block)
        }
        return Document(id: id, metadata: meta, blocks: blocks)
    }

    /// Optional text: nil a third of the time.
    private mutating func maybe() -> String? { chance(33) ? nil : text() }

    /// Version 2 annotation: every token field, multiword ranges, empty nodes, comments.
    mutating func annotate(_ sentence: inout Sentence, _ plain: [Token]) {
        let n = plain.count
        sentence.tokens = plain.map { t in
            var a = t
            a.lemma = maybe()
            a.upos = chance(70) ? ["NOUN", "PUNCT", "NUM", "SYM", "X"][int(5)] : nil
            a.xpos = maybe()
            a.feats = chance(50) ? "Case=Nom|Number=Sing" : nil
            a.head = chance(70) ? int(n + 1) : nil
            a.deprel = maybe()
            a.deps = chance(20) ? "0:root|2:nsubj" : nil
            a.misc = chance(30) ? "NER=O|" + text() : nil
            if chance(30) { a.attributes = [MetadataPair("msd", text()), MetadataPair("ner", "B-PER")] }
            return a
        }
        if n >= 2 && chance(50) {
            let first = 1 + int(n - 1)
            sentence.multiwordTokens = [MultiwordToken(first: first, last: first + 1, form: text() + "x", spaceAfter: chance(50),
                                                       misc: maybe())]
        }
        if chance(40) {
            sentence.emptyNodes = [EmptyNode(after: int(n + 1), index: 1, form: maybe(), lemma: maybe(), upos: maybe(),
                                             xpos: maybe(), feats: maybe(), deps: "1:dep", misc: maybe())]
        }
        for _ in 0..<int(3) { sentence.comments.append(text()) }
    }
}

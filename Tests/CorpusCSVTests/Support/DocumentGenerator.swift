import CorpusModel
import CorpusTestSupport

/// Builds documents full of what breaks tables: commas, quotes, line breaks,
/// tabs, backslashes, emoji, Kazakh text, edge spaces, empty strings,
/// empty blocks and empty documents.
struct DocumentGenerator {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    static let pieces = [
        "Қазақстан", "экономикасы", "интеграция", "ә ғ қ ң ө ұ ү һ і", ",", "\"", "\"\"", "'", "\n", "\r\n", "\r",
        "\t", "\\", "\\t", "\\n", " ", "  ", "👩‍👩‍👧", "🇰🇿", "沈伯明", "«", "»", "…", "–", "1.", "[9,264-265]", "a,b",
        "\"quoted, with comma\"", "=SUM(A1)", "#", ";", "\u{FEFF}", "\u{0301}", "é", "text", "doc_id", "NULL",
    ]

    mutating func string(maxPieces: Int = 8) -> String {
        let n = Int.random(in: 0...maxPieces, using: &rng)
        var s = ""
        for _ in 0..<n {
            s += Self.pieces.randomElement(using: &rng) ?? ""
            if Bool.random(using: &rng) { s += " " }
        }
        return s
    }

    mutating func metadata() -> Metadata {
        var m = Metadata()
        if Bool.random(using: &rng) { m.title = string() }
        if Bool.random(using: &rng) { m.authors = (0..<Int.random(in: 1...3, using: &rng)).map { _ in string(maxPieces: 3) } }
        if Bool.random(using: &rng) { m.date = "2024-0\(Int.random(in: 1...9, using: &rng))-01" }
        if Bool.random(using: &rng) { m.language = ["kk", "ru", "en", "kk-Cyrl"].randomElement(using: &rng) }
        if Bool.random(using: &rng) { m.source = string(maxPieces: 4) }
        if Bool.random(using: &rng) { m.licence = "CC BY 4.0" }
        if Bool.random(using: &rng) {
            m.extra = (0..<Int.random(in: 1...3, using: &rng)).map { i in MetadataPair("k\(i)\(string(maxPieces: 1))", string()) }
        }
        return m
    }

    mutating func document(number: Int) -> Document {
        let id = "d\(number)_" + ["x", "Қаз", "a.b", "a-b"].randomElement(using: &rng)!
        var doc = Document(id: id, metadata: metadata())
        let blockCount = Int.random(in: 0...6, using: &rng)
        for b in 1...max(1, blockCount) where blockCount > 0 {
            let blockID = CorpusID.block(id, b)
            let kind: BlockKind = [.paragraph, .heading(level: Int.random(in: 1...4, using: &rng)), .quote, .listItem, .note]
                .randomElement(using: &rng)!
            let sentenceCount = Int.random(in: 0...5, using: &rng)
            let sentences = (0..<sentenceCount).map { s in
                Sentence(id: CorpusID.sentence(blockID, s + 1), text: string())
            }
            doc.blocks.append(Block(id: blockID, kind: kind, content: .sentences(sentences)))
        }
        return doc
    }

    mutating func corpus(documents: Int) -> [Document] {
        (1...documents).map { document(number: $0) }
    }
}

/// Documents made from the Kazakh samples without a segmenter: blocks split at
/// blank lines or tabs, one sentence per line, edge spaces kept.
enum SampleDocuments {
    static var directory: String {
        let here = #filePath.split(separator: "/").dropLast(4).joined(separator: "/")
        return "/" + here + "/samples"
    }

    static let names = ["000_41c5c0974157b10e.txt", "004_d576930189d3d379.txt"]

    static func document(_ name: String) throws -> Document {
        let bytes = try InputSource.file(directory + "/" + name).readAll()
        let text = String(decoding: bytes, as: UTF8.self)
        let id = CorpusID.documentID(from: String(name.prefix { $0 != "." }))
        var doc = Document(id: id, metadata: Metadata(title: "Sample \(name)", language: "kk", source: name))
        var lines: [String] = []
        func flush() {
            guard !lines.isEmpty else { return }
            let blockID = CorpusID.block(id, doc.blocks.count + 1)
            let sentences = lines.enumerated().map { Sentence(id: CorpusID.sentence(blockID, $0.offset + 1), text: $0.element) }
            doc.blocks.append(Block(id: blockID, content: .sentences(sentences)))
            lines = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            for (i, part) in parts.enumerated() {
                if i > 0 { flush() }
                if part.allSatisfy({ $0 == " " }) { flush() } else { lines.append(String(part)) }
            }
        }
        flush()
        return doc
    }
}

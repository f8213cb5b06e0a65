import CorpusKit

/// The smallest reader that keeps the rules every reader follows: it streams
/// (one block in memory), says what it provides, sniffs only what is surely
/// its own, and reports bad input as a ``CorpusError`` with the file and line.
///
/// Reads `<doc id=…>`, `<p>`, `<s>`, `<g/>` and token lines (first column).
public struct VerticalReader: CorpusReader {
    public init() {}
    public var format: FormatDescription { VerticalWriter.format }
    public var provides: Capabilities { [.sentences, .tokens] }

    public func sniff(_ prefix: [UInt8]) -> SniffResult {
        prefix.starts(with: Array("<doc".utf8)) ? .likely : .no
    }

    public func read(_ input: InputSource, options: FormatOptions, into sink: any CorpusEventSink) throws {
        let bytes = try input.readAll()
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CorpusError(.encoding, "the input is not valid UTF-8", file: input.name)
        }
        var doc: String?
        var sentences: [Sentence] = []
        var tokens: [Token] = []
        var blocks = 0
        func endSentence() {
            guard let doc, !tokens.isEmpty else { return }
            tokens[tokens.count - 1].spaceAfter = false
            let text = tokens.map { $0.form + ($0.spaceAfter ? " " : "") }.joined()
            sentences.append(Sentence(id: "\(doc).p\(blocks + 1).s\(sentences.count + 1)", text: text, tokens: tokens))
            tokens = []
        }
        func endBlock() throws {
            endSentence()
            guard let doc, !sentences.isEmpty else { return }
            blocks += 1
            try sink.receive(.block(Block(id: "\(doc).p\(blocks)", content: .sentences(sentences))))
            sentences = []
        }
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("<doc") {
                try endBlock()
                if doc != nil { try sink.receive(.endDocument) }
                let id = line.firstMatch(of: /id="([^"]+)"/).map { String($0.1) } ?? "doc\(n + 1)"
                doc = id
                blocks = 0
                try sink.receive(.startDocument(DocumentStart(id: id)))
            } else if line == "</p>" || line.hasPrefix("<p") {
                try endBlock()
            } else if line == "</s>" || line.hasPrefix("<s") {
                endSentence()
            } else if line == "<g/>" {
                if !tokens.isEmpty { tokens[tokens.count - 1].spaceAfter = false }
            } else if line == "</doc>" || line.isEmpty {
                continue
            } else if doc == nil {
                throw CorpusError(.structure, "a token before any <doc>", file: input.name,
                                  location: SourceLocation(line: n + 1, column: 1))
            } else {
                let form = String(line.split(separator: "\t").first ?? "")
                tokens.append(Token(form, kind: form.allSatisfy(\.isPunctuation) ? .punctuation : .word, spaceAfter: true))
            }
        }
        try endBlock()
        if doc != nil { try sink.receive(.endDocument) }
    }
}

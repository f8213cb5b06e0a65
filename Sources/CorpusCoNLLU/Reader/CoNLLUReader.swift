import CorpusModel

/// Reads CoNLL-U (Universal Dependencies treebanks, UDPipe and Stanza output) into
/// documents, blocks, sentences and annotated tokens, streaming: memory holds one block.
///
/// Every column is kept: LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS and MISC go to the
/// token's fields (`_` is nil); `SpaceAfter=No` becomes ``Token/spaceAfter`` (see
/// ``MiscColumn`` for the exact rule that makes files round-trip byte for byte); range
/// lines become ``MultiwordToken``s, `5.1` lines ``EmptyNode``s, comments other than
/// `newdoc`, `newpar`, `sent_id` and `text` stay with their sentence in order. Ids:
/// see ``StructureBuilder``. A `# text` that the words do not spell is kept as a comment
/// and the sentence text is the one they spell; without `# text` it is rebuilt.
///
/// Errors name the line and column: a line without 10 columns, an empty column, a bad
/// or out-of-order ID, a range without its words, HEAD outside the sentence, a comment
/// among word lines, invalid UTF-8. Options: `max-line-bytes` (default 16 MiB).
public struct CoNLLUReader: CorpusReader {
    public init() {}

    public var format: FormatDescription { CoNLLUFormat.description }
    public var provides: Capabilities { [.sentences, .tokens] }

    public func sniff(_ prefix: [UInt8]) -> SniffResult {
        let text = String(decoding: prefix.prefix(4096), as: UTF8.self)
        for scalars in text.unicodeScalars.split(separator: "\n").prefix(40) {
            let line = String(scalars)
            if line.hasPrefix("# sent_id") || line.hasPrefix("# newdoc") || line.hasPrefix("# text =") { return .likely }
            if line.hasPrefix("#") { continue }
            let fields = scalars.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count == 10, let first = fields[0].first, first.properties.numericType == .decimal, first.isASCII { return .likely }
            return .no
        }
        return .no
    }

    public func read(_ input: InputSource, options: FormatOptions, into sink: any CorpusEventSink) throws {
        let name = input.name
        let builder = StructureBuilder(sink: sink, fileStem: Self.documentID(for: name))
        var lines = LineStream(maxLineBytes: try options.integer("max-line-bytes", default: 16 << 20))
        var sentence = SentenceAssembler(file: name)
        var lastLine = 0
        func handle(_ line: UnsafeBufferPointer<UInt8>, _ number: Int) throws {
            lastLine = number
            if let bad = UTF8Validation.firstInvalidByte(in: line, rejectingNUL: true) {
                var column = 1
                for b in line[..<bad] where b & 0xC0 != 0x80 { column += 1 }
                throw CorpusError(.encoding, "invalid UTF-8 (or a NUL byte)", file: name,
                                  location: SourceLocation(line: number, column: column))
            }
            if let cr = line.firstIndex(of: 0x0D) {
                var column = 1
                for b in line[..<cr] where b & 0xC0 != 0x80 { column += 1 }
                throw CorpusError(.syntax, "carriage return inside a line (CoNLL-U lines end with LF)", file: name,
                                  location: SourceLocation(line: number, column: column))
            }
            if line.isEmpty || line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                if !sentence.isEmpty {
                    try builder.add(&sentence, endLine: number)
                    sentence = SentenceAssembler(file: name)
                }
            } else if line[0] == UInt8(ascii: "#") {
                var body = UnsafeBufferPointer(rebasing: line[1...])
                if body.first == 0x20 { body = UnsafeBufferPointer(rebasing: body[1...]) }
                try sentence.comment(String(decoding: body, as: UTF8.self), line: number)
            } else {
                try sentence.word(try WordLine(line, line: number, file: name))
            }
        }
        try input.forEachChunk { chunk in try lines.feed(chunk, name: name, handle) }
        try lines.finish(handle)
        if !sentence.isEmpty { try builder.add(&sentence, endLine: lastLine + 1) }
        try builder.finish()
        if builder.sentenceCount == 0 {
            throw CorpusError(.empty, "the input holds no CoNLL-U sentence", file: name,
                              location: SourceLocation(line: max(1, lastLine), column: 1))
        }
    }

    /// A document id from an input name: the file name without directories and extension.
    static func documentID(for name: String) -> String {
        if name.hasPrefix("<") || name == "-" { return "doc" }
        var base = Substring(name)
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        return CorpusID.documentID(from: String(base))
    }
}

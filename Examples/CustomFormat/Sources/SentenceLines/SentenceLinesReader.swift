import CorpusKit

/// The smallest reader that keeps the rules every reader follows: it streams
/// (one block in memory), says what it provides, sniffs only what is surely
/// its own, and reports bad input as a ``CorpusError`` with the file and line.
///
/// A line `DOC.pN.sM<TAB>TEXT` is sentence M of block N of document DOC; a
/// new DOC starts a document, a new DOC.pN a block.
public struct SentenceLinesReader: CorpusReader {
    public init() {}
    public var format: FormatDescription { SentenceLinesWriter.format }
    public var provides: Capabilities { [.sentences] }

    public func sniff(_ prefix: [UInt8]) -> SniffResult {
        guard let line = prefix.split(separator: 0x0A).first, let tab = line.firstIndex(of: 0x09) else { return .no }
        return line[..<tab].split(separator: UInt8(ascii: ".")).count >= 3 ? .possible : .no
    }

    public func read(_ input: InputSource, options: FormatOptions, into sink: any CorpusEventSink) throws {
        var document: String?
        var block: (id: String, sentences: [Sentence])?
        func flushBlock() throws {
            if let b = block { try sink.receive(.block(Block(id: b.id, content: .sentences(b.sentences)))) }
            block = nil
        }
        var number = 0
        var pending: [UInt8] = []
        func handle(_ bytes: ArraySlice<UInt8>) throws {
            number += 1
            guard !bytes.isEmpty else { return }
            guard let line = String(validating: bytes, as: UTF8.self) else {
                throw CorpusError(.encoding, "line is not valid UTF-8", file: input.name, location: SourceLocation(line: number, column: 1))
            }
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            // DOC may contain dots itself: the block and sentence parts are the last two.
            let id = parts[0].split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, id.count >= 3 else {
                throw CorpusError(.syntax, "expected DOC.pN.sM<TAB>TEXT", file: input.name, location: SourceLocation(line: number, column: 1))
            }
            let doc = id.dropLast(2).joined(separator: "."), blockID = id.dropLast().joined(separator: ".")
            if doc != document {
                try flushBlock()
                if document != nil { try sink.receive(.endDocument) }
                try sink.receive(.startDocument(DocumentStart(id: doc)))
                document = doc
            }
            if blockID != block?.id {
                try flushBlock()
                block = (String(blockID), [])
            }
            block!.sentences.append(Sentence(id: String(parts[0]), text: String(parts[1])))
        }
        try input.forEachChunk { chunk in
            for byte in chunk {
                if byte == 0x0A {
                    try handle(pending[...])
                    pending.removeAll(keepingCapacity: true)
                } else {
                    pending.append(byte)
                }
            }
        }
        try handle(pending[...])
        try flushBlock()
        if document != nil { try sink.receive(.endDocument) }
    }
}

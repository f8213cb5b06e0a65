import CorpusModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads CWB vertical text (VRT, ParlaMint's `.vert`) into the model, streaming one
/// block at a time.
///
/// `<text>` starts a document (its `id` and metadata attributes); `<speech>` gives the
/// blocks inside it the attributes `utterance` (its `id`), `speaker` (`speaker_id`), `ana`
/// and `speech@NAME` for the rest, in source order; `<p>` is a paragraph (a `lang` that is
/// not a BCP 47 tag, ParlaMint's `French`, stays a `lang` attribute), `<s>` a sentence,
/// `<name type>` marks entity tokens (`ner` = `B-TYPE`/`I-TYPE`), `<g/>` removes the space
/// before the next token, `<note type content/>` is a note block (`type="head"` a heading).
/// Token lines are read by the `p-attrs` columns (default ParlaMint's); a line whose `id`
/// (or `norm`) column holds `a|b` is a multiword token. Tokens outside `<s>` form a
/// sentence of their own. Errors (wrong column count, a closing tag that does not match,
/// a broken tag, invalid UTF-8) name the line and column.
public struct VRTReader: CorpusReader {
    /// A reader with no state; options come with each ``read(_:options:into:)``.
    public init() {}

    /// `vrt` (aliases `vert`, `cwb`), extensions `vrt`/`vert`.
    public var format: FormatDescription { VRTFormat.description }

    /// Nothing guaranteed: a note line is a block without tokens.
    public var provides: Capabilities { [] }

    /// `certain` when the first line is `<text …>` or `<speech …>` and a TAB-separated
    /// token line follows; `possible` for a first line `<s>`/`<p>`/`<note`.
    public func sniff(_ prefix: [UInt8]) -> SniffResult {
        let text = String(decoding: prefix, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let first = lines.first else { return .no }
        let hasTokenLine = lines.dropFirst().contains { !$0.hasPrefix("<") && $0.contains("\t") }
        if (first.hasPrefix("<text ") || first.hasPrefix("<text>") || first.hasPrefix("<speech ")) && hasTokenLine { return .certain }
        if first.hasPrefix("<s>") || first.hasPrefix("<s ") || first.hasPrefix("<p ") || first.hasPrefix("<note ") {
            return hasTokenLine ? .likely : .possible
        }
        return .no
    }

    /// Streams `input` line by line into `sink`; option `p-attrs` names the token columns.
    public func read(_ input: InputSource, options: FormatOptions, into sink: any CorpusEventSink) throws {
        let assembler = VRTAssembler(
            sink: sink, columns: try VRTFormat.positionalAttributes(options), fileName: input.name,
            fileStem: Self.stem(input.name))
        let maximumLine = try ReadLimits.unitBytes(options)
        var pending: [UInt8] = []
        var lineNumber = 0
        var offset = 0
        func process(_ line: ArraySlice<UInt8>) throws {
            lineNumber += 1
            var line = line
            if line.last == 0x0D { line = line.dropLast() }
            try line.withUnsafeBufferPointer { buffer in
                if let bad = UTF8Validation.firstInvalidByte(in: buffer, rejectingNUL: true) {
                    throw CorpusError(
                        .encoding, "invalid UTF-8 (or a NUL byte) in the line",
                        file: input.name, location: SourceLocation(line: lineNumber, column: bad + 1, byteOffset: offset + bad))
                }
            }
            if let cr = line.firstIndex(of: 0x0D) {  // a value cannot hold one: it would not survive writing
                let column = VRTAssembler.scalarColumn(line, byteColumn: cr - line.startIndex + 1)
                throw CorpusError(
                    .syntax, "carriage return inside a line (only a CRLF line end is allowed)",
                    file: input.name, location: SourceLocation(line: lineNumber, column: column, byteOffset: offset + cr - line.startIndex))
            }
            try assembler.line(line, number: lineNumber)
        }
        try input.forEachChunk { chunk in
            var start = 0
            let bytes = chunk.bindMemory(to: UInt8.self)
            // Binary or endless input (/dev/zero) stops at its first NUL, before it is buffered.
            if let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) {
                let at = offset + pending.count + (UnsafeRawPointer(nul) - UnsafeRawPointer(base))
                throw CorpusError(.encoding, "a NUL byte: this is not VRT text", file: input.name,
                                  location: SourceLocation(byteOffset: at))
            }
            for i in 0..<bytes.count where bytes[i] == 0x0A {
                pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                try process(pending[...])
                offset += pending.count + 1
                pending.removeAll(keepingCapacity: true)
                start = i + 1
            }
            pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            if pending.count > maximumLine {
                throw CorpusError(.syntax, "line \(lineNumber + 1) is longer than \(ReadLimits.describe(maximumLine)) (the limit for one line): this does not look like VRT",
                                  file: input.name, location: SourceLocation(line: lineNumber + 1, column: 1, byteOffset: offset))
            }
        }
        if !pending.isEmpty { try process(pending[...]) }
        try assembler.finish()
    }

    /// The file name without directory and extension, as an NCName (`doc` for streams).
    static func stem(_ name: String) -> String { CorpusID.documentID(forInputNamed: name) }
}

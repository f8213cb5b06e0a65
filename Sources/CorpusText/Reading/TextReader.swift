#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CorpusModel

/// Reads plain text — corpus dumps, PDF extractions, sentence-per-line files —
/// into paragraphs (and sentences, when the layout marks them).
///
/// Options:
/// - `layout`: `auto` (default; see ``detectLayout(_:language:)``), `paragraphs`,
///   `indented`, `lines`, `sentences`, `tabbed` (see ``TextLayout``).
/// - `encoding`: `utf-8` (default; a BOM is skipped, a UTF-16 BOM switches to
///   UTF-16), `utf-16` (BOM required), `kz-1048`, `pt154`, `windows-1251`.
/// - `replace-invalid`: replace invalid UTF-8 with U+FFFD and report a warning
///   (through ``onWarning``) instead of failing with the byte offset.
/// - `id`: the document id (default: the file name without extension, as an NCName).
/// - `lang`: the document language (default `kk`); also picks the abbreviation list.
/// - `chunk-size`: bytes read at a time (default 1 MiB); memory use tracks it.
/// - `structure`: `true` turns heading lines into heading blocks and numbered
///   or bulleted lines, and numbered items inside a paragraph, into list items
///   (see ``PlainStructure``); off by default, so the seed gold is unchanged.
/// - `max-block-bytes`: the longest line or paragraph accepted (default and maximum
///   256 MiB, ``ReadLimits/maximumUnitBytes``); longer is an error, so memory stays
///   bounded on input that is not text. A NUL byte is an error as soon as it is read.
///
/// Whitespace runs become one space and lines are trimmed (so tokens rebuild
/// sentences exactly). `sentences` and `tabbed` layouts emit `.sentences`
/// blocks; the others emit `.text` blocks for the segmenter. Memory holds one
/// paragraph plus one 1 MiB chunk (plus the first 64 KiB while detecting).
public struct TextReader: CorpusReader {
    /// Receives warnings (replaced bytes) when the options carry no
    /// ``FormatOptions/onWarning`` handler; the default prints them to stderr.
    public var onWarning: @Sendable (Diagnostic) -> Void

    public init() {
        onWarning = { diagnostic in
            var line = diagnostic.description + "\n"
            line.withUTF8 { buffer in _ = write(2, buffer.baseAddress, buffer.count) }
        }
    }

    public var format: FormatDescription {
        FormatDescription(
            name: "text", aliases: ["txt", "plain"], extensions: ["txt"], mediaType: "text/plain",
            summary: "plain text: paragraphs, one sentence per line, PDF extractions, TAB-separated dumps")
    }

    public var provides: Capabilities { [] }

    /// Text is the fallback format: `possible` for clean UTF-8/UTF-16 without NUL bytes.
    public func sniff(_ prefix: [UInt8]) -> SniffResult {
        if prefix.isEmpty { return .no }
        if prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF]) { return .possible }
        var body = prefix
        // A prefix may cut the last character: drop up to 3 trailing bytes of it.
        var cut = 0
        while cut < 3, let last = body.last, last & 0xC0 == 0x80 || last >= 0xC0 {
            body.removeLast()
            cut += 1
            if last >= 0xC0 { break }
        }
        return UTF8Check.firstProblem(in: body) == nil ? .possible : .no
    }

    /// The layout `auto` would choose for a file starting with `bytes`, and why
    /// (for `--explain`). Reads at most the first 64 KiB, decoding leniently.
    public static func detectLayout(_ bytes: [UInt8], language: String = "kk") throws -> (TextLayout, reason: String) {
        var text = String(decoding: bytes.prefix(1 << 16), as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        if lines.last?.isEmpty == true { lines.removeLast() }  // the final line end
        return try LayoutDetector.detect(lines.map(String.init), language: language)
    }

    public func read(_ input: InputSource, options: FormatOptions, into sink: any CorpusEventSink) throws {
        let layoutName = try options.choice(
            "layout", ["auto"] + TextLayout.allCases.map(\.rawValue), default: "auto")
        let encodingName = options["encoding"] ?? "utf-8"
        guard let encoding = TextEncoding(optionValue: encodingName) else {
            throw CorpusError(
                .usage, "option 'encoding' must be one of \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")), got '\(encodingName)'")
        }
        let language = options["lang"] ?? "kk"
        let chunkSize = try options.integer("chunk-size", default: 1 << 20)
        guard chunkSize > 0 else { throw CorpusError(.usage, "option 'chunk-size' must be positive") }
        let limit = try ReadLimits.unitBytes(options)
        let id = options["id"] ?? CorpusID.documentID(forInputNamed: input.name)
        var metadata = Metadata(language: language)
        if let path = input.path { metadata.source = path }
        let session = TextReadSession(
            document: DocumentStart(id: CorpusID.documentID(from: id), metadata: metadata),
            layout: TextLayout(rawValue: layoutName), language: language, structure: options.flag("structure"), paragraphLimit: limit,
            inputName: input.name, sink: sink)
        let readerWarning = onWarning
        let warn: (Diagnostic) throws -> Void = options.onWarning.map { handler in { try handler.report($0) } } ?? readerWarning
        var splitter = LineSplitter(
            inputName: input.name, replaceInvalid: options.flag("replace-invalid"), maximumLineBytes: limit, warn: warn)
        var decoder = ByteDecoder(encoding: encoding, inputName: input.name)
        do {
            try input.forEachChunk(size: chunkSize) { chunk in
                try decoder.decode(chunk) { utf8 in
                    try splitter.feed(utf8) { try session.accept($0) }
                }
            }
            try decoder.finish { utf8 in
                try splitter.feed(utf8) { try session.accept($0) }
            }
            try splitter.finish { try session.accept($0) }
            try session.finish()
        } catch let error as CorpusError {
            throw error.naming(input.name)
        }
        if !session.emittedAnything {
            throw CorpusError(.empty, "the input holds no text", file: input.name)
        }
    }
}

import CorpusModel
import Foundation

/// Reads a CorpusKit JSON file (`{"version": 2, "documents": [...]}`) into events.
///
/// The file is decoded whole with `JSONDecoder` (the fastest decoder measured
/// here); use JSON Lines for corpora too large for memory. Input over 1 GiB
/// (``ReadLimits/maximumDocumentBytes``; option `max-document-bytes` lowers it),
/// with a NUL byte, or not starting with `{` is refused before it is all read. A missing or
/// unknown `version`, malformed JSON and values of the wrong type are
/// ``CorpusError``s naming the file and the line and column or JSON path.
public struct JSONReader: CorpusReader {
    public var format: FormatDescription { CorpusJSONFormat.json }
    public var provides: Capabilities { [] }

    public init() {}

    public func sniff(_ prefix: [UInt8]) -> SniffResult {
        guard JSONSniffer.firstSignificantByte(prefix) == UInt8(ascii: "{") else { return .no }
        if JSONSniffer.contains(prefix, "\"documents\"") { return .certain }
        return JSONSniffer.looksLikeLines(prefix) ? .possible : .likely
    }

    public func read(_ input: InputSource, options: FormatOptions, into sink: any CorpusEventSink) throws {
        let limit = try ReadLimits.unitBytes(options, key: "max-document-bytes", maximum: ReadLimits.maximumDocumentBytes)
        var data = Data()
        var started = false
        // The file is decoded whole, so what is not JSON is refused before it is held:
        // a first byte other than `{`, a NUL byte (binary data), or more than the limit.
        try input.forEachChunk { chunk in
            if let base = chunk.baseAddress, let hit = memchr(base, 0, chunk.count) {
                let offset = data.count + base.distance(to: UnsafeRawPointer(hit))
                data.append(contentsOf: chunk)
                throw CorpusError(
                    .syntax, "NUL byte at byte offset \(offset): binary data, not JSON", file: input.name,
                    location: SourceLocation.of(byteOffset: offset, in: data))
            }
            data.append(contentsOf: chunk)
            if !started {
                let head = Array(data.prefix(4096))
                let partialBOM = head.count < 3 && [0xEF, 0xBB, 0xBF].starts(with: head)
                if !partialBOM, let first = JSONSniffer.firstSignificantByte(head) {
                    started = true
                    guard first == UInt8(ascii: "{") else {
                        let offset = head.firstIndex(of: first) ?? 0
                        throw CorpusError(
                            .syntax, "not a CorpusKit JSON file: it must start with '{' (\"version\": 1, \"documents\": […])",
                            file: input.name, location: SourceLocation.of(byteOffset: offset, in: head))
                    }
                }
            }
            if data.count > limit {
                throw CorpusError(
                    .structure, "larger than \(ReadLimits.describe(limit)): a JSON file is decoded whole; use JSON Lines (jsonl) for corpora this big",
                    file: input.name)
            }
        }
        try JSONDecoding.checkNotEmpty(data, name: input.name)
        let file: CorpusFile
        do {
            file = try JSONDecoder().decode(CorpusFile.self, from: data)
        } catch let unsupported as UnsupportedVersion {
            try JSONDecoding.checkVersion(unsupported.version, name: input.name, line: nil)
            throw unsupported  // not reached: checkVersion throws for every unsupported version
        } catch {
            throw JSONDecoding.describe(error, in: Array(data), name: input.name, lineOffset: 0)
        }
        for document in file.documents {
            try sink.receive(document: document)
        }
    }
}

/// Reads JSON Lines: one versioned document per line, streamed line by line;
/// a line over ``ReadLimits/maximumUnitBytes`` (256 MiB; option `max-block-bytes`
/// lowers it) is an error, so a file with no line ends cannot fill memory, and a
/// NUL byte (binary data) stops the read as soon as it is read.
public struct JSONLinesReader: CorpusReader {
    public var format: FormatDescription { CorpusJSONFormat.jsonLines }
    public var provides: Capabilities { [] }

    public init() {}

    public func sniff(_ prefix: [UInt8]) -> SniffResult {
        guard JSONSniffer.firstSignificantByte(prefix) == UInt8(ascii: "{") else { return .no }
        return JSONSniffer.looksLikeLines(prefix) ? .likely : .possible
    }

    public func read(_ input: InputSource, options: FormatOptions, into sink: any CorpusEventSink) throws {
        var lines = JSONLinesDecoder(name: input.name, limit: try ReadLimits.unitBytes(options))
        try input.forEachChunk { chunk in
            try lines.feed(chunk) { try sink.receive(document: $0) }
        }
        try lines.finish { try sink.receive(document: $0) }
        if lines.documentCount == 0 {
            throw CorpusError(.empty, "no JSON Lines document in the input", file: input.name)
        }
    }
}

/// The top level of a JSON file. The version is checked before anything else
/// is decoded, so an unknown version is reported as such, not as whatever
/// field it renamed — in the same single decoding pass.
struct CorpusFile: Decodable {
    var documents: [Document]

    private enum CodingKeys: String, CodingKey { case version, documents }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try UnsupportedVersion.check(try c.decodeIfPresent(Int.self, forKey: .version))
        documents = try c.decode([Document].self, forKey: .documents)
    }
}

/// One JSON Lines record: a document with a `version` beside its fields.
struct LinesRecord: Decodable {
    var document: Document

    private enum CodingKeys: String, CodingKey { case version }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try UnsupportedVersion.check(try c.decodeIfPresent(Int.self, forKey: .version))
        document = try Document(from: decoder)
    }
}

/// Thrown from decoding when the version is missing or not this build's;
/// the reader turns it into a ``CorpusError`` with the file and line.
struct UnsupportedVersion: Error {
    var version: Int?

    static func check(_ version: Int?) throws {
        if !CorpusJSONFormat.readableVersions.contains(version ?? -1) { throw UnsupportedVersion(version: version) }
    }
}

import CorpusModel

/// Reads a CorpusKit JSON file (`{"version": 2, "documents": [...]}`) into events.
///
/// The file is streamed (``JSONModelParser``): each block goes out as soon as
/// it is read, so memory stays flat however large the file. Only one JSON
/// string is ever held whole; one longer than 1 GiB
/// (``ReadLimits/maximumDocumentBytes``; option `max-document-bytes` lowers it)
/// is an error. A NUL byte, a first byte other than `{`, a missing or unknown
/// `version`, malformed JSON and values of the wrong type are ``CorpusError``s
/// naming the file, the line and column, and the JSON path.
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
        let cursor = JSONByteCursor(source: try input.openSequential(), limit: limit, chunk: max(64, min(limit, 1 << 20)))
        var parser = JSONModelParser(cursor: cursor)
        try parser.readFile(into: sink)
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

/// The top level of a JSON file through the model's `Codable` conformance and
/// Foundation's `JSONDecoder`: not used by the readers, kept as the independent
/// reference the tests compare the streaming reader with.
struct CorpusFile: Decodable {
    var documents: [Document]

    private enum CodingKeys: String, CodingKey { case version, documents }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let version = try c.decodeIfPresent(Int.self, forKey: .version)
        if !CorpusJSONFormat.readableVersions.contains(version ?? -1) {
            throw DecodingError.dataCorruptedError(forKey: .version, in: c, debugDescription: "unsupported version")
        }
        documents = try c.decode([Document].self, forKey: .documents)
    }
}

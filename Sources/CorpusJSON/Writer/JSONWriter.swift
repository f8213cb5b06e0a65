import CorpusModel

/// Writes the model as one JSON file: `{"version": 2, "documents": [ … ]}`.
///
/// Options: `compact` (flag) writes no whitespace; the default is pretty,
/// two-space indented, one token per line fragment. Output is deterministic:
/// the same model always gives the same bytes.
public struct JSONWriter: CorpusWriter {
    public var format: FormatDescription { CorpusJSONFormat.json }
    public var requires: Capabilities { [] }

    public init() {}

    public func makeSink(writingTo output: ByteOutput, options: FormatOptions) throws -> any CorpusEventSink {
        JSONFileSink(emitter: JSONEmitter(output: output, pretty: !options.flag("compact")))
    }
}

/// Writes one JSON document per line: the stream form for pipelines.
public struct JSONLinesWriter: CorpusWriter {
    public var format: FormatDescription { CorpusJSONFormat.jsonLines }
    public var requires: Capabilities { [] }

    public init() {}

    public func makeSink(writingTo output: ByteOutput, options: FormatOptions) throws -> any CorpusEventSink {
        JSONLinesSink(output: output)
    }
}

final class JSONFileSink: CorpusEventSink {
    private var emitter: JSONEmitter
    private var started = false
    private var inDocument = false

    init(emitter: JSONEmitter) { self.emitter = emitter }

    private func startFile() throws {
        guard !started else { return }
        started = true
        try emitter.beginObject()
        try emitter.key("version")
        try emitter.int(CorpusJSONFormat.version)
        try emitter.key("documents")
        try emitter.beginArray()
    }

    func receive(_ event: CorpusEvent) throws {
        try startFile()
        switch event {
        case .startDocument(let start):
            if inDocument { try emitter.endDocument() }
            try emitter.element()
            try emitter.beginDocument(start, version: nil)
            inDocument = true
        case .block(let block):
            if !inDocument {
                try emitter.element()
                try emitter.beginDocument(DocumentStart(id: "doc"), version: nil)
                inDocument = true
            }
            try emitter.element()
            try emitter.block(block)
        case .endDocument:
            if inDocument { try emitter.endDocument() }
            inDocument = false
        }
    }

    func finish() throws {
        try startFile()
        if inDocument { try emitter.endDocument() }
        inDocument = false
        try emitter.endArray()
        try emitter.endObject()
        try emitter.output.write(byte: 0x0A)
    }
}

final class JSONLinesSink: CorpusEventSink {
    private let output: ByteOutput
    private var emitter: JSONEmitter
    private var inDocument = false

    init(output: ByteOutput) {
        self.output = output
        self.emitter = JSONEmitter(output: output, pretty: false)
    }

    func receive(_ event: CorpusEvent) throws {
        switch event {
        case .startDocument(let start):
            try closeDocument()
            try emitter.beginDocument(start, version: CorpusJSONFormat.version)
            inDocument = true
        case .block(let block):
            if !inDocument {
                try emitter.beginDocument(DocumentStart(id: "doc"), version: CorpusJSONFormat.version)
                inDocument = true
            }
            try emitter.element()
            try emitter.block(block)
        case .endDocument:
            try closeDocument()
        }
    }

    private func closeDocument() throws {
        guard inDocument else { return }
        try emitter.endDocument()
        try output.write(byte: 0x0A)
        inDocument = false
    }

    func finish() throws { try closeDocument() }
}

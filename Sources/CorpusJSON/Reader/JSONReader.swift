import CorpusModel
import Foundation

/// Reads a CorpusKit JSON file (`{"version": 1, "documents": [...]}`) into events.
///
/// The file is decoded whole with `JSONDecoder` (the fastest decoder measured
/// here); use JSON Lines for corpora too large for memory. A missing or
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
        let bytes = try input.readAll()
        let data = Data(bytes)
        try JSONDecoding.checkNotEmpty(bytes, name: input.name)
        let file: CorpusFile
        do {
            let probe = try JSONDecoder().decode(VersionProbe.self, from: data)
            try JSONDecoding.checkVersion(probe.version, name: input.name, line: nil)
            file = try JSONDecoder().decode(CorpusFile.self, from: data)
        } catch let error as CorpusError {
            throw error
        } catch {
            throw JSONDecoding.describe(error, in: bytes, name: input.name, lineOffset: 0)
        }
        for document in file.documents {
            try sink.receive(document: document)
        }
    }
}

/// Reads JSON Lines: one versioned document per line, streamed line by line.
public struct JSONLinesReader: CorpusReader {
    public var format: FormatDescription { CorpusJSONFormat.jsonLines }
    public var provides: Capabilities { [] }

    public init() {}

    public func sniff(_ prefix: [UInt8]) -> SniffResult {
        guard JSONSniffer.firstSignificantByte(prefix) == UInt8(ascii: "{") else { return .no }
        return JSONSniffer.looksLikeLines(prefix) ? .likely : .possible
    }

    public func read(_ input: InputSource, options: FormatOptions, into sink: any CorpusEventSink) throws {
        var pending: [UInt8] = []
        var lineNumber = 0
        var sawDocument = false
        let decoder = JSONDecoder()

        func handle(_ line: ArraySlice<UInt8>) throws {
            lineNumber += 1
            var line = line
            if line.last == 0x0D { line = line.dropLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            let data = Data(line)
            do {
                let probe = try decoder.decode(VersionProbe.self, from: data)
                try JSONDecoding.checkVersion(probe.version, name: input.name, line: lineNumber)
                let document = try decoder.decode(Document.self, from: data)
                sawDocument = true
                try sink.receive(document: document)
            } catch let error as CorpusError {
                throw error
            } catch {
                throw JSONDecoding.describe(error, in: Array(line), name: input.name, lineOffset: lineNumber - 1)
            }
        }

        try input.forEachChunk { chunk in
            var start = 0
            for i in 0..<chunk.count where chunk[i] == 0x0A {
                if pending.isEmpty {
                    try handle(ArraySlice(chunk[start..<i]))
                } else {
                    pending.append(contentsOf: chunk[start..<i])
                    try handle(pending[...])
                    pending.removeAll(keepingCapacity: true)
                }
                start = i + 1
            }
            pending.append(contentsOf: chunk[start...])
        }
        if !pending.isEmpty { try handle(pending[...]) }
        if !sawDocument {
            throw CorpusError(.empty, "no JSON Lines document in the input", file: input.name)
        }
    }
}

/// The top level of a JSON file.
struct CorpusFile: Decodable {
    var version: Int
    var documents: [Document]
}

/// Decodes only the version, so that an unknown version is reported as such
/// rather than as whatever field it renamed.
struct VersionProbe: Decodable {
    var version: Int?
}

import CorpusModel
import Foundation

/// Turns decoder failures into ``CorpusError``s with a place a user can find.
enum JSONDecoding {
    static func checkNotEmpty(_ bytes: some Collection<UInt8>, name: String) throws {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw CorpusError(.empty, "the input is empty; expected a CorpusKit JSON document", file: name,
                              location: SourceLocation(line: 1, column: 1, byteOffset: 0))
        }
    }

    static func checkVersion(_ version: Int?, name: String, line: Int?) throws {
        let place = line.map { SourceLocation(line: $0, column: 1) }
        guard let version else {
            throw CorpusError(.structure, "missing \"version\"; expected \"version\": \(CorpusJSONFormat.version)",
                              file: name, location: place)
        }
        guard CorpusJSONFormat.readableVersions.contains(version) else {
            let known = CorpusJSONFormat.readableVersions
            throw CorpusError(.structure,
                              "unsupported version \(version); this build reads versions \(known.lowerBound)–\(known.upperBound)",
                              file: name, location: place)
        }
    }

    /// Describes a `JSONDecoder` error: syntax errors get line and column
    /// (from our own scan, so they do not depend on Foundation's wording),
    /// type errors get the JSON path of the offending value.
    static func describe(_ error: any Error, in bytes: [UInt8], name: String, lineOffset: Int) -> CorpusError {
        func structural(_ what: String, _ codingPath: [any CodingKey]) -> CorpusError {
            Self.structural(what, codingPath, bytes: bytes, name: name, lineOffset: lineOffset)
        }
        guard let decoding = error as? DecodingError else {
            return CorpusError(.syntax, "\(error)", file: name)
        }
        switch decoding {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            var location = JSONSyntaxScanner.firstError(in: bytes)
                ?? SourceLocation(line: 1, column: 1, byteOffset: 0)
            location.line = (location.line ?? 1) + lineOffset
            let what = JSONSyntaxScanner.describeError(in: bytes) ?? "malformed JSON"
            return CorpusError(.syntax, what, file: name, location: location)
        case .dataCorrupted(let context):
            return structural("\(context.debugDescription)", context.codingPath)
        case .keyNotFound(let key, let context):
            return structural("missing \"\(key.stringValue)\"", context.codingPath)
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return structural("expected \(describe(type))", context.codingPath)
        @unknown default:
            return CorpusError(.syntax, "\(error)", file: name)
        }
    }

    /// A structural error at the value a coding path names, with its line and column.
    private static func structural(_ what: String, _ codingPath: [any CodingKey], bytes: [UInt8], name: String,
                                   lineOffset: Int) -> CorpusError {
        var location = JSONPathLocator.locate(codingPath, in: bytes)
        if var l = location { l.line = (l.line ?? 1) + lineOffset; location = l }
        return CorpusError(.structure, "at \(path(codingPath)): \(what)", file: name, location: location)
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is Bool.Type: "true or false"
        case is [String: Any].Type: "an object"
        default:
            "\(type)".hasPrefix("Array") ? "an array" : "\(type)".lowercased()
        }
    }

    /// `$.documents[0].blocks[3].kind`
    static func path(_ codingPath: [any CodingKey]) -> String {
        var out = "$"
        for key in codingPath {
            if let i = key.intValue { out += "[\(i)]" } else { out += ".\(key.stringValue)" }
        }
        return out
    }
}

/// Quick sniffing helpers shared by the two JSON readers.
enum JSONSniffer {
    static func firstSignificantByte(_ prefix: [UInt8]) -> UInt8? {
        var bytes = prefix[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return bytes.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
    }

    static func contains(_ prefix: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard prefix.count >= n.count else { return false }
        for i in 0...(prefix.count - n.count) where prefix[i] == n[0] {
            if Array(prefix[i..<(i + n.count)]) == n { return true }
        }
        return false
    }

    /// A first line that holds a whole document and no `"documents"` key.
    static func looksLikeLines(_ prefix: [UInt8]) -> Bool {
        guard let newline = prefix.firstIndex(of: 0x0A) else { return false }
        let first = Array(prefix[..<newline])
        return !contains(first, "\"documents\"") && contains(first, "\"blocks\"")
    }
}

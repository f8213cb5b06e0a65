import CorpusModel

/// The version check both JSON readers make, with the message users see.
enum JSONDecoding {
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

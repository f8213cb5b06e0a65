import CorpusModel

/// Options shared by ``CSVReader`` and ``TSVReader``, read from ``FormatOptions``.
struct SentenceTableReaderOptions {
    /// Column names for a table without a header row (option `column-names`).
    var columns: [String]?
    var maxRecordBytes = 64 << 20

    init(_ options: FormatOptions) throws {
        if let list = options["column-names"] {
            columns = list.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        }
        maxRecordBytes = try options.integer("max-row-bytes", default: maxRecordBytes)
        guard maxRecordBytes > 0 else { throw CorpusError(.usage, "option 'max-row-bytes' must be positive") }
    }
}

extension TableDialect {
    /// Streams `input` through the scanner and the builder into `sink`.
    func read(_ input: InputSource, options: FormatOptions, into sink: any CorpusEventSink) throws {
        do {
            let o = try SentenceTableReaderOptions(options)
            let scanner = TableScanner(dialect: self, inputName: input.name, maxRecordBytes: o.maxRecordBytes)
            let builder = try SentenceTableBuilder(
                sink: sink, scanner: scanner, defaultDocumentID: Self.documentID(for: input), columns: o.columns)
            var sawBytes = false
            try input.forEachChunk { chunk in
                if !chunk.isEmpty { sawBytes = true }
                try scanner.feed(chunk) { try builder.consume($0) }
            }
            try scanner.finish { try builder.consume($0) }
            guard builder.hasLayout else {
                throw CorpusError(
                    .empty, sawBytes ? "the table has no header row (only blank lines)" : "the table is empty (no header row)",
                    location: SourceLocation(line: 1, column: 1, byteOffset: 0))
            }
            try builder.finish()
        } catch let error as CorpusError {
            throw error.naming(input.name)
        }
    }

    /// The document id for a table without a `doc_id` column: the file name's stem.
    static func documentID(for input: InputSource) -> String {
        CorpusID.documentID(forInputNamed: input.path ?? "-")
    }

    /// How sure we are that `prefix` starts a sentence table in this dialect:
    /// certain when its first line names `text` and another known column.
    func sniff(_ prefix: [UInt8]) -> SniffResult {
        var bytes = prefix[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let firstLine = bytes.prefix { $0 != 0x0A && $0 != 0x0D }
        guard let line = String(validating: firstLine, as: UTF8.self), !line.isEmpty else { return .no }
        let names = line.split(separator: Character(Unicode.Scalar(delimiter)), omittingEmptySubsequences: false)
            .map { $0.trimmingSpaces().trimmingCharacters(of: "\"") }
        guard names.count > 1 else { return .no }
        let known = names.filter(SentenceColumn.isFixedName)
        if known.contains("text") && known.count >= 2 { return .certain }
        if !known.isEmpty { return .likely }
        let other: UInt8 = self == .csv ? 0x09 : UInt8(ascii: ",")
        return firstLine.contains(other) ? .no : .possible
    }
}

extension String {
    func trimmingCharacters(of c: Character) -> String {
        var s = Substring(self)
        while s.first == c { s.removeFirst() }
        while s.last == c { s.removeLast() }
        return String(s)
    }
}

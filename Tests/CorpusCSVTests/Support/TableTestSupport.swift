import CorpusModel

@testable import CorpusCSV

/// Reads `bytes` feeding the reader in the given chunk sizes (cycled), to show
/// that chunk boundaries never change the result.
func readInChunks(_ bytes: [UInt8], dialect: TableDialect, chunkSizes: [Int], options: FormatOptions = FormatOptions())
    throws -> [Document]
{
    let collector = DocumentCollector()
    let o = try SentenceTableReaderOptions(options)
    let scanner = TableScanner(dialect: dialect, inputName: "<chunks>", maxRecordBytes: o.maxRecordBytes)
    let builder = try SentenceTableBuilder(sink: collector, scanner: scanner, defaultDocumentID: "doc", columns: o.columns)
    var start = 0
    var k = 0
    try bytes.withUnsafeBytes { raw in
        while start < raw.count {
            let end = min(raw.count, start + chunkSizes[k % chunkSizes.count])
            try scanner.feed(UnsafeRawBufferPointer(rebasing: raw[start..<end])) { try builder.consume($0) }
            start = end
            k += 1
        }
    }
    try scanner.finish { try builder.consume($0) }
    try builder.finish()
    try collector.finish()
    return collector.documents
}

/// The error a read of `text` throws (nil when it reads fine).
func readError(_ text: String, reader: any CorpusReader = CSVReader(), options: FormatOptions = FormatOptions()) -> CorpusError? {
    readError(Array(text.utf8), reader: reader, options: options)
}

func readError(_ bytes: [UInt8], reader: any CorpusReader = CSVReader(), options: FormatOptions = FormatOptions()) -> CorpusError? {
    do {
        _ = try reader.readDocuments(.bytes(bytes, name: "t.csv"), options: options)
        return nil
    } catch let e as CorpusError {
        return e
    } catch {
        return CorpusError(.io, "unexpected error type: \(error)")
    }
}

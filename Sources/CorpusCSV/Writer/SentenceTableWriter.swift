import CorpusModel

/// Options shared by ``CSVWriter`` and ``TSVWriter``, read from ``FormatOptions``.
struct SentenceTableWriterOptions {
    var columns = SentenceColumn.defaults
    var crlf = false
    var bom = false

    init(_ options: FormatOptions) throws {
        if let list = options["columns"] { columns = try SentenceColumn.parseList(list) }
        crlf = options.flag("crlf")
        bom = options.flag("bom")
    }
}

extension TableDialect {
    func makeWriterSink(writingTo output: ByteOutput, options: FormatOptions) throws -> any CorpusEventSink {
        let o = try SentenceTableWriterOptions(options)
        return SentenceTableSink(out: output, dialect: self, columns: o.columns, crlf: o.crlf, bom: o.bom)
    }
}

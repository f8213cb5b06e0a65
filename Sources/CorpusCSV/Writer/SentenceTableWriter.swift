import CorpusModel

/// Options shared by ``CSVWriter`` and ``TSVWriter``, read from ``FormatOptions``.
struct SentenceTableWriterOptions {
    /// `table`: `sentences` (one row per sentence, the default) or `tokens` (one row per token).
    var tokenTable = false
    var columns = SentenceColumn.defaults
    var tokenColumns = TokenColumn.defaults
    var crlf = false
    var bom = false

    init(_ options: FormatOptions) throws {
        tokenTable = try options.choice("table", ["sentences", "tokens"], default: "sentences") == "tokens"
        if let list = options["columns"] {
            if tokenTable { tokenColumns = try TokenColumn.parseList(list) } else { columns = try SentenceColumn.parseList(list) }
        }
        crlf = options.flag("crlf")
        bom = options.flag("bom")
    }

    /// What the stream must carry: sentences, and tokens too for a token table.
    static func requires(_ options: FormatOptions) -> Capabilities {
        options["table"] == "tokens" ? [.sentences, .tokens] : .sentences
    }
}

extension TableDialect {
    func makeWriterSink(writingTo output: ByteOutput, options: FormatOptions) throws -> any CorpusEventSink {
        let o = try SentenceTableWriterOptions(options)
        if o.tokenTable {
            return TokenTableSink(out: output, dialect: self, columns: o.tokenColumns, crlf: o.crlf, bom: o.bom)
        }
        return SentenceTableSink(out: output, dialect: self, columns: o.columns, crlf: o.crlf, bom: o.bom)
    }
}

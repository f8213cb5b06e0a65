import CorpusModel

/// The options the sentence-table plugins read, declared so that a bad value
/// fails before any work (see ``OptionSpec``).
enum TableOptions {
    static let writer: [OptionSpec] = [
        OptionSpec("table", .choice(["sentences", "tokens"]), default: "sentences",
                   help: "One row per sentence, or per token (lemma, upos, feats, head, deprel, speaker, …)."),
        // Token-table columns include every sentence-table column; the writer checks the exact list.
        OptionSpec("columns", .text(check: { list in
            do { _ = try TokenColumn.parseList(list); return nil } catch { return (error as? CorpusError)?.message ?? "\(error)" }
        }), default: "doc_id,block_id,block_kind,level,sentence_id,sentence_n,text,doc_meta",
                   help: "Columns, comma-separated, in order (see the README's list; token tables: doc_id,…,speaker)."),
        OptionSpec("crlf", .flag, default: "false", help: "End lines with CRLF."),
        OptionSpec("bom", .flag, default: "false", help: "Start with a UTF-8 byte order mark (for spreadsheets)."),
    ]
    static let reader: [OptionSpec] = [
        OptionSpec("column-names", .text(check: { _ in nil }), help: "Names for a table without a header row, comma-separated."),
        OptionSpec("max-row-bytes", .integer(1...Int.max), default: "268435456", help: "The longest row accepted, in bytes."),
    ]
}

extension CSVWriter { public var optionSpecs: [OptionSpec] { TableOptions.writer } }
extension TSVWriter { public var optionSpecs: [OptionSpec] { TableOptions.writer } }
extension CSVReader { public var optionSpecs: [OptionSpec] { TableOptions.reader } }
extension TSVReader { public var optionSpecs: [OptionSpec] { TableOptions.reader } }

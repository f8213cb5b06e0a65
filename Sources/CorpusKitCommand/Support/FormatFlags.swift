import ArgumentParser
import CorpusKit

/// The plugin options the CLI spells as flags; each lands in the
/// ``FormatOptions`` bag under the key the plugins document.
struct FormatFlags: ParsableArguments {
    @Option(help: "Plain-text layout: auto, paragraphs, indented, lines, sentences, tabbed.")
    var layout: String?

    @Option(help: "Input encoding for text: utf-8, utf-16, kz-1048, pt154, windows-1251.")
    var encoding: String?

    @Flag(help: "Replace invalid UTF-8 with U+FFFD and warn, instead of failing.")
    var replaceInvalid = false

    @Flag(help: "Plain text: heading lines become headings, numbered and bulleted lines (and numbered items inside a paragraph) list items.")
    var structure = false

    @Option(help: "Language for segmentation (BCP 47, e.g. kk, ru, en); default from metadata, else kk.")
    var lang: String?

    @Option(help: "Text output style: paragraphs or sentences (one per line).")
    var textStyle: String?

    @Option(help: "CSV/TSV columns, comma-separated, in order.")
    var columns: String?

    @Option(help: "CSV/TSV table: sentences (one row per sentence, the default) or tokens (one row per token: lemma, upos, feats, head, deprel, speaker, …).")
    var table: String?

    @Flag(help: "CSV/TSV: end lines with CRLF.")
    var crlf = false

    @Flag(help: "CSV/TSV: start with a UTF-8 byte order mark (for spreadsheets).")
    var bom = false

    @Flag(help: "JSON: no whitespace.")
    var compact = false

    @Flag(help: "TEI: do not indent the output.")
    var noIndent = false

    @Flag(help: "Tokenize sentences and write tokens (TEI <w>/<pc>, JSON tokens).")
    var tokens = false

    @Flag(help: "Apply Unicode NFC normalization.")
    var nfc = false

    @Option(help: "VRT positional attributes, comma-separated, word first (default ParlaMint's word,norm,lemma,upos,feats,id,deprel,head_lemma,head_upos,head_feats,head_id).")
    var pAttrs: String?

    @Option(help: "TEI <choice>: reg (regularised/corrected/expanded, the default) or orig.")
    var choice: String?

    @Flag(help: "TEI: read the xi:include members of a teiCorpus (the default; local files in the root's folder only).")
    var xinclude = false

    @Flag(help: "TEI: do not follow xi:include; a warning says how many were skipped.")
    var noXinclude = false

    @Option(name: [.customShort("O"), .customLong("option")], help: "Any plugin option as KEY=VALUE (repeatable).")
    var extraOptions: [String] = []

    /// The options bag for the plugins; their warnings go to stderr through ``Terminal``.
    func formatOptions() throws -> FormatOptions {
        if xinclude && noXinclude { throw ValidationError("--xinclude and --no-xinclude contradict each other") }
        var o = FormatOptions()
        o["layout"] = layout
        o["encoding"] = encoding
        if replaceInvalid { o["replace-invalid"] = "true" }
        o["lang"] = lang
        if structure { o["structure"] = "true" }
        o["text-style"] = textStyle
        o["columns"] = columns
        o["table"] = table
        if crlf { o["crlf"] = "true" }
        if bom { o["bom"] = "true" }
        if compact { o["compact"] = "true" }
        if noIndent { o["indent"] = "false" }
        if tokens { o["tokens"] = "true" }
        o["choice"] = choice
        o["p-attrs"] = pAttrs
        if xinclude { o["xinclude"] = "true" }
        if noXinclude { o["xinclude"] = "false" }
        o.onWarning = Terminal.warnings
        try Self.add(extraOptions, to: &o)
        return o
    }

    /// Adds `-O KEY=VALUE` pairs to `options`; a later pair wins.
    static func add(_ pairs: [String], to options: inout FormatOptions) throws {
        for pair in pairs {
            guard let eq = pair.firstIndex(of: "=") else {
                throw ValidationError("-O/--option expects KEY=VALUE, got '\(pair)'")
            }
            options[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
        }
    }
}

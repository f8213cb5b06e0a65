import CorpusModel

/// The options the plain-text plugins read, declared so that a bad value
/// fails before any work (see ``OptionSpec``).
enum TextOptions {
    static let lang = OptionSpec(
        "lang", .text(check: { LanguageTag.isWellFormed($0) ? nil : "expects a BCP 47 language tag such as kk, ru, en or kk-Cyrl" }),
        default: "kk", help: "Language for segmentation (abbreviation lists for kk, ru, en); default from the metadata, else kk.")
}

extension TextOptions {
    static let maxBlockBytes = OptionSpec(
        "max-block-bytes", .integer(1...ReadLimits.maximumUnitBytes), default: String(ReadLimits.maximumUnitBytes),
        help: "The longest line or paragraph accepted, in bytes; longer is an error (lowers the 256 MiB limit, never raises it).")
}

extension TextReader {
    public var optionSpecs: [OptionSpec] {
        [
            OptionSpec("layout", .choice(["auto"] + TextLayout.allCases.map(\.rawValue)), default: "auto",
                       help: "How paragraphs are marked; auto detects it (--explain says why)."),
            OptionSpec("encoding", .text(check: { TextEncoding(optionValue: $0) == nil
                    ? "must be one of: " + TextEncoding.allCases.map(\.rawValue).joined(separator: ", ") : nil }),
                       default: "utf-8", help: "Input encoding; UTF-16 needs its byte order mark."),
            OptionSpec("replace-invalid", .flag, default: "false", help: "Replace invalid bytes with U+FFFD and warn, instead of failing."),
            TextOptions.lang,
            OptionSpec("id", .text(check: { CorpusID.isNCName($0) ? nil : "expects an XML name (letters, digits, _ - .)" }),
                       help: "The document id; default: the file name without extension."),
            OptionSpec("chunk-size", .integer(4096...(1 << 30)), default: "1048576", help: "Bytes read at a time."),
            OptionSpec("structure", .flag, default: "false",
                       help: "Heading lines become headings; numbered and bulleted lines, and numbered items inside a paragraph, list items."),
            TextOptions.maxBlockBytes,
        ]
    }
}

extension SentenceSegmenter {
    public var optionSpecs: [OptionSpec] { [TextOptions.lang] }
}

extension TextWriter {
    public var optionSpecs: [OptionSpec] {
        [OptionSpec("text-style", .choice(Style.allCases.map(\.rawValue)), default: Style.paragraphs.rawValue,
                    help: "paragraphs: a blank line between paragraphs; sentences: one sentence per line.")]
    }
}

import CorpusModel

/// The options the TEI plugins read, declared so that a bad value fails
/// before any work (see ``OptionSpec``).
extension TEIReader {
    public var optionSpecs: [OptionSpec] {
        [
            OptionSpec("choice", .choice(["reg", "orig"]), default: "reg",
                       help: "<choice>: the regularised, corrected, expanded side (reg) or the original (orig)."),
            OptionSpec("entities", .choice(["error", "keep"]), default: "keep",
                       help: "An undeclared entity reference: keep its name as text, or fail."),
            OptionSpec("xinclude", .flag, default: "true",
                       help: "Read the xi:include members of a teiCorpus (local files in the root's folder, at most 8 levels); false skips them with a warning."),
        ]
    }
}

extension TEIWriter {
    public var optionSpecs: [OptionSpec] {
        [
            OptionSpec("indent", .flag, default: "true", help: "Indent the XML."),
            OptionSpec("tokens", .flag, default: "true", help: "Write <w>/<pc> when the sentences carry tokens."),
            OptionSpec("sentences", .flag, default: "true", help: "Segment text into <s> (false keeps blocks as they come)."),
            OptionSpec("corpus", .choice(["auto", "yes", "no"]), default: "auto",
                       help: "Wrap documents in a teiCorpus: auto (when there are several), yes, no."),
            OptionSpec("corpus-title", .text(check: { _ in nil }), default: "Corpus", help: "The teiCorpus title."),
        ]
    }
}

extension TEIValidator {
    public var optionSpecs: [OptionSpec] {
        [
            OptionSpec("schema", .text(check: { _ in nil }), help: "A .rng, .xsd or .dtd file, or tei_all."),
            OptionSpec("schema-timeout", .integer(1...86_400), default: "60", help: "Seconds to wait for libxml2 to compile a schema."),
            OptionSpec("validator", .choice(["auto", "libxml2", "jing"]), default: "auto", help: "Who checks the schema."),
            OptionSpec("rules", .choice(["true", "false"]), default: "true", help: "Check CorpusKit's structure rules."),
            OptionSpec("prune", .flag, default: "true",
                       help: "Compile a RELAX NG schema only for the elements a file uses (same verdicts, milliseconds instead of seconds); false compiles it whole."),
        ]
    }
}

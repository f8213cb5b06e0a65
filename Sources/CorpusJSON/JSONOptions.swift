import CorpusModel

extension JSONWriter {
    /// Declared so that a bad value fails before any work (see ``OptionSpec``).
    public var optionSpecs: [OptionSpec] { [OptionSpec("compact", .flag, default: "false", help: "No whitespace.")] }
}

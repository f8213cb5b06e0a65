import CorpusModel

extension CoNLLUReader {
    /// Declared so that a bad value fails before any work (see ``OptionSpec``).
    public var optionSpecs: [OptionSpec] {
        [OptionSpec("max-line-bytes", .integer(1...Int.max), default: "16777216", help: "The longest line accepted, in bytes.")]
    }
}

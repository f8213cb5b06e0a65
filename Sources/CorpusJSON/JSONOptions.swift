import CorpusModel

extension JSONWriter {
    /// Declared so that a bad value fails before any work (see ``OptionSpec``).
    public var optionSpecs: [OptionSpec] { [OptionSpec("compact", .flag, default: "false", help: "No whitespace.")] }
}

extension JSONLinesReader {
    /// Declared so that a bad value fails before any work (see ``OptionSpec``).
    public var optionSpecs: [OptionSpec] {
        [OptionSpec("max-block-bytes", .integer(1...ReadLimits.maximumUnitBytes), default: String(ReadLimits.maximumUnitBytes),
                    help: "The longest JSON Lines line accepted, in bytes; longer is an error (lowers the 256 MiB limit, never raises it).")]
    }
}

extension JSONReader {
    /// Declared so that a bad value fails before any work (see ``OptionSpec``).
    public var optionSpecs: [OptionSpec] {
        [OptionSpec("max-document-bytes", .integer(1...ReadLimits.maximumDocumentBytes), default: String(ReadLimits.maximumDocumentBytes),
                    help: "The longest JSON string accepted, in bytes (the file is streamed, one string is held whole; lowers the 1 GiB limit, never raises it).")]
    }
}

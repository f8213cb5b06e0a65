import CorpusModel

extension TextWriter {
    /// One sentence per line needs sentences: the planner then inserts the segmenter.
    public func requires(options: FormatOptions) -> Capabilities {
        options["text-style"] == "sentences" ? [.sentences] : requires
    }
}

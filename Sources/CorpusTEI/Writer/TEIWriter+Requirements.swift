import CorpusModel

extension TEIWriter {
    /// TEI from CorpusKit carries `<s>` by default, so the planner inserts the
    /// segmenter for unsegmented input; `sentences=false` keeps blocks as they
    /// come (e.g. TEI → TEI without adding `<s>`).
    public func requires(options: FormatOptions) -> Capabilities {
        options["sentences"] == "false" ? requires : requires.union(.sentences)
    }
}

extension Block {
    /// About how many bytes the block's text holds (its text, or its sentences'
    /// texts, counting tokens again): what batches between threads are bounded by,
    /// so a few huge paragraphs weigh as much as many small ones.
    public var approximateTextBytes: Int {
        switch content {
        case .text(let t): return t.utf8.count
        case .sentences(let sentences):
            var bytes = 0
            for s in sentences { bytes += s.text.utf8.count * ((s.tokens?.isEmpty ?? true) ? 1 : 4) + 64 }
            return bytes
        }
    }
}

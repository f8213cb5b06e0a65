extension Block {
    /// About how many bytes the block holds in memory (its text, or its sentences'
    /// texts plus ~128 bytes a token for the token values and their strings): what
    /// batches between threads and held documents are bounded by, so a few huge
    /// paragraphs, or a tokenized one, weigh as much as many small plain ones.
    public var approximateTextBytes: Int {
        switch content {
        case .text(let t): return t.utf8.count
        case .sentences(let sentences):
            var bytes = 0
            for s in sentences { bytes += s.text.utf8.count + (s.tokens?.count ?? 0) * 128 + 64 }
            return bytes
        }
    }
}

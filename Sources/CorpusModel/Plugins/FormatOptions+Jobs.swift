extension FormatOptions {
    /// The processors this machine has online: the default for ``jobs()``.
    public static let activeProcessors: Int = ParallelMap.width

    /// How many threads one conversion may keep busy: option `jobs` (what
    /// `--jobs N` sets), else every processor. Transforms pass it to
    /// ``BlockTransformSink``; with 1 the whole conversion runs on one thread.
    public func jobs() throws -> Int {
        let n = try integer("jobs", default: Self.activeProcessors)
        guard n >= 1 else { throw CorpusError(.usage, "option 'jobs' must be at least 1, got \(n)") }
        return n
    }
}

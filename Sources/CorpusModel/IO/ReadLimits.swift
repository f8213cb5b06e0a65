/// The most one unit of input may hold before a reader gives up with an error:
/// a line or paragraph of plain text, a JSON Lines line. Readers hold one such
/// unit in memory, so this bounds their memory on endless or binary input
/// (`/dev/zero`, a file with no line ends) instead of letting it grow.
public enum ReadLimits {
    /// 256 MiB: far above any real paragraph or document line, far below a machine's memory.
    public static let maximumUnitBytes = 256 << 20

    /// 1 GiB: the most a reader that must hold a whole file (CorpusKit JSON) reads;
    /// decoding it takes several times that in memory. JSON Lines has no such limit.
    public static let maximumDocumentBytes = 1 << 30

    /// The limit a reader uses: `maximum` (``maximumUnitBytes`` by default), or the lower
    /// value option `key` gives (tests use small values); a `.usage` error for a value
    /// that would raise it.
    public static func unitBytes(
        _ options: FormatOptions, key: String = "max-block-bytes", maximum: Int = maximumUnitBytes
    ) throws -> Int {
        let value = try options.integer(key, default: maximum)
        guard value > 0 && value <= maximum else {
            throw CorpusError(.usage, "option '\(key)' must be between 1 and \(maximum) (it can lower the limit, never raise it), got \(value)")
        }
        return value
    }

    /// "256 MiB", "1 KiB", "100 bytes": a limit as people read it.
    public static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}

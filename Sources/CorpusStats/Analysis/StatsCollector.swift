import CorpusModel

/// The event sink that counts a stream for a report, keeping no text beyond
/// bounded samples and hashes.
///
/// Blocks are gathered in batches and analysed on all cores (``BlockFacts``),
/// then added to the tally in stream order, so the figures never depend on
/// the number of cores.
public final class StatsCollector: CorpusEventSink {
    private(set) var tally = CorpusTally()
    private let input: String
    private var alphabet: Alphabet?
    private let forcedLanguage: String?
    private var language = "kk"
    private var pending: [Block] = []
    private var pendingSentences = 0
    private let batchBlocks: Int

    /// A collector for the events of `input` (a path or `<stdin>`, named in the report).
    /// Text blocks are segmented for `language` (option `lang`), else the
    /// document's language, else `kk` — as the `segment` transform does.
    public init(input: String, language: String? = nil, batchBlocks: Int = 1024) {
        self.input = input
        self.forcedLanguage = language
        self.batchBlocks = max(1, batchBlocks)
    }

    public func receive(_ event: CorpusEvent) throws {
        switch event {
        case .startDocument(let start):
            try flush()
            tally.begin(start, input: input)
            alphabet = Alphabet.forLanguage(start.metadata.language)
            language = forcedLanguage ?? start.metadata.language ?? "kk"
        case .block(let block):
            pending.append(block)
            pendingSentences += block.sentences.count
            if pending.count >= batchBlocks || pendingSentences >= 8 * batchBlocks { try flush() }
        case .endDocument:
            try flush()
        }
    }

    public func finish() throws { try flush() }

    /// The report of everything received so far.
    public var report: StatsReport { StatsReport(tally) }

    /// Adds the counts of a collector that read later inputs (for `--jobs`).
    public func merge(_ other: StatsCollector) { tally.merge(other.tally) }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        let blocks = pending
        pending.removeAll(keepingCapacity: true)
        pendingSentences = 0
        let alphabet = self.alphabet, language = self.language, forced = forcedLanguage
        let facts = ParallelMap.map(blocks) { block in
            Result { try BlockFacts(block, alphabet: alphabet, language: forced ?? block.language ?? language) }
        }
        for (block, f) in zip(blocks, facts) { tally.add(block, try f.get()) }
    }
}

import CorpusModel
import CorpusText
import Dispatch

/// The event sink that counts a stream for a report, keeping no text beyond
/// bounded samples and hashes.
///
/// Blocks are gathered in batches, each analysed on another thread
/// (``BlockFacts``) while the stream goes on being read, with up to one batch
/// per core in flight; results are added to the tally in stream order, so the
/// figures never depend on the number of cores. As a ``ThreadedStage`` it has
/// the reader run on the calling thread with the tally, as text → CSV does.
public final class StatsCollector: CorpusEventSink, ThreadedStage {
    private(set) var tally = CorpusTally()
    private let input: String
    private var alphabet: Alphabet?
    private let forcedLanguage: String?
    private var language = "kk"
    /// The sentence cutter for `language`, looked up once per document.
    private var cutter: ParagraphScan.SentenceCutter?
    private var pending: [Block] = []
    private var pendingSentences = 0
    private let batchBlocks: Int
    /// The size of the next batch: 8 blocks at first, doubled at each batch up to `batchBlocks`, so the
    /// worker starts after a few blocks rather than after the calling thread has read a whole batch
    /// (2–5 ms of 100 MiB in which it only waited).
    private var nextBatch: Int
    /// Batches being analysed on other threads, oldest first.
    private var inFlight: [AnalysedBatch] = []
    /// The ``RecentWords`` of each thread that analyses batches: the worker's (used only by jobs on
    /// `worker`, a serial queue) and the calling thread's. A table stays with its thread, so the
    /// worker probes one table that stays in its cache (rotating one table per batch in flight made
    /// it three, more than its L1 holds), and a frequent word reaches the tally about once per
    /// thread. The tally needs each word hash at least once, which holds whichever batches share
    /// a table: a hash is left out only where the same table has seen it sent; its count does not
    /// depend on the order or the repeats.
    private let workerRecent = RecentWords(), callerRecent = RecentWords()
    /// The one analysis thread beside the calling one (batches in order; the calling thread takes
    /// one that has not started when it would otherwise wait): two busy threads on two cores.
    private let worker = DispatchQueue(label: "corpuskit.stats.analysis")

    /// Batches in flight: one per core, and two more queued. The calling thread analyses one itself
    /// when the oldest is not done yet (see ``addOldest()``); with only one queued, the worker then
    /// often found nothing left behind its batch and waited for the calling thread to read more
    /// (utilization 1.80–1.83 of two cores against 1.87 now, 100 MiB, alternated runs).
    static let maxInFlight = ParallelMap.width + 2

    /// The analysis runs on other threads (when there is more than one core).
    public var usesOtherThreads: Bool { ParallelMap.width > 1 }

    /// A collector for the events of `input` (a path or `<stdin>`, named in the report).
    /// Text blocks are segmented for `language` (option `lang`), else the
    /// document's language, else `kk` — as the `segment` transform does.
    public init(input: String, language: String? = nil, batchBlocks: Int = 128) {
        self.input = input
        self.forcedLanguage = language
        self.batchBlocks = max(1, batchBlocks)
        nextBatch = min(8, self.batchBlocks)
    }

    public func receive(_ event: CorpusEvent) throws {
        switch event {
        case .startDocument(let start):
            try flush()
            try drain()
            tally.begin(start, input: input)
            alphabet = Alphabet.forLanguage(start.metadata.language)
            language = forcedLanguage ?? start.metadata.language ?? "kk"
            // Nil when the list is missing: each block then looks it up and throws the error.
            cutter = try? ParagraphScan.SentenceCutter(language: language)
        case .block(let block):
            pending.append(block)
            pendingSentences += block.sentences.count
            if pending.count >= nextBatch || pendingSentences >= 8 * nextBatch { try flush() }
        case .endDocument:
            try flush()
        }
    }

    public func finish() throws {
        try flush()
        try drain()
    }

    /// The report of everything received so far (call ``finish()`` first).
    public var report: StatsReport { StatsReport(tally) }

    /// Adds the counts of a collector that read later inputs (for `--jobs`).
    public func merge(_ other: StatsCollector) { tally.merge(other.tally) }

    /// Starts analysing the pending blocks on another thread, after adding the
    /// oldest batch when one batch per core is already in flight.
    private func flush() throws {
        guard !pending.isEmpty else { return }
        let blocks = pending
        pending.removeAll(keepingCapacity: true)
        pendingSentences = 0
        nextBatch = min(2 * nextBatch, batchBlocks)
        while inFlight.count >= Self.maxInFlight { try addOldest() }
        let alphabet = self.alphabet, language = self.language, forced = forcedLanguage, cutter = self.cutter
        inFlight.append(AnalysedBatch(blocks, on: worker, recent: workerRecent) { block, recent, facts in
            facts.append(BlockFacts())
            do {
                // A block's own language wins over the document's (unless one is forced): the cutter is the document's.
                let own = forced == nil ? block.pointee.language : nil
                try facts[facts.count - 1].analyse(block, alphabet: alphabet, language: own ?? language, cutter: own == nil ? cutter : nil,
                                                   recentWords: recent)
            } catch {
                facts.removeLast()
                throw error
            }
        })
    }

    /// Adds every batch in flight, in order.
    private func drain() throws {
        while !inFlight.isEmpty { try addOldest() }
    }

    /// Waits for the oldest batch and adds it; on an error, waits for the others too
    /// (so no work outlives the stream) and rethrows.
    ///
    /// While the oldest is not done, this thread analyses the oldest batch no thread has started (the
    /// oldest itself, or a later one the worker has not reached): it would only wait otherwise.
    private func addOldest() throws {
        if !inFlight[0].isDone {
            for batch in inFlight where batch.runIfQueued(recent: callerRecent) { break }
        }
        let batch = inFlight.removeFirst()
        let (blocks, facts, failure, onWorker) = batch.take()
        let spent = tally.add(blocks, facts)
        // Freed where they were made (see ``CorpusTally/add(_:_:)``): queued behind the worker's batches.
        if onWorker { worker.async { withExtendedLifetime(spent) {} } }
        if let failure {
            for other in inFlight { _ = other.wait() }
            inFlight.removeAll()
            throw failure
        }
    }
}

/// One batch of blocks analysed on the worker thread, or on the calling thread if it gets there
/// first; ``take()`` hands back the blocks and their facts.
private final class AnalysedBatch: @unchecked Sendable {
    private var blocks: [Block]
    /// Appends the facts of a block (made in place in the array, not returned: see ``BlockFacts/analyse(_:alphabet:language:cutter:fastScan:recentWords:)``).
    private let analyse: @Sendable (UnsafePointer<Block>, RecentWords, inout [BlockFacts]) throws -> Void
    /// Who analyses the batch; `facts` and `failure` are written by the thread that runs it before
    /// it is done, and read only after.
    private let work = ClaimableWork()
    private var facts: [BlockFacts] = []
    private var failure: (any Error)?
    /// Whether the worker analysed the batch (and so made the facts' memory).
    private var ranOnWorker = false

    /// Queues the batch on `worker`, which analyses it with `workerRecent` (a table only its jobs use),
    /// so most repeated word hashes never reach the tally. The blocks are analysed in order up to the
    /// first that fails.
    init(_ blocks: [Block], on worker: DispatchQueue, recent workerRecent: RecentWords,
         _ analyse: @escaping @Sendable (UnsafePointer<Block>, RecentWords, inout [BlockFacts]) throws -> Void) {
        self.blocks = blocks
        self.analyse = analyse
        worker.async { self.runIfQueued(recent: workerRecent, onWorker: true) }
    }

    /// Whether the batch is analysed.
    var isDone: Bool { work.isDone }

    /// Analyses the batch on this thread with `recent` (this thread's table) unless another thread has
    /// started it; returns whether it ran here.
    @discardableResult
    func runIfQueued(recent: RecentWords, onWorker: Bool = false) -> Bool {
        work.runIfUnclaimed {
            ranOnWorker = onWorker
            var facts: [BlockFacts] = []
            var failure: (any Error)?
            facts.reserveCapacity(blocks.count)
            blocks.withUnsafeBufferPointer { blocks in
                do {
                    for i in blocks.indices { try analyse(blocks.baseAddress! + i, recent, &facts) }
                } catch {
                    failure = error
                }
            }
            self.facts = facts
            self.failure = failure
        }
    }

    /// The facts of the blocks before the first failure, and that failure.
    func wait() -> (facts: [BlockFacts], failure: (any Error)?) {
        work.wait()
        return (facts, failure)
    }

    /// Waits for the facts and hands over the blocks and the facts (the batch keeps neither, so
    /// the caller holds the only reference to each array and can move their elements out), and
    /// whether the worker made them.
    func take() -> (blocks: [Block], facts: [BlockFacts], failure: (any Error)?, onWorker: Bool) {
        work.wait()
        defer { (blocks, facts) = ([], []) }
        return (blocks, facts, failure, ranOnWorker)
    }
}

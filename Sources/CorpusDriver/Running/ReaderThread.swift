import CorpusModel
import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a reader on its own thread and hands its events to the calling
/// thread in batches, so parsing overlaps with transforming and writing
/// (unless option `jobs` is 1, or the sink already transforms on other
/// threads (``ThreadedStage``) and the reader is not a ``ParsingBoundReader``:
/// then the reader runs on the calling thread).
///
/// The queue between them is bounded (`capacity` batches of at most `batchSize`
/// events and about `batchBytes` of text), so memory stays bounded when the
/// writer is slower than the reader, however large the blocks. An error on either side
/// stops both: a reader error is rethrown here after the events before it; a
/// writer error cancels the reader at its next event.
enum ReaderThread {
    static func read(
        _ reader: any CorpusReader, _ input: InputSource, options: FormatOptions, into sink: any CorpusEventSink,
        batchSize: Int = 128, batchBytes: Int = 256 << 10, capacity: Int = 4
    ) throws {
        // `jobs=1`: the whole conversion on the calling thread. With a threaded transform
        // (segmentation), reading and writing share this thread and the transforms run on
        // others: measured on 2 cores, a third busy thread only added hand-overs. A reader
        // that costs more than the rest (TEI: its blocks come segmented, so the transforms
        // have little to do) keeps its own thread.
        let transformsUseOtherThreads = (sink as? any ThreadedStage)?.usesOtherThreads == true
        if (try? options.jobs()) == 1 || (transformsUseOtherThreads && !(reader is any ParsingBoundReader)) {
            try reader.read(input, options: options, into: sink)
            return
        }
        let channel = EventChannel(capacity: capacity)
        let done = DispatchSemaphore(value: 0)
        let producer = ChannelSink(channel: channel, batchSize: batchSize, batchBytes: batchBytes)
        DispatchQueue.global().async {
            do {
                try reader.read(input, options: options, into: producer)
                try producer.flush()
                channel.close(with: nil)
            } catch is ChannelCancelled {
                channel.close(with: nil)
            } catch {
                // The events before the error still go on, as they would without the thread.
                try? producer.flush()
                channel.close(with: error)
            }
            done.signal()
        }
        do {
            while var batch = channel.next() {
                for event in batch { try sink.receive(event) }
                channel.giveBack(&batch)
            }
        } catch {
            channel.cancel()
            done.wait()
            throw error
        }
        done.wait()
        if let error = channel.failure { throw error }
    }
}

private struct ChannelCancelled: Error {}

/// The reader-side sink: gathers events into batches and sends them on.
private final class ChannelSink: CorpusEventSink, @unchecked Sendable {
    private let channel: EventChannel
    private let batchSize: Int
    private let batchBytes: Int
    private var batch: [CorpusEvent] = []
    private var bytes = 0

    init(channel: EventChannel, batchSize: Int, batchBytes: Int) {
        self.channel = channel
        self.batchSize = batchSize
        self.batchBytes = batchBytes
        batch.reserveCapacity(batchSize)
    }

    func receive(_ event: CorpusEvent) throws {
        batch.append(event)
        if case .block(let block) = event { bytes += block.approximateTextBytes }
        if batch.count >= batchSize || bytes >= batchBytes { try flush() }
    }

    func flush() throws {
        guard !batch.isEmpty else { return }
        guard var returned = channel.send(batch) else { throw ChannelCancelled() }
        // Consumed batches die here, on the thread whose allocations they hold.
        returned.removeAll()
        batch = []
        batch.reserveCapacity(batchSize)
        bytes = 0
    }

    func finish() throws { try flush() }
}

/// A bounded, closable queue of event batches between two threads.
private final class EventChannel: @unchecked Sendable {
    private let lock = ConditionLock()
    private var queue: [[CorpusEvent]] = []
    private var head = 0
    private var closed = false
    private var cancelled = false
    private let capacity: Int
    private var error: (any Error)?

    init(capacity: Int) { self.capacity = capacity }

    /// The reader's error, once it has closed the channel.
    var failure: (any Error)? { lock.withLock { error } }

    /// Consumed batches, handed back to the reader's thread to be freed there.
    ///
    /// Their blocks and sentences were allocated by the reader's thread; freed
    /// on the consumer's, each `free` took the reader's malloc arena lock while
    /// the reader was allocating from it. TEI → CSV on 100 MiB spent a sixth of
    /// its samples in that lock (`futex_wait` under `_int_free`, the wake in `malloc`).
    private var consumed: [[CorpusEvent]] = []

    /// Waits for room; nil when the consumer has given up, else the batches it
    /// consumed since the last call, for the caller to free.
    func send(_ batch: [CorpusEvent]) -> [[CorpusEvent]]? {
        lock.withLock {
            while queue.count - head >= capacity && !cancelled { lock.wait() }
            if cancelled { return nil }
            queue.append(batch)
            lock.broadcast()
            defer { consumed.removeAll(keepingCapacity: true) }
            return consumed
        }
    }

    /// Takes a consumed batch (leaving `batch` empty) for the reader to free.
    func giveBack(_ batch: inout [CorpusEvent]) {
        let taken = batch
        batch = []
        lock.withLock { consumed.append(taken) }
    }

    /// The next batch, or nil once the producer closed and the queue is empty.
    func next() -> [CorpusEvent]? {
        lock.withLock {
            while head == queue.count && !closed { lock.wait() }
            guard head < queue.count else { return nil }
            let batch = queue[head]
            queue[head] = []  // released now, not when the consumed slots are compacted away
            head += 1
            if head > 64 && head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            lock.broadcast()
            return batch
        }
    }

    func close(with error: (any Error)?) {
        lock.withLock {
            closed = true
            self.error = error
            lock.broadcast()
        }
    }

    func cancel() {
        lock.withLock {
            cancelled = true
            lock.broadcast()
        }
    }
}

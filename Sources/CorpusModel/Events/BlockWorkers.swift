#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The threads ``BlockTransformSink`` runs batches on: made once per process,
/// as needed, each running its jobs in order, shared by every sink.
///
/// Threads of their own rather than dispatch queues: a serial queue hops
/// between pool threads, and each thread that allocates gets a malloc arena of
/// its own; on 100 MiB of tokenized text → TEI that was 6–11 MiB more peak
/// memory than one fixed thread per worker. Shared by the stages of one chain
/// (segmentation, tokenization) for the same reason. The threads wait on a
/// condition when idle and end with the process.
enum BlockWorkers {
    private static let lock = ConditionLock()
    nonisolated(unsafe) private static var workers: [BlockWorker] = []

    /// The first `count` workers, started now if needed.
    static func first(_ count: Int) -> [BlockWorker] {
        lock.withLock {
            while workers.count < count { workers.append(BlockWorker()) }
            return Array(workers.prefix(count))
        }
    }
}

/// One thread running submitted jobs in order.
final class BlockWorker: @unchecked Sendable {
    private let lock = ConditionLock()
    /// Jobs not started yet, oldest first (a few at most: one per batch in flight).
    private var jobs: [@Sendable () -> Void] = []

    fileprivate init() {
        var thread = pthread_t()
        let made = pthread_create(&thread, nil, { context in
            let worker = Unmanaged<BlockWorker>.fromOpaque(context!).takeRetainedValue()
            worker.loop()
        }, Unmanaged.passRetained(self).toOpaque())
        if made == 0 {
            pthread_detach(thread)
        } else {
            // No thread (resources exhausted): jobs run where they are submitted.
            Unmanaged.passUnretained(self).release()
            started = false
        }
    }

    private var started = true

    /// Runs `job` on this worker's thread after the jobs before it.
    func submit(_ job: @escaping @Sendable () -> Void) {
        guard started else { return job() }
        lock.withLock {
            jobs.append(job)
            lock.broadcast()
        }
    }

    /// Whether jobs are waiting behind the one running: a worker that finished
    /// a batch then starts the next rather than send the finished one on.
    var hasQueuedJobs: Bool { lock.withLock { !jobs.isEmpty } }

    private func loop() -> Never {
        while true {
            let job = lock.withLock {
                while jobs.isEmpty { lock.wait() }
                return jobs.removeFirst()
            }
            job()
        }
    }
}

import Dispatch
import CorpusModel
import Foundation

/// A bounded queue of byte chunks from an async producer (the task reading a
/// plugin's stdout) to one consumer thread (which decodes and writes them).
///
/// The producer awaits when the queue is full instead of blocking a thread of
/// Swift's small cooperative pool; the consumer blocks on a condition, on its
/// own thread. A full queue stops the stdout reader, which stops the plugin
/// at its next write: back-pressure all the way to the plugin.
final class ChunkHandoff: @unchecked Sendable {
    private let condition = ConditionLock()
    private var queue: [[UInt8]] = []
    private var head = 0
    private let capacity: Int
    private var closed = false
    private var consumerStopped = false
    private var spaceWaiter: CheckedContinuation<Void, Never>?

    init(capacity: Int = 8) { self.capacity = max(1, capacity) }

    /// Adds a chunk, waiting for room; returns false when the consumer has stopped.
    func put(_ chunk: [UInt8]) async -> Bool {
        while true {
            let state: Bool? = condition.withLock {
                if consumerStopped { return false }
                if queue.count - head < capacity {
                    queue.append(chunk)
                    condition.broadcast()
                    return true
                }
                return nil
            }
            if let state { return state }
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                let resumeNow = condition.withLock {
                    if consumerStopped || queue.count - head < capacity { return true }
                    spaceWaiter = c
                    return false
                }
                if resumeNow { c.resume() }
            }
        }
    }

    /// No more chunks will come.
    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    /// The next chunk, or nil once the producer closed and the queue is empty.
    func take() -> [UInt8]? {
        condition.lock()
        while head == queue.count && !closed { condition.wait() }
        guard head < queue.count else {
            condition.unlock()
            return nil
        }
        let chunk = queue[head]
        head += 1
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        }
        let waiter = spaceWaiter
        spaceWaiter = nil
        condition.unlock()
        waiter?.resume()
        return chunk
    }

    /// The consumer gives up (an error): the producer's `put` returns false from now on.
    func stopConsuming() {
        let waiter: CheckedContinuation<Void, Never>? = condition.withLock {
            consumerStopped = true
            queue.removeAll()
            head = 0
            let w = spaceWaiter
            spaceWaiter = nil
            return w
        }
        waiter?.resume()
    }
}

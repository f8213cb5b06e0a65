/// Sends numbered pieces of work on in their order, from the calling thread
/// or from a worker that would otherwise go idle.
///
/// ``BlockTransformSink`` numbers its batches 0, 1, 2, …; the thread that
/// finishes a batch ``add(_:anyThread:_:)``s it, and ``sendReady(onCallingThread:through:)``
/// sends the next ones in line that are finished. The calling thread sends
/// what it waits for; a worker with no other batch queued sends too, so on
/// one file the work of copying and writing goes to whichever of the two
/// threads has time for it. One thread sends at a time, and each send happens
/// after the one before it (both go through this lock), so a downstream sink
/// sees one ordered stream as if from one thread.
///
/// After a send fails, or once ``abandon()`` was called, nothing more is sent:
/// the work still waiting is dropped and the failure stays for ``waitDelivered(_:)``.
final class OrderedDelivery: @unchecked Sendable {
    private let lock = ConditionLock()
    /// How many pieces were sent on (or dropped after a failure): the next number in line.
    private var delivered = 0
    /// Finished pieces not sent yet, by number; `anyThread` false: only the calling thread may send it.
    private var waiting: [Int: (anyThread: Bool, send: () throws -> Void)] = [:]
    /// Whether a thread is sending.
    private var sending = false
    private var failure: (any Error)?
    private var abandoned = false

    init() {}

    /// Piece `number` is finished; `anyThread` false keeps it for the calling
    /// thread (a downstream sink that must not be called from a worker).
    func add(_ number: Int, anyThread: Bool, _ send: @escaping () throws -> Void) {
        lock.withLock {
            if failure != nil || abandoned { return }
            waiting[number] = (anyThread, send)
        }
    }

    /// Sends the pieces next in line that are finished, up to piece `last`,
    /// unless another thread is sending; a worker (`onCallingThread` false)
    /// stops at a piece kept for the calling thread.
    ///
    /// The calling thread sends only what it waits for (`last`): what is ready
    /// behind it is left to a worker that goes idle, or to the calling
    /// thread's next wait. (Sending all it found kept the calling thread, the
    /// one that reads, at the writing while the worker idled a sixth of the
    /// time on one file.)
    func sendReady(onCallingThread: Bool, through last: Int = .max) {
        var next = lock.withLock { takeNext(onCallingThread, through: last) }
        while let send = next {
            var error: (any Error)?
            do { try send() } catch let thrown { error = thrown }
            next = lock.withLock {
                delivered += 1
                if let error, failure == nil { failure = error }
                sending = false
                lock.broadcast()
                return takeNext(onCallingThread, through: last)
            }
        }
    }

    /// Under the lock: the next piece to send (up to `last`), claiming the sending
    /// role; after a failure the pieces waiting are dropped (counted as delivered).
    private func takeNext(_ onCallingThread: Bool, through last: Int) -> (() throws -> Void)? {
        guard !sending else { return nil }
        if failure != nil || abandoned {
            while waiting.removeValue(forKey: delivered) != nil { delivered += 1 }
            lock.broadcast()
            return nil
        }
        guard delivered <= last, let piece = waiting[delivered], piece.anyThread || onCallingThread else { return nil }
        waiting[delivered] = nil
        sending = true
        return piece.send
    }

    /// Waits until piece `number` was sent on; throws the first failure of any send.
    func waitDelivered(_ number: Int) throws {
        try lock.withLock {
            while delivered <= number && failure == nil && !abandoned { lock.wait() }
            if let failure { throw failure }
        }
    }

    /// Stops sending (the stream was given up after an error): waits for a send
    /// in progress, and drops whatever completes later.
    func abandon() {
        lock.withLock {
            abandoned = true
            waiting.removeAll()
            while sending { lock.wait() }
        }
    }
}

/// Work that exactly one thread runs: the worker it was submitted to, or a
/// thread that would otherwise wait for it and gets there first.
///
/// The order-keeping batches (``BlockTransformSink``'s, `stats`' analysis) are
/// queued on a worker, and the calling thread runs the oldest one itself when
/// no worker has started it; this is the claim they share. Whatever the
/// running thread writes before the work is done is seen by a thread that
/// returns from ``wait()`` (both go through the same lock).
public final class ClaimableWork: @unchecked Sendable {
    private enum State { case queued, running, done }
    private let lock = ConditionLock()
    private var state = State.queued

    public init() {}

    /// Runs `body` on this thread unless another thread claimed the work first;
    /// true if it ran here.
    @discardableResult
    public func runIfUnclaimed(_ body: () -> Void) -> Bool {
        let mine = lock.withLock {
            guard state == .queued else { return false }
            state = .running
            return true
        }
        guard mine else { return false }
        body()
        lock.withLock {
            state = .done
            lock.broadcast()
        }
        return true
    }

    /// Whether the work is done (or dropped).
    public var isDone: Bool { lock.withLock { state == .done } }

    /// Waits until the work is done.
    public func wait() {
        lock.withLock {
            while state != .done { lock.wait() }
        }
    }

    /// After an error: work not started is dropped (its worker finds it claimed);
    /// running work is waited for.
    public func cancel() {
        lock.withLock {
            if state == .queued { state = .done }
            while state != .done { lock.wait() }
        }
    }
}

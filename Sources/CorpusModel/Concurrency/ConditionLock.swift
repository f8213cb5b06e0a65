#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one lock primitive of CorpusKit: a mutex with a condition variable, both
/// allocated on the heap so their addresses never move.
///
/// A `pthread_mutex_t` kept in a Swift `var` and passed as `&lock` is undefined
/// behaviour: Swift may hand the C function a temporary copy. Here the C objects
/// live at fixed addresses for the lock's lifetime. Use ``withLock(_:)`` for shared
/// state (read it under the lock too); ``wait()``/``broadcast()`` for hand-offs.
public final class ConditionLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    /// A new, unlocked lock.
    public init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        condition.deinitialize(count: 1)
        condition.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Takes the lock (prefer ``withLock(_:)``).
    public func lock() { pthread_mutex_lock(mutex) }

    /// Releases the lock taken with ``lock()``.
    public func unlock() { pthread_mutex_unlock(mutex) }

    /// Runs `body` holding the lock.
    public func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Waits for a ``broadcast()``; call it holding the lock, in a loop that checks its condition.
    public func wait() { pthread_cond_wait(condition, mutex) }

    /// Waits for a ``broadcast()`` at most `seconds`; false when the time ran out.
    /// Call it holding the lock, in a loop that checks its condition.
    public func wait(seconds: Double) -> Bool {
        guard seconds > 0 else { return false }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let whole = Int(seconds)
        var deadline = timespec()
        deadline.tv_sec = now.tv_sec + whole
        let nanoseconds = Int(now.tv_nsec) + Int((seconds - Double(whole)) * 1e9)
        deadline.tv_sec += nanoseconds / 1_000_000_000
        deadline.tv_nsec = .init(nanoseconds % 1_000_000_000)
        return pthread_cond_timedwait(condition, mutex, &deadline) == 0
    }

    /// Wakes every thread waiting on this lock's condition.
    public func broadcast() { pthread_cond_broadcast(condition) }
}

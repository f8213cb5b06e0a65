#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one lock primitive of CorpusKit: a mutex with a condition, both on the heap.
///
/// A `pthread_mutex_t` kept in a Swift `var` and passed with `&` may be
/// copied or moved by the compiler, which breaks it silently; here the
/// mutex and condition live at fixed addresses for the lock's lifetime.
public final class Lock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>

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
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` holding the lock.
    public func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Releases the lock until another thread calls ``broadcast()``, then takes
    /// it again. Call only inside ``withLock(_:)``, in a loop that rechecks its condition.
    public func wait() { pthread_cond_wait(condition, mutex) }

    /// Wakes every thread in ``wait()``.
    public func broadcast() { pthread_cond_broadcast(condition) }
}

import CorpusModel
import Foundation

/// Calls `check` every 100 ms on a thread of its own until it returns true
/// or ``stop()`` is called (no timer of Swift's pool, which may be busy).
final class Watchdog: @unchecked Sendable {
    private let condition = ConditionLock()
    private var stopped = false

    init(_ check: @escaping @Sendable () -> Bool) {
        let thread = Thread { [self] in
            while true {
                let done = condition.withLock { () -> Bool in
                    if !stopped { _ = condition.wait(seconds: 0.1) }
                    return stopped
                }
                if done || check() { return }
            }
        }
        thread.stackSize = 1 << 18
        thread.start()
    }

    func stop() {
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
    }
}

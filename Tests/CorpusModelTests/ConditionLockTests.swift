import CorpusModel
import Foundation
import Testing

/// The one lock primitive: mutual exclusion, hand-off between threads, timed waits.
@Suite struct ConditionLockTests {
    final class Counter: @unchecked Sendable {
        let lock = ConditionLock()
        var value = 0
    }

    @Test func withLockExcludesOtherThreads() {
        let counter = Counter()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<20_000 { counter.lock.withLock { counter.value += 1 } }
        }
        #expect(counter.lock.withLock { counter.value } == 160_000)
    }

    @Test func waitReturnsAfterABroadcast() {
        let box = Counter()
        let thread = Thread {
            usleep(20_000)
            box.lock.withLock {
                box.value = 42
                box.lock.broadcast()
            }
        }
        thread.start()
        let seen: Int = box.lock.withLock {
            while box.value == 0 { box.lock.wait() }
            return box.value
        }
        #expect(seen == 42)
    }

    @Test func timedWaitRunsOut() {
        let lock = ConditionLock()
        let start = Date()
        let signalled = lock.withLock { lock.wait(seconds: 0.05) }
        #expect(!signalled)
        #expect(Date().timeIntervalSince(start) >= 0.04)
        #expect(lock.withLock { lock.wait(seconds: 0) } == false)
    }

    /// No source stores a `pthread_mutex_t` or `pthread_cond_t` in a Swift variable outside
    /// the primitive.
    @Test func noPthreadMutexVariablesOutsideThePrimitive() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for target in ["CorpusModel", "CorpusTEI", "CorpusText", "CorpusJSON", "CorpusCSV", "CorpusDriver", "CorpusKitCommand"] {
            let dir = root.appendingPathComponent("Sources/\(target)")
            let files = FileManager.default.enumerator(atPath: dir.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
            #expect(!files.isEmpty, "\(target)")
            for file in files where file != "Concurrency/ConditionLock.swift" {
                let text = try String(contentsOfFile: dir.appendingPathComponent(file).path, encoding: .utf8)
                for pattern in ["pthread_mutex_t()", "pthread_cond_t()", "NSLock()", "NSCondition()", "DispatchSemaphore(value: 1)"] {
                    #expect(!text.contains(pattern), "\(target)/\(file) uses \(pattern)")
                }
            }
        }
    }
}

import Testing

@testable import CorpusModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Batches sent on by whichever thread finishes them must still reach the
/// writer in order, one at a time, never after a failure or after the stream
/// was given up.
@Suite("Ordered delivery of batches")
struct OrderedDeliveryTests {
    /// Pieces finished in a scrambled order on four threads arrive in number order.
    @Test func piecesArriveInOrderWhoeverFinishesThem() throws {
        let delivery = OrderedDelivery()
        let lock = ConditionLock()
        nonisolated(unsafe) var arrived: [Int] = []
        nonisolated(unsafe) var inside = 0
        nonisolated(unsafe) var overlapped = false
        let count = 400
        var order = Array(0..<count)
        var generator = SystemRandomNumberGenerator()
        order.shuffle(using: &generator)
        let scrambled = order
        DispatchHelpers.concurrent(4) { lane in
            for (k, number) in scrambled.enumerated() where k % 4 == lane {
                delivery.add(number, anyThread: true) {
                    lock.withLock {
                        inside += 1
                        if inside > 1 { overlapped = true }
                    }
                    usleep(UInt32.random(in: 0...20))
                    lock.withLock {
                        arrived.append(number)
                        inside -= 1
                    }
                }
                delivery.sendReady(onCallingThread: false)
            }
        }
        delivery.sendReady(onCallingThread: true)
        try delivery.waitDelivered(count - 1)
        #expect(arrived == Array(0..<count))
        #expect(!overlapped, "two sends at once")
    }

    /// A piece kept for the calling thread stops a worker's sending; the pieces
    /// behind it wait until the calling thread sends it.
    @Test func aWorkerLeavesWholeBlocksToTheCallingThread() throws {
        let delivery = OrderedDelivery()
        nonisolated(unsafe) var arrived: [String] = []
        delivery.add(0, anyThread: true) { arrived.append("0") }
        delivery.add(1, anyThread: false) { arrived.append("1") }
        delivery.add(2, anyThread: true) { arrived.append("2") }
        delivery.sendReady(onCallingThread: false)
        #expect(arrived == ["0"])
        delivery.sendReady(onCallingThread: true)
        try delivery.waitDelivered(2)
        #expect(arrived == ["0", "1", "2"])
    }

    struct DiskFull: Error {}

    /// After a failed send nothing more is sent, and every wait rethrows it.
    @Test func nothingIsSentAfterAFailure() {
        let delivery = OrderedDelivery()
        nonisolated(unsafe) var arrived: [Int] = []
        delivery.add(0, anyThread: true) { arrived.append(0) }
        delivery.add(1, anyThread: true) { throw DiskFull() }
        delivery.add(2, anyThread: true) { arrived.append(2) }
        delivery.sendReady(onCallingThread: true)
        delivery.add(3, anyThread: true) { arrived.append(3) }
        delivery.sendReady(onCallingThread: true)
        #expect(arrived == [0])
        #expect(throws: DiskFull.self) { try delivery.waitDelivered(0) }
        #expect(throws: DiskFull.self) { try delivery.waitDelivered(3) }
    }

    /// A stream given up (its reader failed) sends nothing more, even what was
    /// finished and waiting.
    @Test func nothingIsSentAfterTheStreamIsGivenUp() {
        let delivery = OrderedDelivery()
        nonisolated(unsafe) var arrived: [Int] = []
        delivery.add(1, anyThread: true) { arrived.append(1) }
        delivery.abandon()
        delivery.add(0, anyThread: true) { arrived.append(0) }
        delivery.sendReady(onCallingThread: true)
        #expect(arrived.isEmpty)
    }
}

/// Runs `body(0..<count)` on `count` threads at once and waits for them.
enum DispatchHelpers {
    static func concurrent(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        final class Box: @unchecked Sendable {
            let body: @Sendable (Int) -> Void
            let lane: Int
            init(_ body: @escaping @Sendable (Int) -> Void, _ lane: Int) { self.body = body; self.lane = lane }
        }
        var threads: [pthread_t] = []
        for lane in 0..<count {
            var thread = pthread_t()
            let box = Unmanaged.passRetained(Box(body, lane)).toOpaque()
            let made = pthread_create(&thread, nil, { context in
                let box = Unmanaged<Box>.fromOpaque(context!).takeRetainedValue()
                box.body(box.lane)
                return nil
            }, box)
            precondition(made == 0, "no thread for the test")
            threads.append(thread)
        }
        for thread in threads { pthread_join(thread, nil) }
    }
}

import Dispatch

/// An order-keeping parallel `map` over all cores, for pure per-block work
/// (transforms and the `stats` analysis use it).
public enum ParallelMap {
    /// The number of worker slices: the active processor count.
    public static let width = max(1, sysconfActiveProcessors())

    public static func map<Element: Sendable, Output: Sendable>(
        _ input: [Element], _ transform: @Sendable (Element) -> Output
    ) -> [Output] {
        let slices = min(width, input.count)
        if slices <= 1 { return input.map(transform) }
        let results = ResultSlots<Output>(count: input.count)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            var i = slice
            while i < input.count {
                results.set(i, transform(input[i]))
                i += slices
            }
        }
        return results.values()
    }
}

/// Write-once slots filled by distinct indices from several threads.
///
/// The slots live in one buffer allocated up front, written through a raw
/// pointer: no thread ever touches an `Array` another thread is using (an
/// Array's `withUnsafeMutableBufferPointer` briefly moves its storage away,
/// so calling it from several threads at once corrupts memory).
private final class ResultSlots<Output>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Output?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// Each index is written by exactly one thread.
    func set(_ index: Int, _ value: Output) { slots[index] = value }

    /// Read after every writer has finished (`concurrentPerform` returned).
    func values() -> [Output] { (0..<count).map { slots[$0]! } }
}

#if canImport(Glibc)
import Glibc
private func sysconfActiveProcessors() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
#elseif canImport(Darwin)
import Darwin
private func sysconfActiveProcessors() -> Int { Int(sysconf(_SC_NPROCESSORS_ONLN)) }
#else
private func sysconfActiveProcessors() -> Int { 1 }
#endif

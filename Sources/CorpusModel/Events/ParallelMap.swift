import Dispatch

/// An order-keeping parallel `map` over all cores, for pure per-block work.
enum ParallelMap {
    /// The number of worker slices: the active processor count.
    static let width = max(1, sysconfActiveProcessors())

    static func map<Element: Sendable, Output: Sendable>(
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
private final class ResultSlots<Output>: @unchecked Sendable {
    private var storage: [Output?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    /// Each index is written by exactly one thread; the array is never resized.
    func set(_ index: Int, _ value: Output) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }
    func values() -> [Output] { storage.map { $0! } }
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

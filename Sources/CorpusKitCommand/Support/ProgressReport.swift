import CorpusKit
import Dispatch
import Foundation

/// How `convert` reports progress on stderr.
enum ProgressStyle: String {
    /// A bar on a terminal, nothing otherwise (the default).
    case bar
    /// One JSON object per line, for pipelines and cluster logs.
    case json
    /// Nothing (`--quiet`).
    case none
}

/// One progress line of `--progress=json`:
/// `{"files":12,"total":100,"bytes":1048576,"elapsed_s":0.8,"mib_per_s":1.25,"failures":0,"done":false}`.
struct ProgressEvent: Equatable {
    var files: Int
    var total: Int
    var bytes: Int
    var elapsed: Double
    var failures: Int

    var done: Bool { files == total }
    /// MiB of input per second since the start.
    var rate: Double { elapsed > 0 ? Double(bytes) / 1_048_576 / elapsed : 0 }

    /// The line, fixed key order, numbers with at most 3 decimals.
    var json: String {
        "{\"files\":\(files),\"total\":\(total),\"bytes\":\(bytes),\"elapsed_s\":\(Self.decimal(elapsed)),"
            + "\"mib_per_s\":\(Self.decimal(rate)),\"failures\":\(failures),\"done\":\(done)}"
    }

    private static func decimal(_ x: Double) -> String {
        let rounded = (x * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// Counts finished files and their bytes across the batch's worker threads.
///
/// The batch runner calls `plan` and then `progress` for one job on the same
/// worker thread, so the size noted when a job starts is credited when it ends.
final class ProgressMeter: @unchecked Sendable {
    private let lock = ConditionLock()
    private var inFlight: [UInt: Int] = [:]
    private var bytes = 0
    private var failures = 0
    private let start = DispatchTime.now()

    /// A job starts on this thread: note its input's size.
    func started(_ input: InputSource) {
        let size = input.path.flatMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int } ?? 0
        let thread = UInt(pthread_self())
        lock.withLock { inFlight[thread] = size }
    }

    /// The job on this thread ended; returns the event to print.
    func finished(done: Int, total: Int, failed: Bool) -> ProgressEvent {
        let thread = UInt(pthread_self())
        return lock.withLock {
            bytes += inFlight.removeValue(forKey: thread) ?? 0
            if failed { failures += 1 }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            return ProgressEvent(files: done, total: total, bytes: bytes, elapsed: elapsed, failures: failures)
        }
    }
}

extension ProgressMeter {
    /// The one event of a combined run (all inputs into one output): sizes of the file inputs.
    static func summary(of inputs: [InputSource], failed: Bool) -> ProgressEvent {
        let meter = ProgressMeter()
        var event = ProgressEvent(files: 0, total: inputs.count, bytes: 0, elapsed: 0, failures: 0)
        for (i, input) in inputs.enumerated() {
            meter.started(input)
            event = meter.finished(done: i + 1, total: inputs.count, failed: failed && i == inputs.count - 1)
        }
        return event
    }
}

extension OutputTarget {
    /// One output per input.
    var isDirectory: Bool {
        if case .directory = self { return true }
        return false
    }
}

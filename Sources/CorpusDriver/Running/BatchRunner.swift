import CorpusModel
import Dispatch

/// Converts many files, each to its own output, on several threads.
///
/// One bad file never stops a batch: its error is collected, the rest
/// convert, and the caller decides the exit status from the report.
public struct BatchRunner: Sendable {
    /// One file to convert and where its output goes.
    public struct Job: Sendable {
        public var input: InputSource
        public var outputPath: String
        public init(input: InputSource, outputPath: String) {
            self.input = input
            self.outputPath = outputPath
        }
    }

    /// What happened to each job, in job order.
    public struct Report: Sendable {
        public var failures: [CorpusError] = []
        public var succeeded = 0
        /// Jobs never started because an earlier one failed (`--fail-fast`).
        public var notStarted = 0
    }

    public let converter: Converter
    /// Start no new file after the first failure (`--fail-fast`).
    public var failFast = false
    /// An input that gives no blocks fails instead of being warned about (`--strict`).
    public var emptyIsError = false
    /// Receives warnings (an input that gives no text); called from worker threads.
    public var warn: @Sendable (Diagnostic) -> Void = { _ in }

    public init(converter: Converter, failFast: Bool = false) {
        self.converter = converter
        self.failFast = failFast
    }

    /// Runs `jobs` with at most `parallelism` at a time. `plan` gives the plan
    /// for one input (formats may differ between files); `progress` is called
    /// after each job with the number done so far.
    public func run(
        _ jobs: [Job], parallelism: Int, options: FormatOptions,
        plan: @Sendable (InputSource) throws -> ConversionPlan,
        progress: @Sendable (Int, Int, CorpusError?) -> Void = { _, _, _ in }
    ) -> Report {
        let state = BatchState(count: jobs.count)
        let workers = max(1, min(parallelism, jobs.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = state.next() {
                let job = jobs[index]
                var failure: CorpusError?
                do {
                    try convertOne(job, plan: try plan(job.input), options: options)
                } catch let error as CorpusError {
                    failure = error.naming(job.input.name)
                } catch {
                    failure = CorpusError(.io, "\(error)", file: job.input.name)
                }
                state.finish(index, failure, stopping: failFast) { done in progress(done, jobs.count, failure) }
            }
        }
        return state.report()
    }

    /// Converts one job into a temporary file renamed into place on success.
    public func convertOne(_ job: Job, plan: ConversionPlan, options: FormatOptions) throws {
        try OutputPaths.ensureParentDirectory(of: job.outputPath)
        let file = try AtomicFile(path: job.outputPath)
        do {
            let blocks = try converter.run(plan, inputs: [job.input], output: file.output, options: options)
            if blocks.allSatisfy({ $0 == 0 }) {
                let message = "the input gives no text (0 blocks)"
                if emptyIsError { throw CorpusError(.empty, message + "; --strict makes this an error", file: job.input.name) }
                warn(Diagnostic(severity: .warning, message: message, file: job.input.name))
            }
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }
}

/// The shared queue and results of a batch, behind a lock.
private final class BatchState: @unchecked Sendable {
    private let lock = ConditionLock()
    private var nextIndex = 0
    private var done = 0
    private var stopped = false
    private var failures: [(Int, CorpusError)] = []
    private let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.withLock {
            guard nextIndex < count, !stopped else { return nil }
            nextIndex += 1
            return nextIndex - 1
        }
    }

    /// Records one finished job and reports it while still holding the lock,
    /// so progress lines come out in the order of their counts.
    func finish(_ index: Int, _ failure: CorpusError?, stopping: Bool, report: (Int) -> Void) {
        lock.withLock {
            done += 1
            if let failure {
                failures.append((index, failure))
                if stopping { stopped = true }
            }
            report(done)
        }
    }

    func report() -> BatchRunner.Report {
        lock.withLock {
            var r = BatchRunner.Report()
            r.failures = failures.sorted { $0.0 < $1.0 }.map(\.1)
            r.succeeded = done - failures.count
            r.notStarted = count - done
            return r
        }
    }
}

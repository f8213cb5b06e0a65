#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import CorpusKit

/// The state of one `convert` run: registry, options and the chosen target;
/// plans each input and reports failures as `path:line:col: error: …`.
struct ConvertSession: Sendable {
    let registry: FormatRegistry
    let options: FormatOptions
    let target: String
    let declaredSource: String?
    let via: [String]
    let tokens: Bool
    let nfc: Bool
    let explain: Bool
    let strict: Bool
    let failFast: Bool
    /// `--transform NAME[:KEY=VALUE,…]`, in order, after the reader.
    var transforms: [any CorpusTransform] = []
    /// `--progress`, `--quiet`.
    var progress: ProgressStyle = .bar
    /// Opt-in fixes (`--fix NAME`), run right after the reader, in order.
    var fixes: [String] = []

    private var converter: Converter { Converter(registry: registry) }

    /// The plan for one input, explained on stderr with `--explain`.
    func plan(for input: InputSource) throws -> ConversionPlan {
        let source = try converter.detectFormat(of: input, declared: declaredSource)
        let plan = try Planner(registry: registry).plan(
            from: source, to: target, via: via, wanted: tokens ? [.sentences, .tokens] : [],
            transforms: try (fixes + (nfc ? ["nfc"] : [])).map { try TransformSpec(name: $0).resolve(in: registry) } + transforms,
            options: options)
        if explain {
            var lines = ["\(input.name): " + plan.explanation(options: options).joined(separator: " ⇒ ")]
            lines += PipelineFlags.pluginLines(plan).map { "\(input.name): " + $0 }
            if let reader = plan.legs.first?.reader as? any ExplainingReader {
                lines.append("\(input.name): " + (try reader.explain(input, options: options)))
            }
            Terminal.write(lines.joined(separator: "\n") + "\n")
        }
        return plan
    }

    /// Runs a planned batch; false when any input failed.
    func run(_ batch: BatchPlan, jobs: Int) throws -> Bool {
        if let first = batch.skippedLinks.first {
            let more = batch.skippedLinks.count > 1 ? " and \(batch.skippedLinks.count - 1) more" : ""
            Terminal.write("note: linked directory '\(first)'\(more) not entered (--follow-links enters them)\n")
        }
        if batch.total == 0 { throw ValidationError("no input files to convert (a directory contributes the files whose extension a reader knows; --from reads them all)") }
        InterruptCleanup.beginRun(total: batch.total, done: batch.upToDate.count)
        switch batch.target {
        case .directory(let dir): return try perInput(batch, into: dir, jobs: jobs)
        case .file(let path): return try combined(batch, into: path)
        case .stdout: return try combined(batch, into: nil)
        }
    }

    /// Every input into one output stream (`path`, or stdout when nil).
    private func combined(_ batch: BatchPlan, into path: String?) throws -> Bool {
        if batch.inputs.isEmpty {
            Terminal.write("\(path ?? "-") is up to date: newer than its \(batch.upToDate.count) inputs (--force rebuilds it)\n")
            return true
        }
        var runInputs: [CombinedRun.Input] = []
        var failures: [CorpusError] = []
        let names = Self.documentNames(batch.inputs)
        for (index, input) in batch.inputs.enumerated() {
            do {
                runInputs.append(.init(source: input.source, plan: try plan(for: input.source), names: names[index]))
            } catch let error as CorpusError where error.kind == .usage && error.file == nil {
                throw ValidationError(error.message)
            } catch let error as CorpusError {
                Terminal.report(error.naming(input.source.name))
                failures.append(error)
                if failFast { return false }
            }
        }
        // Several inputs into one output are a corpus: say so up front, so the TEI
        // writer streams a teiCorpus instead of holding the first document to find out.
        var options = options
        if batch.inputs.count > 1 && options["corpus"] == nil { options["corpus"] = "yes" }
        var run = CombinedRun(converter: converter, failFast: failFast)
        run.emptyIsError = strict
        let report: CombinedRun.Report
        do {
            if let path, OutputPaths.isSpecialFile(path) {
                // A device or pipe (/dev/null, a FIFO) is written straight into: it cannot be renamed over.
                let fd = open(path, O_WRONLY)
                guard fd >= 0 else { throw CorpusError.io(errno: errno, doing: "cannot open the output", file: path) }
                defer { close(fd) }
                let out = ByteOutput(descriptor: fd, name: path)
                report = try run.run(runInputs, output: out, options: options, progress: progress)
                try out.flush()
            } else if let path {
                try OutputPaths.ensureParentDirectory(of: path)
                let file = try AtomicFile(path: path)
                do {
                    report = try run.run(runInputs, output: file.output, options: options, progress: progress)
                    if report.converted == 0 { file.discard() } else { try file.commit() }
                } catch {
                    file.discard()
                    throw error
                }
            } else {
                let stdout = ByteOutput(descriptor: 1, name: "<stdout>")
                report = try run.run(runInputs, output: stdout, options: options, progress: progress)
                try stdout.flush()
            }
        } catch let error as CorpusError {
            Terminal.report(error)
            return false
        }
        for name in report.empty {
            Terminal.report(Diagnostic(severity: .warning, message: "the input gives no text (0 blocks)", file: name))
        }
        failures += report.failures
        if batch.total > 1 && progress != .none {
            Terminal.write("converted \(report.converted) of \(batch.total) inputs into \(path ?? "stdout")"
                + (failures.isEmpty ? "\n" : "; \(failures.count) failed\(report.converted == 0 ? ", so nothing was written" : "")\n"))
        }
        return failures.isEmpty
    }

    private func progress(_ done: Int, _ failure: CorpusError?) {
        if let failure { Terminal.report(failure) }
        InterruptCleanup.countConverted()
    }

    /// Each input's file-name id, path id, and whether another input shares the file-name id.
    static func documentNames(_ inputs: [PlannedInput]) -> [UniqueDocumentIDs.InputNames] {
        let paths = inputs.map { $0.source.path ?? "-" }
        let fileIDs = paths.map { CorpusID.documentID(forInputNamed: $0) }
        var groups: [String: [Int]] = [:]
        for (i, id) in fileIDs.enumerated() { groups[id, default: []].append(i) }
        return paths.indices.map { i in
            let group = groups[fileIDs[i]]!
            let prefix = commonDirectory(group.map { paths[$0] })
            let relative = String(paths[i].dropFirst(prefix.count))
            return .init(fileID: fileIDs[i], pathID: CorpusID.documentID(forRelativePath: relative),
                         fileIDIsShared: group.count > 1)
        }
    }

    /// The longest folder prefix (ending in '/') that all `paths` share.
    static func commonDirectory(_ paths: [String]) -> String {
        guard var prefix = paths.first.map({ Substring($0) }) else { return "" }
        for p in paths.dropFirst() {
            while !p.hasPrefix(prefix) { prefix = prefix.dropLast() }
        }
        guard paths.count > 1, let slash = prefix.lastIndex(of: "/") else { return "" }
        return String(prefix[...slash])
    }

    /// Each input to its own output file; false if any failed.
    private func perInput(_ batch: BatchPlan, into directory: String, jobs: Int) throws -> Bool {
        try OutputPaths.makeDirectory(directory)
        let work = batch.inputs.map { BatchRunner.Job(input: $0.source, outputPath: $0.outputPath!) }
        var runner = BatchRunner(converter: converter, failFast: failFast)
        runner.emptyIsError = strict
        runner.warn = { Terminal.report($0) }
        let offset = batch.upToDate.count
        let meter = ProgressMeter()
        let report = runner.run(
            work, parallelism: jobs, options: options, plan: { meter.started($0); return try plan(for: $0) },
            progress: { [progress] done, total, failure in
                let event = meter.finished(done: done + offset, total: total + offset, failed: failure != nil)
                if let failure {
                    if progress == .bar { Terminal.clearProgressLine() }
                    Terminal.report(failure)
                }
                InterruptCleanup.countConverted()
                switch progress {
                case .bar: Terminal.progress(done: done + offset, total: total + offset)
                case .json: Terminal.write(event.json + "\n")
                case .none: break
                }
            })
        var parts: [String] = []
        if !batch.upToDate.isEmpty { parts.append("\(batch.upToDate.count) up to date, skipped") }
        if !report.failures.isEmpty { parts.append("\(report.failures.count) failed") }
        if report.notStarted > 0 { parts.append("\(report.notStarted) not started (--fail-fast)") }
        if batch.total > 1 && progress != .none {
            Terminal.write("converted \(report.succeeded) of \(batch.total) files into \(directory)/"
                + (parts.isEmpty ? "" : "; " + parts.joined(separator: "; ")) + "\n")
        }
        return report.failures.isEmpty
    }
}

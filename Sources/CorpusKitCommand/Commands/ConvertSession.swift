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
    /// `--transform NAME[:KEY=VALUE,…]`, in order, after the reader.
    var transforms: [any CorpusTransform] = []
    /// `--shard K/N`: only the inputs in this shard.
    var shard: ShardSpec?
    /// `--progress`, `--quiet`.
    var progress: ProgressStyle = .bar

    private var converter: Converter { Converter(registry: registry) }

    /// The plan for one input, explained on stderr with `--explain`.
    func plan(for input: InputSource) throws -> ConversionPlan {
        let source = try converter.detectFormat(of: input, declared: declaredSource)
        let plan = try Planner(registry: registry).plan(
            from: source, to: target, via: via, wanted: tokens ? [.sentences, .tokens] : [],
            transforms: try (nfc ? [TransformSpec(name: "nfc").resolve(in: registry)] : []) + transforms,
            options: options)
        if explain {
            var lines = ["\(input.name): " + plan.explanation.joined(separator: " ⇒ ")]
            lines += PipelineFlags.pluginLines(plan).map { "\(input.name): " + $0 }
            if let reader = plan.legs.first?.reader as? any ExplainingReader {
                lines.append("\(input.name): " + (try reader.explain(input, options: options)))
            }
            Terminal.write(lines.joined(separator: "\n") + "\n")
        }
        return plan
    }

    /// Converts every input into one output stream; returns false on failure
    /// (the output file, if any, is then not created).
    func combine(_ arguments: [String], into output: String) throws -> Bool {
        let inputs = (shard?.select(arguments) ?? arguments).map(InputArgument.open)
        if output != "-" {
            for input in inputs {
                if let path = input.path, OutputPaths.sameFile(path, output) {
                    throw ValidationError("the output '\(output)' is the input '\(path)': refusing to overwrite it")
                }
            }
        }
        do {
            var plans: [ConversionPlan] = []
            for input in inputs { plans.append(try plan(for: input)) }
            let formats = Set(plans.map { $0.legs[0].reader.format.name })
            guard formats.count <= 1 else {
                throw CorpusError(.usage, "inputs of different formats (\(formats.sorted().joined(separator: ", "))) cannot go into one output; use -o DIR/")
            }
            guard let plan = plans.first else { return true }
            // Several inputs into one output are a corpus: say so up front, so the TEI
            // writer streams a teiCorpus instead of holding the first document to find out.
            var options = options
            if inputs.count > 1 && options["corpus"] == nil { options["corpus"] = "yes" }
            if output == "-" {
                let stdout = ByteOutput(descriptor: 1, name: "<stdout>")
                try converter.run(plan, inputs: inputs, output: stdout, options: options)
                try stdout.flush()
            } else {
                try OutputPaths.ensureParentDirectory(of: output)
                let file = try AtomicFile(path: output)
                do {
                    try converter.run(plan, inputs: inputs, output: file.output, options: options)
                    try file.commit()
                } catch {
                    file.discard()
                    throw error
                }
            }
            return true
        } catch let error as CorpusError where error.kind == .usage && error.file == nil {
            throw ValidationError(error.message)
        } catch let error as CorpusError {
            Terminal.report(error)
            return false
        }
    }

    /// Converts each input file to its own output under `directory`, mirroring
    /// input directories; returns false if any file failed.
    func mirror(_ arguments: [String], into directory: String, jobs: Int) throws -> Bool {
        guard let ext = registry.writer(named: target)?.format.extensions.first else {
            throw ValidationError("no writer for '\(target)'")
        }
        var work: [BatchRunner.Job] = []
        for var argument in arguments {
            while argument.count > 1 && argument.hasSuffix("/") { argument.removeLast() }
            if argument == "-" {
                throw ValidationError("stdin ('-') cannot be mirrored into a directory; use -o FILE or stdout")
            }
            if OutputPaths.isDirectory(argument) {
                for relative in try OutputPaths.files(under: argument) {
                    let path = argument + "/" + relative
                    // Without --from, a directory contributes the files some reader knows by extension.
                    if declaredSource == nil && registry.formatName(forPath: path) == nil { continue }
                    work.append(.init(input: .file(path),
                                      outputPath: OutputPaths.mirrored(relative, into: directory, extension: ext)))
                }
            } else {
                let name = argument.split(separator: "/").last.map(String.init) ?? argument
                work.append(.init(input: .file(argument),
                                  outputPath: OutputPaths.mirrored(name, into: directory, extension: ext)))
            }
        }
        if let shard { work = work.filter { shard.contains($0.input.name) } }
        try OutputPaths.makeDirectory(directory)
        let meter = ProgressMeter()
        let report = BatchRunner(converter: converter).run(
            work, parallelism: jobs, options: options, plan: { meter.started($0); return try plan(for: $0) },
            progress: { [progress] done, total, failure in
                let event = meter.finished(done: done, total: total, failed: failure != nil)
                if let failure {
                    if progress == .bar && Terminal.stderrIsTerminal && total > 1 { Terminal.write("\r") }
                    Terminal.report(failure)
                }
                switch progress {
                case .bar: Terminal.progress(done: done, total: total)
                case .json: Terminal.write(event.json + "\n")
                case .none: break
                }
            })
        if progress != .none && (work.count > 1 || !report.failures.isEmpty) {
            Terminal.write("converted \(report.succeeded) of \(work.count) files into \(directory)/"
                + (report.failures.isEmpty ? "\n" : "; \(report.failures.count) failed\n"))
        }
        return report.failures.isEmpty
    }
}

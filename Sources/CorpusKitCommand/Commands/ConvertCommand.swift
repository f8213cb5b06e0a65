import ArgumentParser
import CorpusKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `corpuskit convert INPUT… --to FMT [-o OUT]`.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert files, directories or stdin to another format.",
        discussion: """
            What -o means:
              -o DIR/ (ends in '/', or an existing directory): one output per input file, mirroring the input tree (a.txt → DIR/a.csv).
              -o FILE (anything else): one combined output, whatever the inputs are: several documents make one teiCorpus, one JSON file, one table.
              no -o, or -o -: one combined output on stdout.

            Every output is planned before any is written. The run is refused (exit 2) when an output is an input, when two inputs would go to one output (--keep-ext names outputs a.txt.csv), or when an output exists already (--force replaces it, --resume skips the outputs newer than their input). Outputs are written to a temporary file and renamed: a failed or interrupted conversion leaves no partial file. One bad file never stops a batch: it is named with its place, the rest convert, and the exit status is 1 (--fail-fast stops at the first). Linked directories are not entered unless --follow-links.

            Examples:
              corpuskit convert samples/004_d576930189d3d379.txt --to tei -o 004.xml
              corpuskit convert samples/ --to csv -o tables/
              corpuskit convert samples/ --to csv -o all.csv
              corpuskit convert corpus.xml --to csv --columns sentence_id,text
              cat notes.txt | corpuskit convert - --from text --to jsonl --explain
              corpuskit convert scan.txt --to tei --fix latin-lookalikes --fix drop-page-furniture
            """
    )

    @Argument(help: "Input files or directories; '-' reads stdin.")
    var inputs: [String] = []

    @Option(help: "Output format (see 'corpuskit formats'); defaults to the extension of -o.")
    var to: String?

    @Option(help: "Input format; defaults to the file extension, then to the content.")
    var from: String?

    @Option(name: [.short, .customLong("output")],
            help: "Output: DIR/ for one file per input, FILE for one combined output, '-' or absent for stdout.")
    var output: String?

    @Option(help: "Pass through this intermediate format (repeatable), e.g. --via tei; it is validated on the way.")
    var via: [String] = []

    @Flag(help: "Print the chosen chain of steps (and detected layouts) on stderr.")
    var explain = false

    @Option(help: "Files to convert in parallel into a directory, or threads for one combined output (default: the number of cores); the output is the same for any number.")
    var jobs: Int?

    @Flag(help: "Replace outputs that exist already.")
    var force = false

    @Flag(help: "Skip inputs whose output exists and is newer than the input (finish a stopped batch).")
    var resume = false

    @Flag(name: .customLong("keep-ext"), help: "Name outputs after the whole input name: a.txt → a.txt.csv.")
    var keepExtension = false

    @Flag(help: "Stop at the first input that fails.")
    var failFast = false

    @Flag(help: "Enter linked directories (loops are detected and skipped).")
    var followLinks = false

    @Flag(help: "Treat warnings (an input that gives no text) as errors.")
    var strict = false

    @Option(name: .customLong("fix"), help: "Apply an opt-in fix (repeatable): latin-lookalikes, drop-page-furniture ('corpuskit stats' suggests them).")
    var fixes: [String] = []

    @OptionGroup var flags: FormatFlags

    @OptionGroup var pipeline: PipelineFlags

    @OptionGroup var pluginFlags: PluginFlags

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if force && resume { throw ValidationError("--force and --resume exclude each other") }
        if to == nil && (output == nil || output == "-" || output!.hasSuffix("/")) {
            throw ValidationError("name the output format with --to FMT")
        }
    }

    func run() throws {
        let registry = pluginFlags.registry(quiet: pipeline.quiet)
        var options = try flags.formatOptions()
        if strict { options.onWarning = .fatal(.invalid) }
        do { try options.check(against: registry.optionSpecs) } catch let error as CorpusError {
            throw ValidationError(error.message)
        }
        let target = try targetFormat(registry)
        for fix in fixes where registry.transform(named: fix) == nil {
            throw ValidationError("unknown fix '\(fix)' (fixes: latin-lookalikes, drop-page-furniture)")
        }
        if let from, registry.reader(named: from) == nil {
            throw ValidationError("unknown input format '\(from)' (see 'corpuskit formats')")
        }
        for format in via where registry.reader(named: format) == nil || registry.writer(named: format) == nil {
            throw ValidationError("--via \(format): not a format corpuskit both writes and reads (see 'corpuskit formats')")
        }
        let transforms = try pipeline.transforms(in: registry)
        func makeSession(_ options: FormatOptions) -> ConvertSession {
            var session = ConvertSession(
                registry: registry, options: options, target: target, declaredSource: from, via: via,
                tokens: flags.tokens, nfc: flags.nfc, explain: explain, strict: strict, failFast: failFast, fixes: fixes)
            session.transforms = transforms
            session.progress = pipeline.progressStyle
            return session
        }
        let inputs = try pipeline.inputs(self.inputs)
        if pipeline.onError == "record" {
            if try !pipeline.runRecording(makeSession(options), inputs: inputs, output: output) { throw ExitCode.failure }
            return
        }
        var planner = BatchPlanner(
            arguments: inputs, target: OutputTarget.from(option: output),
            outputExtension: registry.writer(named: target)?.format.extensions.first ?? target)
        planner.keepInputExtension = keepExtension
        planner.followLinks = followLinks
        if let shard = pipeline.shardSpec { planner.selects = { shard.contains($0) } }
        planner.existing = force ? .replace : resume ? .resume : .keep
        let declared = from != nil
        planner.accepts = { [registry] path in declared || registry.formatName(forPath: path) != nil }
        var plan: BatchPlan
        do { plan = try planner.plan() } catch let error as CorpusError where error.kind == .usage {
            throw ValidationError(error.file.map { "\($0): \(error.message)" } ?? error.message)
        }
        // stdin's first bytes are read ahead for sniffing.
        for i in plan.inputs.indices where plan.inputs[i].relativePath == "-" {
            plan.inputs[i].source = InputArgument.open("-")
        }
        // A directory: --jobs files at a time, each on one thread; one output: --jobs threads
        // inside its one stream (reading, segmenting and writing overlap).
        if case .directory = plan.target { options["jobs"] = "1" } else { options["jobs"] = String(jobs ?? Self.cores) }
        let session = makeSession(options)
        let ok = try session.run(plan, jobs: jobs ?? Self.cores)
        if session.progress == .json, !plan.target.isDirectory {
            // A combined output: one event for the whole run (per-file events come from the batch runner).
            Terminal.write(ProgressMeter.summary(of: plan.inputs.map(\.source), failed: !ok).json + "\n")
        }
        if !ok { throw ExitCode.failure }
    }

    /// The number of cores online, the default for --jobs.
    static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    private func targetFormat(_ registry: FormatRegistry) throws -> String {
        if let to {
            guard let name = registry.canonicalName(to), registry.writer(named: name) != nil else {
                throw ValidationError("unknown output format '\(to)' (see 'corpuskit formats')")
            }
            return name
        }
        guard let output, let name = registry.formatName(forPath: output), registry.writer(named: name) != nil else {
            throw ValidationError("cannot tell the output format from '\(output ?? "")'; use --to FMT")
        }
        return name
    }
}

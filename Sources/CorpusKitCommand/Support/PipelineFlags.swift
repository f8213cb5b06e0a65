import ArgumentParser
import CorpusKit
import CorpusPlugins

/// The `convert` options for pipelines and clusters: transforms by name,
/// quiet runs, machine-readable progress, shards and file lists.
struct PipelineFlags: ParsableArguments {
    @Option(name: .customLong("transform"), help: ArgumentHelp(
        "Run this transform after the reader (repeatable, in order), e.g. --transform segment:lang=ru.",
        valueName: "name[:key=value,…]"))
    var transformSpecs: [String] = []

    @Flag(name: .shortAndLong, help: "Print only errors: no summary, no progress, no plugin warnings.")
    var quiet = false

    @Option(help: ArgumentHelp("Progress on stderr: 'bar' (on a terminal) or 'json' (one object per line: files, bytes, rate, failures).", valueName: "style"))
    var progress: String?

    @Option(help: ArgumentHelp("Convert only shard K of N of the inputs (stable: FNV-1a of each input path), for array jobs.", valueName: "K/N"))
    var shard: String?

    @Option(help: ArgumentHelp("Read input paths from FILE, one per line ('-' for stdin), after the arguments.", valueName: "file"))
    var filesFrom: String?

    @Option(help: ArgumentHelp("On a bad input: 'fail' (report it; the exit status is 1) or 'record' (JSON Lines only: write {\"error\": …, \"line\": …} in its place and go on).", valueName: "mode"))
    var onError: String = "fail"

    func validate() throws {
        if let progress, progress != "bar" && progress != "json" {
            throw ValidationError("--progress takes 'bar' or 'json'")
        }
        if onError != "fail" && onError != "record" {
            throw ValidationError("--on-error takes 'fail' or 'record'")
        }
        if let shard {
            do { _ = try ShardSpec(parsing: shard) } catch let e as CorpusError { throw ValidationError(e.message) }
        }
    }

    /// How progress is shown.
    var progressStyle: ProgressStyle {
        if quiet { return .none }
        return progress == "json" ? .json : .bar
    }

    /// The shard to keep, if `--shard` was given.
    var shardSpec: ShardSpec? { shard.flatMap { try? ShardSpec(parsing: $0) } }

    /// The command-line inputs followed by the `--files-from` list.
    func inputs(_ arguments: [String]) throws -> [String] {
        var all = arguments
        if let filesFrom {
            if filesFrom == "-" && arguments.contains("-") {
                throw ValidationError("--files-from - reads the list from stdin, so '-' cannot also be an input")
            }
            do {
                all += try InputList.read(filesFrom == "-" ? .descriptor(0) : .file(filesFrom))
            } catch let error as CorpusError {
                throw ValidationError(error.description)
            }
        }
        if all.isEmpty { throw ValidationError("name the inputs (files, directories or '-'), or list them with --files-from") }
        if shard != nil && all.contains("-") { throw ValidationError("--shard needs files, not stdin") }
        return all
    }

    /// The transforms `--transform` names, resolved against `registry`.
    func transforms(in registry: FormatRegistry) throws -> [any CorpusTransform] {
        do {
            return try transformSpecs.map { try TransformSpec(parsing: $0).resolve(in: registry) }
        } catch let error as CorpusError {
            throw ValidationError(error.message)
        }
    }

    /// `--explain` lines for the plugins in a plan: which executable runs each step.
    static func pluginLines(_ plan: ConversionPlan) -> [String] {
        var steps: [Any] = []
        for leg in plan.legs {
            steps.append(leg.reader)
            steps += leg.transforms.map { ($0 as? ConfiguredTransform)?.base ?? $0 }
            steps.append(leg.writer)
        }
        return steps.compactMap { $0 as? any ExternalPluginStep }.map {
            "plugin \($0.plugin.description.kind.rawValue) '\($0.plugin.description.name)' runs \($0.plugin.executable)"
        }
    }
}

extension PipelineFlags {
    /// Runs `--on-error record`: every input through the recording mapper into
    /// one output (stdout or `-o FILE`, written atomically). Returns false when
    /// the run failed as a whole; bad lines alone do not fail it.
    func runRecording(_ session: ConvertSession, inputs arguments: [String], output: String?) throws -> Bool {
        let inputs = (shardSpec?.select(arguments) ?? arguments).map(InputArgument.open)
        guard let first = inputs.first else { return true }
        do {
            let mapper = try RecordingMapper(plan: try session.plan(for: first), options: session.options)
            let bad: Int
            if let output, output != "-" {
                let file = try AtomicFile(path: output)
                do {
                    bad = try mapper.run(inputs, into: file.output)
                    try file.commit()
                } catch {
                    file.discard()
                    throw error
                }
            } else {
                bad = try mapper.run(inputs, into: ByteOutput(descriptor: 1, name: "<stdout>"))
            }
            if bad > 0 && !quiet { Terminal.write("\(bad) bad line\(bad == 1 ? "" : "s") written as error records\n") }
            return true
        } catch let error as CorpusError where error.kind == .usage && error.file == nil {
            throw ValidationError(error.message)
        } catch let error as CorpusError {
            Terminal.report(error)
            return false
        }
    }
}

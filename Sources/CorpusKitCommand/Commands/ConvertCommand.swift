import ArgumentParser
import CorpusKit

/// `corpuskit convert INPUT… --to FMT [-o OUT]`.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert files, directories or stdin to another format.",
        discussion: """
            One output: all inputs go into one stream (stdout, or the file -o names): several documents make one teiCorpus, one JSON file, one table. Mirrored outputs: when -o is an existing directory or ends in '/', or an input is a directory, each input file gets its own output file under -o, mirroring the input tree. Outputs are written to a temporary file and renamed: a failed conversion leaves no output file. One bad file never stops a batch; the exit status is 1 if any failed.

            Examples:
              corpuskit convert samples/004_d576930189d3d379.txt --to tei -o 004.xml
              corpuskit convert samples/ --to csv -o tables/ --jobs 2
              corpuskit convert corpus.xml --to csv --columns sentence_id,text
              cat notes.txt | corpuskit convert - --from text --to jsonl --explain
            """
    )

    @Argument(help: "Input files or directories; '-' reads stdin.")
    var inputs: [String] = []

    @Option(help: "Output format (see 'corpuskit formats'); defaults to the extension of -o.")
    var to: String?

    @Option(help: "Input format; defaults to the file extension, then to the content.")
    var from: String?

    @Option(name: [.short, .customLong("output")], help: "Output file or directory; '-' or absent means stdout.")
    var output: String?

    @Option(help: "Pass through this intermediate format (repeatable), e.g. --via tei; it is validated on the way.")
    var via: [String] = []

    @Flag(help: "Print the chosen chain of steps (and detected layouts) on stderr.")
    var explain = false

    @Option(help: "Files to convert in parallel in a batch.")
    var jobs: Int = 1

    @OptionGroup var flags: FormatFlags

    @OptionGroup var pipeline: PipelineFlags

    @OptionGroup var pluginFlags: PluginFlags

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if to == nil && (output == nil || output == "-") {
            throw ValidationError("name the output format with --to FMT")
        }
    }

    func run() throws {
        let registry = pluginFlags.registry(quiet: pipeline.quiet)
        let options = try flags.formatOptions()
        let target = try targetFormat(registry)
        var session = ConvertSession(
            registry: registry, options: options, target: target, declaredSource: from, via: via,
            tokens: flags.tokens, nfc: flags.nfc, explain: explain,
            transforms: try pipeline.transforms(in: registry))
        session.shard = pipeline.shardSpec
        session.progress = pipeline.progressStyle
        let inputs = try pipeline.inputs(self.inputs)
        if pipeline.onError == "record" {
            if try !pipeline.runRecording(session, inputs: inputs, output: output) { throw ExitCode.failure }
            return
        }
        let ok: Bool
        if let output, output != "-", isMirrored(output) {
            ok = try session.mirror(inputs, into: output.hasSuffix("/") ? String(output.dropLast()) : output, jobs: jobs)
        } else {
            ok = try session.combine(inputs, into: output ?? "-")
            if session.progress == .json { Terminal.write(ProgressMeter.summary(of: inputs, shard: session.shard, failed: !ok).json + "\n") }
        }
        if !ok { throw ExitCode.failure }
    }

    private func isMirrored(_ output: String) -> Bool {
        output.hasSuffix("/") || OutputPaths.isDirectory(output)
            || inputs.contains { $0 != "-" && OutputPaths.isDirectory($0) }
    }

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

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

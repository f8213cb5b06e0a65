@_exported import CorpusCSV
@_exported import CorpusCoNLLU
@_exported import CorpusVRT
@_exported import CorpusDriver
@_exported import CorpusJSON
@_exported import CorpusModel
@_exported import CorpusStats
@_exported import CorpusTEI
@_exported import CorpusText

/// The library's front door: the standard registry of bundled plugins and
/// one-call conversions for strings and files.
///
/// ```swift
/// import CorpusKit
/// let tei = try Corpus.convert("Бұл бірінші сөйлем. Бұл екінші сөйлем.", from: "text", to: "tei")
/// print(tei)
/// ```
public enum Corpus {
    /// This build's version, printed by `corpuskit --version`.
    public static let version = "0.1.0"

    /// Every bundled reader, writer, transform and validator.
    public static var standardRegistry: FormatRegistry {
        var registry = FormatRegistry()
        BundledPlugins.register(into: &registry)
        return registry
    }

    /// Converts `text` in format `source` to format `target` and returns the result as a string.
    public static func convert(
        _ text: String, from source: String, to target: String, options: FormatOptions = FormatOptions(),
        registry: FormatRegistry = Corpus.standardRegistry
    ) throws -> String {
        let plan = try Planner(registry: registry).plan(from: source, to: target, options: options)
        let output = ByteOutput.memory()
        try Converter(registry: registry).run(plan, inputs: [.string(text)], output: output, options: options)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// Converts the file at `input` to format `target`, writing `output`
    /// atomically (temporary file, then rename). The input format comes from
    /// `source`, the file extension or the content.
    public static func convert(
        file input: String, to target: String, output: String, from source: String? = nil,
        options: FormatOptions = FormatOptions(), registry: FormatRegistry = Corpus.standardRegistry
    ) throws {
        let converter = Converter(registry: registry)
        let file = InputSource.file(input)
        let from = try converter.detectFormat(of: file, declared: source)
        let plan = try Planner(registry: registry).plan(from: from, to: target, options: options)
        try BatchRunner(converter: converter).convertOne(
            .init(input: file, outputPath: output), plan: plan, options: options)
    }

    /// Reads every document of a file (format from `source`, extension or content).
    public static func read(
        file path: String, from source: String? = nil, options: FormatOptions = FormatOptions(),
        registry: FormatRegistry = Corpus.standardRegistry
    ) throws -> [Document] {
        let input = InputSource.file(path)
        let name = try Converter(registry: registry).detectFormat(of: input, declared: source)
        guard let reader = registry.reader(named: name) else {
            throw CorpusError(.usage, "no reader for format '\(name)'", file: path)
        }
        return try reader.readDocuments(input, options: options)
    }

    /// A quality report (``StatsReport``) on `text` in format `source`: counts,
    /// sentence lengths, mixed scripts, mis-decoded text, duplicates.
    public static func stats(
        _ text: String, from source: String = "text", options: FormatOptions = FormatOptions(),
        registry: FormatRegistry = Corpus.standardRegistry
    ) throws -> StatsReport {
        try stats(inputs: [.string(text)], from: source, options: options, registry: registry)
    }

    /// One quality report over several inputs (format from `source`, each file's extension or content).
    public static func stats(
        inputs: [InputSource], from source: String? = nil, options: FormatOptions = FormatOptions(),
        registry: FormatRegistry = Corpus.standardRegistry
    ) throws -> StatsReport {
        let converter = Converter(registry: registry)
        let total = StatsCollector(input: inputs.first?.name ?? "", language: options["lang"])
        for (i, input) in inputs.enumerated() {
            let format = try converter.detectFormat(of: input, declared: source)
            let chain = try converter.analysisChain(for: format, needs: [])
            let collector = i == 0 ? total : StatsCollector(input: input.name, language: options["lang"])
            try converter.stream(input, reader: chain.reader, transforms: chain.transforms, options: options, into: collector)
            if i > 0 { total.merge(collector) }
        }
        return total.report
    }
}


import ArgumentParser
import CorpusKit

/// `corpuskit validate FILE… [--schema PATH]`.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check files: well-formedness, CorpusKit's structural rules, and an optional schema.",
        discussion: """
            TEI files are checked by libxml2 (and jing when libxml2 cannot compile a schema in time). --schema takes a RELAX NG (.rng), XML Schema (.xsd) or DTD (.dtd) path, or 'tei_all' for the bundled TEI P5 schema; libxml2 compiles a RELAX NG schema only for the elements the files use (tei_all in a fraction of a second; the same verdicts), once for a batch, unless --whole-schema. Other formats are checked by reading them completely. Messages are 'path:line:col: error: …'; the exit status is 1 if any file is invalid.

            Examples:
              corpuskit validate out.xml --schema tei_all
              corpuskit validate corpus/*.json
            """
    )

    @Argument(help: "Files to check; '-' reads stdin.")
    var files: [String]

    @Option(help: "Input format; defaults to the file extension, then to the content.")
    var from: String?

    @Option(help: "Schema to validate against: a .rng, .xsd or .dtd path, or 'tei_all'.")
    var schema: String?

    @Option(help: "Seconds to wait for libxml2 to compile the schema before asking jing (default 60).")
    var schemaTimeout: Int?

    @Option(help: "Schema engine: auto (libxml2, jing past the timeout), libxml2, or jing.")
    var validator: String?

    @Flag(help: "Compile the whole RELAX NG schema, not only the elements the files use (tei_all then takes ~5 s; the verdicts are the same).")
    var wholeSchema = false

    @Flag(name: .shortAndLong, help: "Print only problems.")
    var quiet = false

    @OptionGroup var pluginFlags: PluginFlags

    func run() throws {
        let registry = pluginFlags.registry()
        let converter = Converter(registry: registry)
        var options = FormatOptions()
        options["schema"] = schema
        options["schema-timeout"] = schemaTimeout.map(String.init)
        options["validator"] = validator
        if wholeSchema { options["prune"] = "false" }
        if let schema {
            // A schema that cannot be used is the command's problem, not a file's: exit 2 before any file.
            do { _ = try TEIValidator.resolveSchema(schema) } catch let error as CorpusError {
                throw ValidationError(error.message)
            }
        }
        var failed = false
        for argument in files {
            let input = InputArgument.open(argument)
            do {
                let format = try converter.detectFormat(of: input, declared: from)
                let diagnostics = try check(input, format: format, registry: registry, options: options)
                for d in diagnostics { Terminal.write(d.description + "\n") }
                if diagnostics.contains(where: { $0.severity == .error }) {
                    failed = true
                } else if !quiet {
                    print("\(input.name): valid \(format)" + (schema.map { " (\($0))" } ?? ""))
                }
            } catch let error as CorpusError where error.kind == .usage && error.file != input.name {
                // The schema does not compile, or an option is wrong: every file would fail the same way.
                var place = error.file ?? ""
                if let line = error.location?.line { place += ":\(line)" + (error.location?.column.map { ":\($0)" } ?? "") }
                throw ValidationError(place.isEmpty ? error.message : "\(place): \(error.message)")
            } catch let error as CorpusError {
                Terminal.report(error.naming(input.name))
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }

    /// The format's validator, or a full read that surfaces every reader error.
    private func check(
        _ input: InputSource, format: String, registry: FormatRegistry, options: FormatOptions
    ) throws -> [Diagnostic] {
        if let validator = registry.validator(for: format) {
            return try validator.validate(input, options: options).map {
                var d = $0
                if d.file == nil { d.file = input.name }
                return d
            }
        }
        if schema != nil {
            throw CorpusError(.usage, "--schema applies to XML formats; '\(format)' has no schema validator")
        }
        guard let reader = registry.reader(named: format) else {
            throw CorpusError(.usage, "no reader for format '\(format)'")
        }
        try reader.read(input, options: FormatOptions(), into: ClosureSink { _ in })
        return []
    }
}

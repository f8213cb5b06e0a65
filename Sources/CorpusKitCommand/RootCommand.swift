import ArgumentParser
import CorpusKit

/// The entry point of the `corpuskit` tool, a library so that other packages
/// can build their own `corpuskit` around it.
public enum CorpusKitTool {
    /// Parses the process arguments, runs the command and exits with
    /// corpuskit's statuses (0 ok, 1 an input failed, 2 usage).
    public static func main() { main(registry: Corpus.standardRegistry) }

    /// Runs the tool over `registry` instead of the bundled one: a package
    /// that adds formats in Swift builds its own `corpuskit` with
    ///
    /// ```swift
    /// var registry = Corpus.standardRegistry
    /// registry.register(writer: MyWriter())
    /// CorpusKitTool.main(registry: registry)
    /// ```
    ///
    /// External plugins (PATH, `CORPUSKIT_PLUGIN_PATH`, `--plugin`) are added on top.
    public static func main(registry: FormatRegistry) {
        ToolContext.$registry.withValue(registry) { RootCommand.runAsTool() }
    }
}

/// `corpuskit`: convert, validate and list corpus formats.
struct RootCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpuskit",
        abstract: "Convert text corpora between plain text, TEI P5, JSON and CSV, and report on their quality.",
        discussion: """
            Examples:
              corpuskit convert samples/000_41c5c0974157b10e.txt --to tei -o out.xml
              corpuskit convert samples/ --to csv -o tables/ --jobs 2
              cat doc.txt | corpuskit convert - --from text --to jsonl
              corpuskit validate out.xml --schema tei_all
              corpuskit formats
              corpuskit stats samples/ --html report.html

            Exit status: 0 on success, 1 when any input failed, 2 on usage errors.
            """,
        version: Corpus.version,
        subcommands: [ConvertCommand.self, ValidateCommand.self, FormatsCommand.self, StatsCommand.self]
    )

    /// Parses and runs like `ParsableCommand.main()`, but with this tool's
    /// exit statuses: usage errors exit 2 (ArgumentParser's default is 64).
    static func runAsTool() {
        InterruptCleanup.install()
        do {
            var command = try parseAsRoot(ArgumentSpelling.normalise(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch let exit as ExitCode {
            Self.exit(withError: exit)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Self.exit(withError: error)
            }
            Terminal.error(fullMessage(for: error))
            Self.exit(withError: ExitCode(code == .failure ? 1 : 2))
        }
    }
}

import ArgumentParser
import CorpusKit
import CorpusPlugins

/// The registry a command works with: the one the tool was built with
/// (``CorpusKitTool/main(registry:)``), plus the external plugins found on
/// PATH, in `CORPUSKIT_PLUGIN_PATH` and through `--plugin`.
struct PluginFlags: ParsableArguments {
    @Option(name: .customLong("plugin"), help: ArgumentHelp(
        "A plugin executable, or a folder of corpuskit-* executables (repeatable).", valueName: "path"))
    var plugins: [String] = []

    @Option(help: ArgumentHelp("Seconds a plugin may owe output before it is stopped.", valueName: "seconds"))
    var pluginTimeout: Double = ExternalPlugin.defaultTimeout

    @Flag(help: "Do not look for plugins on PATH or in CORPUSKIT_PLUGIN_PATH (--plugin still counts).")
    var noPluginSearch = false

    func validate() throws {
        if !(pluginTimeout > 0) { throw ValidationError("--plugin-timeout must be a positive number of seconds") }
    }

    /// The tool's registry with the discovered plugins; warnings about skipped plugins go to stderr.
    func registry(quiet: Bool = false) -> FormatRegistry {
        var discovery = PluginDiscovery(explicit: plugins, timeout: pluginTimeout)
        if noPluginSearch {
            discovery.pluginPath = []
            discovery.searchPath = []
        }
        let (registry, warnings) = ToolContext.baseRegistry.addingPlugins(from: discovery)
        if !quiet {
            for w in warnings { Terminal.write("warning: \(w)\n") }
        }
        return registry
    }
}

/// What the tool was built with; a package that builds its own corpuskit sets it.
enum ToolContext {
    /// The registry before plugins: `Corpus.standardRegistry` unless the tool was started with another.
    @TaskLocal static var registry: FormatRegistry?

    static var baseRegistry: FormatRegistry { registry ?? Corpus.standardRegistry }
}

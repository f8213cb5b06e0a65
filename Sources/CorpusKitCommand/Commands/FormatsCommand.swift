import ArgumentParser
import CorpusKit
import CorpusPlugins

/// `corpuskit formats`: the registry's graph, what each format reads and
/// writes, and where each comes from (bundled or a plugin's path).
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "List the formats and transforms, what each reads, writes, provides and needs, and where it comes from.",
        discussion: """
            Plugins are executables named corpuskit-NAME on PATH, in the folders of CORPUSKIT_PLUGIN_PATH, or given with --plugin; see README 'Plugins in any language'.

            Examples:
              corpuskit formats
              corpuskit formats --plugin Examples/plugins
              corpuskit formats --graph dot | dot -Tsvg > formats.svg
            """
    )

    @Option(help: ArgumentHelp("Print the format graph instead: 'text' or 'dot' (Graphviz).", valueName: "style"))
    var graph: String?

    @OptionGroup var pluginFlags: PluginFlags

    func validate() throws {
        if let graph, graph != "text" && graph != "dot" {
            throw ValidationError("--graph takes 'text' or 'dot'")
        }
    }

    func run() throws {
        let registry = pluginFlags.registry()
        if let graph {
            let g = FormatGraph(registry)
            print(graph == "dot" ? g.dot : g.text)
            return
        }
        var rows: [[String]] = [["FORMAT", "READ", "WRITE", "EXTENSIONS", "READER GIVES", "WRITER NEEDS", "FROM", "DESCRIPTION"]]
        for name in registry.formatNames {
            let reader = registry.reader(named: name)
            let writer = registry.writer(named: name)
            let description = registry.description(of: name)
            let origins = Set([reader.map { pluginOrigin(of: $0) }, writer.map { pluginOrigin(of: $0) }].compactMap { $0 })
            rows.append([
                name, reader == nil ? "-" : "yes", writer == nil ? "-" : "yes",
                description?.extensions.map { "." + $0 }.joined(separator: " ") ?? "",
                reader?.provides.description ?? "-", writer?.requires.description ?? "-",
                origins.sorted().joined(separator: ", "),
                description?.summary ?? "",
            ])
        }
        print(table(rows))
        if !registry.transforms.isEmpty {
            print("\nTransforms (inserted when a writer needs what they provide, or with --transform NAME[:KEY=VALUE,…]):")
            var t: [[String]] = [["NAME", "NEEDS", "PROVIDES", "FROM", "DESCRIPTION"]]
            for transform in registry.transforms {
                t.append([transform.name, transform.requires.description, transform.provides.description,
                          pluginOrigin(of: transform), transform.summary])
            }
            print(table(t))
        }
        let plugins = (registry.readers as [Any] + registry.writers + registry.transforms)
            .compactMap { ($0 as? any ExternalPluginStep)?.plugin }
        var shown: Set<String> = []
        for plugin in plugins where !plugin.description.options.isEmpty && !shown.contains(plugin.executable) {
            shown.insert(plugin.executable)
            let how = plugin.description.kind == .transform
                ? "--transform \(plugin.description.name):KEY=VALUE or -O KEY=VALUE" : "-O KEY=VALUE"
            print("\nOptions of \(plugin.label) (\(how)):")
            for o in plugin.description.options {
                print("  \(o.name)  \(o.help)" + (o.defaultValue.map { " (default: \($0))" } ?? ""))
            }
        }
        if !registry.validators.isEmpty {
            print("\nValidators: " + registry.validators.map(\.formatName).joined(separator: ", "))
        }
        print("\nAny readable format converts to any writable one; 'convert --explain' shows the chain.")
    }

    private func table(_ rows: [[String]]) -> String {
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[c] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

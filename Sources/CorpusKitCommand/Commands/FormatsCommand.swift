import ArgumentParser
import CorpusKit
import CorpusPlugins

/// `corpuskit formats`: the registry's graph, what each format reads and writes.
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "List the formats and transforms, what each reads, writes, provides and needs, and where it comes from.",
        discussion: """
            With a NAME, list that format's (or transform's) options: key, values, default and meaning. \
            -O KEY=VALUE shows what the writers need under those options (text with -O text-style=sentences needs sentences). \
            Plugins are executables named corpuskit-NAME on PATH, in the folders of CORPUSKIT_PLUGIN_PATH, or given with --plugin; see README 'Plugins in any language'.

            Examples:
              corpuskit formats
              corpuskit formats html --plugin Examples/plugins
              corpuskit formats --graph dot | dot -Tsvg > formats.svg
            """
    )

    @Option(help: ArgumentHelp("Print the format graph instead: 'text' (also --graph alone) or 'dot' (Graphviz).", valueName: "style"))
    var graph: String?

    @OptionGroup var pluginFlags: PluginFlags

    @Argument(help: "A format or transform whose options to list.")
    var name: String?

    @Option(name: [.customShort("O"), .customLong("option")], help: "An option as KEY=VALUE (repeatable).")
    var extraOptions: [String] = []

    func validate() throws {
        if let graph, graph != "text" && graph != "dot" {
            throw ValidationError("--graph takes 'text' or 'dot'")
        }
    }

    func run() throws {
        let registry = pluginFlags.registry()
        var options = FormatOptions()
        try FormatFlags.add(extraOptions, to: &options)
        do { try options.check(against: registry.optionSpecs) } catch let error as CorpusError {
            throw ValidationError(error.message)
        }
        if let name { return try describe(name, registry, options) }
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
                reader?.provides.description ?? "-", writer?.requires(options: options).description ?? "-",
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
        if !registry.validators.isEmpty {
            print("\nValidators: " + registry.validators.map(\.formatName).joined(separator: ", "))
        }
        print("\nAny readable format converts to any writable one; 'convert --explain' shows the chain.")
    }

    /// One format's or transform's options.
    private func describe(_ name: String, _ registry: FormatRegistry, _ options: FormatOptions) throws {
        let reader = registry.reader(named: name)
        let writer = registry.writer(named: name)
        let transform = registry.transform(named: name)
        let canonical = registry.canonicalName(name) ?? name
        let validator = registry.validator(for: canonical)
        guard reader != nil || writer != nil || transform != nil else {
            throw ValidationError("unknown format or transform '\(name)' (see 'corpuskit formats')")
        }
        var lines: [String] = []
        if let d = registry.description(of: name) {
            lines.append("\(d.name): \(d.summary)")
            lines.append("extensions: " + d.extensions.map { "." + $0 }.joined(separator: " "))
        }
        if let reader { lines.append("reader gives: \(reader.provides.description)") }
        if let writer { lines.append("writer needs: \(writer.requires(options: options).description)") }
        if let transform { lines.append("\(transform.name): \(transform.summary); needs \(transform.requires.description), provides \(transform.provides.description)") }
        let origins = Set(([reader, writer, transform] as [Any?]).compactMap { $0 }.map(pluginOrigin(of:)))
        lines.append("from: " + origins.sorted().joined(separator: ", "))
        for (role, specs) in [("reader", reader?.optionSpecs ?? []), ("writer", writer?.optionSpecs ?? []),
                              ("transform", transform?.optionSpecs ?? []), ("validator", validator?.optionSpecs ?? [])]
        where !specs.isEmpty {
            lines.append("\n\(role) options (" + (role == "transform" ? "--transform \(name):KEY=VALUE or " : "") + "-O KEY=VALUE):")
            var rows: [[String]] = [["KEY", "VALUES", "DEFAULT", "MEANING"]]
            for spec in specs { rows.append([spec.key, spec.valuesDescription, spec.defaultValue ?? "-", spec.help]) }
            lines.append(table(rows))
        }
        print(lines.joined(separator: "\n"))
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

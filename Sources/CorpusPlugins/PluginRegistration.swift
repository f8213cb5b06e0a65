import CorpusDriver
import CorpusModel

extension FormatRegistry {
    /// Registers a discovered plugin as a reader, writer or transform.
    ///
    /// A plugin does not shadow a format or transform already registered
    /// under its name unless `replacing` is set (an explicit `--plugin`):
    /// a stray `corpuskit-tei` on PATH must not replace the bundled TEI
    /// reader. Returns a warning when the plugin was not registered.
    @discardableResult
    public mutating func register(plugin: ExternalPlugin, replacing: Bool = false) -> String? {
        let d = plugin.description
        switch d.kind {
        case .reader:
            if !replacing, reader(named: d.name) != nil && !(reader(named: d.name) is PluginReader) {
                return "plugin \(plugin.executable): a reader named '\(d.name)' is bundled; skipped (use --plugin to replace it)"
            }
            register(reader: PluginReader(plugin))
        case .writer:
            if !replacing, writer(named: d.name) != nil && !(writer(named: d.name) is PluginWriter) {
                return "plugin \(plugin.executable): a writer named '\(d.name)' is bundled; skipped (use --plugin to replace it)"
            }
            register(writer: PluginWriter(plugin))
        case .transform:
            if !replacing, transform(named: d.name) != nil && !(transform(named: d.name) is PluginTransform) {
                return "plugin \(plugin.executable): a transform named '\(d.name)' is bundled; skipped (use --plugin to replace it)"
            }
            register(transform: PluginTransform(plugin))
        }
        return nil
    }

    /// The bundled registry plus every plugin `discovery` finds; the
    /// warnings say which plugins were skipped and why.
    public func addingPlugins(from discovery: PluginDiscovery) -> (registry: FormatRegistry, warnings: [String]) {
        var registry = self
        let found = discovery.discover()
        var warnings = found.warnings
        // Registered in reverse order of precedence is not needed: the first found of a name won already.
        var registeredNames: Set<String> = []
        for (plugin, origin) in found.plugins {
            let key = "\(plugin.description.kind.rawValue):\(plugin.description.name)"
            if registeredNames.contains(key) && origin != .explicit { continue }
            if let warning = registry.register(plugin: plugin, replacing: origin == .explicit) {
                warnings.append(warning)
            } else {
                registeredNames.insert(key)
            }
        }
        return (registry, warnings)
    }
}

/// Where a step of a plan comes from: `bundled`, or the plugin's path.
public func pluginOrigin(of step: Any) -> String {
    if let external = step as? any ExternalPluginStep { return "plugin \(external.plugin.executable)" }
    return "bundled"
}

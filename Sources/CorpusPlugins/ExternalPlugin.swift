import CorpusModel
import Foundation

/// A discovered `corpuskit-NAME` executable and what it said about itself.
public struct ExternalPlugin: Sendable, Equatable {
    /// The executable's path, as found (PATH, CORPUSKIT_PLUGIN_PATH or --plugin).
    public var executable: String
    public var description: PluginDescription
    /// Seconds a plugin may owe output before it is stopped (`--plugin-timeout`).
    public var timeout: Double

    public init(executable: String, description: PluginDescription, timeout: Double = ExternalPlugin.defaultTimeout) {
        self.executable = executable
        self.description = description
        self.timeout = timeout
    }

    /// The default `--plugin-timeout`: 60 seconds.
    public static let defaultTimeout = 60.0

    /// How messages name the plugin: its file name, e.g. `corpuskit-md`.
    public var label: String {
        executable.split(separator: "/").last.map(String.init) ?? executable
    }

    /// The format this plugin reads or writes, for the registry.
    var format: FormatDescription {
        FormatDescription(
            name: description.name, aliases: description.aliases, extensions: description.extensions,
            mediaType: description.mediaType,
            summary: description.summary.isEmpty ? "plugin \(label)" : description.summary)
    }

    /// The options the plugin declared, for the CLI's option check and `corpuskit formats NAME`:
    /// any text (the plugin checks its own values and fails with a message on stderr).
    public var optionSpecs: [OptionSpec] {
        description.options.map { o in
            OptionSpec(o.name, .text(check: { _ in nil }), default: o.defaultValue, help: o.help.isEmpty ? "(plugin option)" : o.help)
        }
    }

    /// Starts the plugin for one conversion: `corpuskit-NAME VERB` with its
    /// options as a JSON object in `CORPUSKIT_OPTIONS` (and, for readers, the
    /// input's name in `CORPUSKIT_INPUT`).
    func start(
        options: FormatOptions, extra: [String: String] = [:], input: String? = nil,
        onOutput: @escaping (UnsafeRawBufferPointer) throws -> Void, onEnd: @escaping () throws -> Void = {}
    ) throws -> PluginProcess {
        var values = description.effectiveOptions(options)
        values.merge(extra) { _, new in new }
        return try PluginProcess.start(
            executable: executable, arguments: [description.kind.rawValue],
            environment: ["CORPUSKIT_OPTIONS": Self.json(values), "CORPUSKIT_PROTOCOL": "1", "CORPUSKIT_INPUT": input ?? ""],
            label: label, timeout: timeout, onOutput: onOutput, onEnd: onEnd)
    }

    /// A flat string map as one JSON object with sorted keys.
    static func json(_ values: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(values)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// Something in a conversion chain that runs an external plugin; `corpuskit
/// formats` and `--explain` use it to say where a step comes from.
public protocol ExternalPluginStep {
    var plugin: ExternalPlugin { get }
}

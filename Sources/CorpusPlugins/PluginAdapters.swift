import CorpusModel

/// A reader plugin: the input's bytes go to `corpuskit-NAME reader` on stdin;
/// JSON Lines documents come back on stdout.
public struct PluginReader: CorpusReader, ExternalPluginStep {
    public let plugin: ExternalPlugin

    public init(_ plugin: ExternalPlugin) { self.plugin = plugin }

    public var format: FormatDescription { plugin.format }
    public var provides: Capabilities { plugin.description.provides }
    public var optionSpecs: [OptionSpec] { plugin.optionSpecs }

    /// `starts_with` hints (after a BOM and whitespace) make the format likely; `contains` hints possible.
    public func sniff(_ prefix: [UInt8]) -> SniffResult {
        guard let hints = plugin.description.sniff else { return .no }
        var bytes = prefix[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        bytes = bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        if hints.startsWith.contains(where: { !$0.isEmpty && bytes.starts(with: Array($0.utf8)) }) { return .likely }
        let haystack = Array(prefix)
        if hints.contains.contains(where: { !$0.isEmpty && contains(haystack, Array($0.utf8)) }) { return .possible }
        return .no
    }

    public func read(_ input: InputSource, options: FormatOptions, into sink: any CorpusEventSink) throws {
        do {
            try run(input, options: options, into: sink)
        } catch let error as CorpusError {
            throw error.naming(input.name)
        }
    }

    private func run(_ input: InputSource, options: FormatOptions, into sink: any CorpusEventSink) throws {
        let documents = PluginDocuments(label: plugin.label, sink: sink)
        let process = try plugin.start(
            options: options, input: input.name, onOutput: { try documents.feed($0) }, onEnd: { try documents.finish() })
        var writeFailure: (any Error)?
        do {
            try input.forEachChunk { chunk in
                do { try process.write(chunk) } catch {
                    writeFailure = error
                    throw error
                }
            }
        } catch {
            if let writeFailure { throw process.failure(afterWriteError: writeFailure) }
            // The input itself failed (an unreadable file): stop the plugin, report the input.
            process.abort()
            throw error
        }
        try process.finish()
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}

/// A writer plugin: events go to `corpuskit-NAME writer` as JSON Lines; its
/// stdout is the output.
public struct PluginWriter: CorpusWriter, ExternalPluginStep {
    public let plugin: ExternalPlugin

    public init(_ plugin: ExternalPlugin) { self.plugin = plugin }

    public var format: FormatDescription { plugin.format }
    public var requires: Capabilities { plugin.description.requires }
    public var optionSpecs: [OptionSpec] { plugin.optionSpecs }

    public func makeSink(writingTo output: ByteOutput, options: FormatOptions) throws -> any CorpusEventSink {
        let process = try plugin.start(options: options, onOutput: { try output.write($0) })
        return try PluginInputSink(process: process)
    }
}

/// A transform plugin: events go to `corpuskit-NAME transform` as JSON Lines
/// and come back the same way, in order.
public struct PluginTransform: CorpusTransform, ExternalPluginStep {
    public let plugin: ExternalPlugin

    public init(_ plugin: ExternalPlugin) { self.plugin = plugin }

    public var name: String { plugin.description.name }
    public var summary: String { plugin.description.summary.isEmpty ? "plugin \(plugin.label)" : plugin.description.summary }
    public var provides: Capabilities { plugin.description.provides }
    public var requires: Capabilities { plugin.description.requires }
    public var optionSpecs: [OptionSpec] { plugin.optionSpecs }

    public func makeSink(sendingTo downstream: any CorpusEventSink, options: FormatOptions) throws -> any CorpusEventSink {
        let documents = PluginDocuments(label: plugin.label, sink: downstream)
        let process = try plugin.start(
            options: options, onOutput: { try documents.feed($0) }, onEnd: { try documents.finish() })
        return try PluginInputSink(process: process, afterFinish: { try downstream.finish() })
    }
}

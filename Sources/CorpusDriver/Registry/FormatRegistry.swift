import CorpusModel

/// The plugins a conversion can use: readers, writers, transforms, validators.
///
/// Look formats up by name, by file extension or by sniffing content. Start
/// from `CorpusKit.standardRegistry` for the bundled formats and register
/// your own on top; a later registration of the same name wins.
public struct FormatRegistry: Sendable {
    public private(set) var readers: [any CorpusReader] = []
    public private(set) var writers: [any CorpusWriter] = []
    public private(set) var transforms: [any CorpusTransform] = []
    public private(set) var validators: [any CorpusValidator] = []

    public init() {}

    public mutating func register(reader: any CorpusReader) {
        readers.removeAll { $0.format.name == reader.format.name }
        readers.append(reader)
    }

    public mutating func register(writer: any CorpusWriter) {
        writers.removeAll { $0.format.name == writer.format.name }
        writers.append(writer)
    }

    public mutating func register(transform: any CorpusTransform) {
        transforms.removeAll { $0.name == transform.name }
        transforms.append(transform)
    }

    public mutating func register(validator: any CorpusValidator) {
        validators.removeAll { $0.formatName == validator.formatName }
        validators.append(validator)
    }

    /// The reader for a format name or alias.
    public func reader(named name: String) -> (any CorpusReader)? {
        readers.last { $0.format.answers(to: name) }
    }

    /// The writer for a format name or alias.
    public func writer(named name: String) -> (any CorpusWriter)? {
        writers.last { $0.format.answers(to: name) }
    }

    public func transform(named name: String) -> (any CorpusTransform)? {
        transforms.last { $0.name == name }
    }

    public func validator(for formatName: String) -> (any CorpusValidator)? {
        validators.last { $0.formatName == formatName }
    }

    /// The canonical format name for a name or alias that any plugin answers to.
    public func canonicalName(_ name: String) -> String? {
        if let r = reader(named: name) { return r.format.name }
        return writer(named: name)?.format.name
    }

    /// The format whose extensions include the extension of `path` (case-insensitive).
    public func formatName(forPath path: String) -> String? {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return nil }
        let ext = file[file.index(after: dot)...].lowercased()
        if let r = readers.last(where: { $0.format.extensions.contains(ext) }) { return r.format.name }
        return writers.last(where: { $0.format.extensions.contains(ext) })?.format.name
    }

    /// The reader most sure that `prefix` is its format, if any is.
    public func sniff(_ prefix: [UInt8]) -> (any CorpusReader)? {
        var best: (any CorpusReader)?
        var bestScore = SniffResult.no
        for reader in readers {
            let score = reader.sniff(prefix)
            if score > bestScore {
                best = reader
                bestScore = score
            }
        }
        return best
    }

    /// Every format name known to a reader or a writer, in registration order.
    public var formatNames: [String] {
        var names: [String] = []
        for n in readers.map(\.format.name) + writers.map(\.format.name) where !names.contains(n) {
            names.append(n)
        }
        return names
    }

    /// The description of a format, from its reader or writer.
    public func description(of name: String) -> FormatDescription? {
        reader(named: name)?.format ?? writer(named: name)?.format
    }

    /// Every option a registered plugin declares (a key read by several plugins appears once).
    public var optionSpecs: [OptionSpec] {
        var seen: Set<String> = []
        let all = readers.flatMap(\.optionSpecs) + writers.flatMap(\.optionSpecs)
            + transforms.flatMap(\.optionSpecs) + validators.flatMap(\.optionSpecs)
        return all.filter { seen.insert($0.key).inserted }
    }
}

import CorpusModel

/// A transform the user asked for by name, with its own options:
/// `--transform NAME[:KEY=VALUE,…]`.
public struct TransformSpec: Sendable, Equatable {
    public var name: String
    public var options: [String: String]

    public init(name: String, options: [String: String] = [:]) {
        self.name = name
        self.options = options
    }

    /// Parses `upper`, `segment:lang=ru` or `mark:attr=n,start=1`; a value may
    /// contain `=` but not `,`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        guard !name.isEmpty else { throw CorpusError(.usage, "--transform needs a name, got '\(text)'") }
        var options: [String: String] = [:]
        if parts.count == 2 {
            for pair in parts[1].split(separator: ",") {
                guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                    throw CorpusError(.usage, "--transform \(name): expected KEY=VALUE, got '\(pair)'")
                }
                options[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
            }
        }
        self.init(name: name, options: options)
    }

    /// The registry's transform with these options applied on top of the conversion's.
    public func resolve(in registry: FormatRegistry) throws -> any CorpusTransform {
        guard let transform = registry.transform(named: name) else {
            let known = registry.transforms.map(\.name).joined(separator: ", ")
            throw CorpusError(.usage, "no transform named '\(name)' (known: \(known); see 'corpuskit formats')")
        }
        if options.isEmpty { return transform }
        do {
            try FormatOptions(options).check(against: transform.optionSpecs)
        } catch let error as CorpusError {
            throw CorpusError(.usage, "--transform \(name): " + error.message)
        }
        return ConfiguredTransform(transform, options: options)
    }
}

/// A transform whose own options override the conversion's option bag, so
/// `--transform segment:lang=ru` segments as Russian whatever `--lang` says.
public struct ConfiguredTransform: CorpusTransform {
    public let base: any CorpusTransform
    public let options: [String: String]

    public init(_ base: any CorpusTransform, options: [String: String]) {
        self.base = base
        self.options = options
    }

    public var name: String {
        base.name + ":" + options.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
    public var summary: String { base.summary }
    public var provides: Capabilities { base.provides }
    public var requires: Capabilities { base.requires }
    public var optionSpecs: [OptionSpec] { base.optionSpecs }

    public func makeSink(sendingTo downstream: any CorpusEventSink, options bag: FormatOptions) throws -> any CorpusEventSink {
        var merged = bag
        for (k, v) in options { merged[k] = v }
        return try base.makeSink(sendingTo: downstream, options: merged)
    }
}

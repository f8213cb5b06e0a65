import CorpusModel

/// The chain of steps from one format to another: a reader, the transforms
/// that supply what the writer needs, a writer; optionally through
/// intermediate serialisations (`--via`).
public struct ConversionPlan: Sendable {
    /// One leg: read a format, transform, write a format.
    public struct Leg: Sendable {
        public var reader: any CorpusReader
        public var transforms: [any CorpusTransform]
        public var writer: any CorpusWriter
    }

    /// At least one leg; more when `via` formats were forced.
    public var legs: [Leg]

    /// `text → segment → tei`, one line per leg, for `--explain`.
    public var explanation: [String] { explanation(options: FormatOptions()) }

    /// The chain with what each writer requires under `options` (text in
    /// `sentences` style needs sentences, in `paragraphs` style it does not).
    public func explanation(options: FormatOptions) -> [String] {
        legs.map { leg in
            let steps = [leg.reader.format.name + " (reads " + leg.reader.provides.description + ")"]
                + leg.transforms.map { "\($0.name) (provides \($0.provides.description))" }
                + [leg.writer.format.name + " (requires " + leg.writer.requires(options: options).description + ")"]
            return steps.joined(separator: " → ")
        }
    }
}

/// Finds conversion chains through a registry's graph of plugins.
public struct Planner: Sendable {
    public let registry: FormatRegistry

    public init(registry: FormatRegistry) { self.registry = registry }

    /// Plans `source` → (`via`…) → `target`. `wanted` are capabilities the
    /// user asked for beyond the writer's needs (e.g. tokens with `--tokens`);
    /// `extra` names transforms to run in any case (e.g. `nfc`), in order,
    /// right after the reader. `options` can change what a writer needs.
    public func plan(
        from source: String, to target: String, via: [String] = [], wanted: Capabilities = [],
        extra: [String] = [], options: FormatOptions = FormatOptions()
    ) throws -> ConversionPlan {
        let transforms = try extra.map { try TransformSpec(name: $0).resolve(in: registry) }
        return try plan(from: source, to: target, via: via, wanted: wanted, transforms: transforms, options: options)
    }

    /// Plans like ``plan(from:to:via:wanted:extra:options:)`` with the
    /// transforms to run given as values (`--transform NAME:KEY=VALUE`), in
    /// order in the first leg. Each gets what it requires first: a
    /// transform that needs sentences after a text reader is preceded by
    /// segmentation.
    public func plan(
        from source: String, to target: String, via: [String] = [], wanted: Capabilities = [],
        transforms extra: [any CorpusTransform], options: FormatOptions = FormatOptions()
    ) throws -> ConversionPlan {
        let names = [source] + via + [target]
        var legs: [ConversionPlan.Leg] = []
        for (i, pair) in zip(names, names.dropFirst()).enumerated() {
            guard let reader = registry.reader(named: pair.0) else {
                throw CorpusError(.usage, "no reader for format '\(pair.0)' (see 'corpuskit formats')")
            }
            guard let writer = registry.writer(named: pair.1) else {
                throw CorpusError(.usage, "no writer for format '\(pair.1)' (see 'corpuskit formats')")
            }
            var transforms: [any CorpusTransform] = []
            var have = reader.provides
            if i == 0 {
                for t in extra {
                    let before = try chain(from: have, to: t.requires)
                    transforms += before
                    for b in before { have.formUnion(b.provides) }
                    transforms.append(t)
                    have.formUnion(t.provides)
                }
            }
            let isLast = i == names.count - 2
            let needed = writer.requires(options: options).union(isLast || !via.isEmpty ? wanted : [])
            transforms += try chain(from: have, to: needed)
            legs.append(.init(reader: reader, transforms: transforms, writer: writer))
        }
        return ConversionPlan(legs: legs)
    }

    /// The shortest list of transforms that takes a stream carrying `have`
    /// to one carrying `need` (breadth-first over the registry's transforms).
    func chain(from have: Capabilities, to need: Capabilities) throws -> [any CorpusTransform] {
        if have.isSuperset(of: need) { return [] }
        var queue: [(Capabilities, [any CorpusTransform])] = [(have, [])]
        var seen: Set<Int> = [have.rawValue]
        while !queue.isEmpty {
            let (caps, path) = queue.removeFirst()
            for t in registry.transforms where caps.isSuperset(of: t.requires) && !t.provides.isEmpty {
                let next = caps.union(t.provides)
                guard !seen.contains(next.rawValue) else { continue }
                if next.isSuperset(of: need) { return path + [t] }
                seen.insert(next.rawValue)
                queue.append((next, path + [t]))
            }
        }
        throw CorpusError(.usage, "no transform provides \(need.subtracting(have).description) for this conversion")
    }
}

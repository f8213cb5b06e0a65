import CorpusModel

/// Runs conversion plans: detects input formats, wires reader → transforms →
/// writer, and passes intermediate serialisations between legs.
public struct Converter: Sendable {
    public let registry: FormatRegistry

    public init(registry: FormatRegistry) { self.registry = registry }

    /// The format of `input`: `declared` if given, else its file extension,
    /// else what its first bytes look like.
    public func detectFormat(of input: InputSource, declared: String?) throws -> String {
        if let declared {
            guard let name = registry.canonicalName(declared) else {
                throw CorpusError(.usage, "unknown format '\(declared)' (see 'corpuskit formats')")
            }
            return name
        }
        if let path = input.path, let name = registry.formatName(forPath: path),
            registry.reader(named: name) != nil
        {
            return name
        }
        let prefix = try input.prefix()
        if prefix.isEmpty {
            throw CorpusError(.empty, "the input is empty; cannot tell its format (use --from)", file: input.name)
        }
        guard let reader = registry.sniff(prefix) else {
            throw CorpusError(.usage, "cannot tell the input's format; name it with --from", file: input.name)
        }
        return reader.format.name
    }

    /// Converts every input with `plan` into one output stream (several
    /// inputs make one corpus: a `teiCorpus`, one JSON file, one table).
    /// The writer's `finish()` runs only when every input succeeded. Returns
    /// how many blocks each input gave, so callers can warn about empty ones.
    @discardableResult
    public func run(
        _ plan: ConversionPlan, inputs: [InputSource], output: ByteOutput, options: FormatOptions
    ) throws -> [Int] {
        var current = inputs
        var blockCounts: [Int] = []
        for (index, leg) in plan.legs.enumerated() {
            let isLast = index == plan.legs.count - 1
            let legOutput = isLast ? output : ByteOutput.memory(name: "<\(leg.writer.format.name) stage>")
            var sink = try leg.writer.makeSink(writingTo: legOutput, options: options)
            for transform in leg.transforms.reversed() {
                sink = try transform.makeSink(sendingTo: sink, options: options)
            }
            for input in current {
                let counter = BlockCounter(downstream: sink)
                do {
                    try ReaderThread.read(leg.reader, input, options: options, into: counter)
                } catch let error as CorpusError {
                    throw error.naming(input.name)
                }
                if index == 0 { blockCounts.append(counter.blocks) }
            }
            try sink.finish()
            try legOutput.flush()
            if !isLast {
                let stage = InputSource.bytes(legOutput.bytes, name: legOutput.name)
                try validateIntermediate(stage, format: leg.writer.format.name, options: options)
                current = [stage]
            }
        }
        return blockCounts
    }

    /// Checks an intermediate serialisation (`--via tei`) with the format's
    /// validator, so a broken middle step is caught where it happens.
    private func validateIntermediate(_ stage: InputSource, format: String, options: FormatOptions) throws {
        guard let validator = registry.validator(for: format) else { return }
        var stageOptions = options
        stageOptions["schema"] = nil
        let problems = try validator.validate(stage, options: stageOptions).filter { $0.severity == .error }
        if let first = problems.first {
            throw CorpusError(.invalid, "the intermediate \(format) is invalid: \(first.description)")
        }
    }
}

/// Passes events on and counts the blocks, to tell an input that gave no text.
final class BlockCounter: CorpusEventSink, ThreadedStage {
    private let downstream: any CorpusEventSink
    private(set) var blocks = 0

    init(downstream: any CorpusEventSink) { self.downstream = downstream }

    var usesOtherThreads: Bool { (downstream as? any ThreadedStage)?.usesOtherThreads ?? false }

    func receive(_ event: CorpusEvent) throws {
        if case .block = event { blocks += 1 }
        try downstream.receive(event)
    }

    func finish() throws { try downstream.finish() }
}

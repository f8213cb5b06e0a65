import CorpusModel

/// Converts many inputs into one output stream (a `teiCorpus`, one JSON
/// file, one table), input by input, in order.
///
/// Each input may be of its own format and gets its own reader and
/// transforms; they all feed one writer. A bad input is left out whole (its
/// events are held back until it has been read, see ``HeldInput``) and
/// reported; the others still go in. Document ids are made unique
/// (``UniqueDocumentIDs``).
public struct CombinedRun: Sendable {
    /// One input with its plan (its last leg's writer is the shared writer).
    public struct Input: Sendable {
        public var source: InputSource
        public var plan: ConversionPlan
        public var names: UniqueDocumentIDs.InputNames?

        public init(source: InputSource, plan: ConversionPlan, names: UniqueDocumentIDs.InputNames? = nil) {
            self.source = source
            self.plan = plan
            self.names = names
        }
    }

    /// What happened: the inputs that failed, in order, how many went in,
    /// and which of those gave no blocks at all.
    public struct Report: Sendable {
        public var failures: [CorpusError] = []
        public var converted = 0
        public var empty: [String] = []
    }

    /// Leave out an input that gives no blocks, as a failure (`--strict`).
    public var emptyIsError = false

    /// Runs `--via` legs (and validates their intermediate output).
    public let converter: Converter
    /// Stop at the first bad input (`--fail-fast`) instead of leaving it out.
    public var failFast = false
    /// Bytes of text held back per input before it streams (and can no longer
    /// be left out). A single input is never held: if it fails, nothing is written anyway.
    public var holdLimit = 8 << 20

    public init(converter: Converter, failFast: Bool = false) {
        self.converter = converter
        self.failFast = failFast
    }

    /// Runs every input into `output`. Throws when nothing usable can be
    /// written: with `failFast` at the first failure, or when an input fails
    /// after part of it was already written. `progress` is called after each input.
    public func run(
        _ inputs: [Input], output: ByteOutput, options: FormatOptions,
        progress: (Int, CorpusError?) -> Void = { _, _ in }
    ) throws -> Report {
        var report = Report()
        guard let writer = inputs.first?.plan.legs.last?.writer else { return report }
        let writerSink = try writer.makeSink(writingTo: output, options: options)
        let ids = UniqueDocumentIDs(downstream: writerSink, namespaceBlocks: inputs.count > 1)
        for (index, input) in inputs.enumerated() {
            ids.beginInput(input.names)
            let held = HeldInput(downstream: ids, limit: inputs.count == 1 ? 0 : holdLimit)
            do {
                let blocks = try read(input, into: held, options: options)
                if blocks == 0 {
                    if emptyIsError { throw CorpusError(.empty, "the input gives no text (0 blocks)", file: input.source.name) }
                    report.empty.append(input.source.name)
                }
                try held.finish()
                report.converted += 1
                progress(index + 1, nil)
            } catch {
                let failure = (error as? CorpusError ?? CorpusError(.io, "\(error)")).naming(input.source.name)
                held.discard()
                if failFast || inputs.count == 1 { throw failure }
                if held.isCommitted {
                    throw CorpusError(.io, "failed after part of it was written, so the combined output is not written: "
                        + failure.description, file: input.source.name)
                }
                report.failures.append(failure)
                progress(index + 1, failure)
            }
        }
        if report.converted > 0 { try ids.finish() }
        return report
    }

    /// Reads one input through its own transforms into `sink`; with `--via`
    /// legs, the intermediate serialisations are made for this input alone.
    /// Returns the number of blocks the input gave; the caller releases `sink`.
    private func read(_ input: Input, into sink: HeldInput, options: FormatOptions) throws -> Int {
        var plan = input.plan
        var source = input.source
        if plan.legs.count > 1 {
            let middle = ConversionPlan(legs: Array(plan.legs.dropLast()))
            let stage = ByteOutput.memory(name: "<\(middle.legs.last!.writer.format.name) stage>")
            try converter.run(middle, inputs: [source], output: stage, options: options)
            source = .bytes(stage.bytes, name: stage.name)
            plan.legs = [plan.legs.last!]
        }
        let leg = plan.legs[0]
        var chain: any CorpusEventSink = InputEnd(downstream: sink)
        for transform in leg.transforms.reversed() { chain = try transform.makeSink(sendingTo: chain, options: options) }
        let counter = BlockCounter(downstream: chain)
        try ReaderThread.read(leg.reader, source, options: options, into: counter)
        try counter.finish()
        return counter.blocks
    }
}

/// The end of one input's transform chain: passes events on (blocks rendered
/// ahead too), but its `finish()` (the input is done) does not finish the shared writer.
private final class InputEnd: RenderingAheadSink {
    private let downstream: HeldInput
    init(downstream: HeldInput) { self.downstream = downstream }
    func receive(_ event: CorpusEvent) throws { try downstream.receive(event) }
    func finish() throws {}
    func blockRenderer() -> (any BlockRenderer)? { downstream.blockRenderer() }
    func receive(rendered block: Block, _ parts: RenderedParts) throws { try downstream.receive(rendered: block, parts) }
}

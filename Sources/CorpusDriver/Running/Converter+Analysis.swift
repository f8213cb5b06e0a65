import CorpusModel

/// Reading for analysis (`corpuskit stats`): a reader and the transforms that
/// supply what an analysis needs, into any sink, with no writer.
extension Converter {
    /// The reader for `format` and the transforms that make its stream carry
    /// `needs` (after the named `extra` transforms, which run first).
    public func analysisChain(
        for format: String, needs: Capabilities, extra: [String] = []
    ) throws -> (reader: any CorpusReader, transforms: [any CorpusTransform]) {
        guard let reader = registry.reader(named: format) else {
            throw CorpusError(.usage, "no reader for format '\(format)' (see 'corpuskit formats')")
        }
        var transforms: [any CorpusTransform] = []
        for name in extra {
            guard let t = registry.transform(named: name) else {
                throw CorpusError(.usage, "no transform named '\(name)' (see 'corpuskit formats')")
            }
            transforms.append(t)
        }
        transforms += try Planner(registry: registry).chain(from: reader.provides, to: needs)
        return (reader, transforms)
    }

    /// Streams `input` through `transforms` into `sink` (the reader on its own
    /// thread, as in a conversion) and finishes the chain.
    public func stream(
        _ input: InputSource, reader: any CorpusReader, transforms: [any CorpusTransform],
        options: FormatOptions, into sink: any CorpusEventSink
    ) throws {
        var head = sink
        for transform in transforms.reversed() { head = try transform.makeSink(sendingTo: head, options: options) }
        do {
            try ReaderThread.read(reader, input, options: options, into: head)
        } catch let error as CorpusError {
            throw error.naming(input.name)
        }
        try head.finish()
    }
}

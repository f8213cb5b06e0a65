import CorpusJSON
import CorpusModel

/// Decodes a plugin's stdout as JSON Lines documents (the `jsonl` format) and
/// sends each to a sink; a malformed line is an error naming the plugin and the line.
final class PluginDocuments {
    private var decoder: JSONLinesDecoder
    private let sink: any CorpusEventSink
    private let label: String

    init(label: String, sink: any CorpusEventSink) {
        self.label = label
        self.sink = sink
        self.decoder = JSONLinesDecoder(name: "\(label) output")
    }

    func feed(_ chunk: UnsafeRawBufferPointer) throws {
        do {
            try decoder.feed(chunk) { try sink.receive(document: $0) }
        } catch let error as CorpusError where error.file == decoder.name {
            throw located(error)
        }
    }

    func finish() throws {
        do {
            try decoder.finish { try sink.receive(document: $0) }
        } catch let error as CorpusError where error.file == decoder.name {
            throw located(error)
        }
    }

    /// `plugin corpuskit-x wrote a malformed line 3 (column 7): …`.
    private func located(_ error: CorpusError) -> CorpusError {
        var place = ""
        if let line = error.location?.line {
            place = " \(line)"
            if let column = error.location?.column { place += " (column \(column))" }
        }
        return CorpusError(error.kind, "plugin \(label) wrote a malformed JSON Lines line\(place) on stdout: \(error.message)")
    }
}

/// Encodes the events a plugin receives as JSON Lines into its stdin pipe,
/// using the `jsonl` writer, so the plugin sees exactly what `--to jsonl` writes.
final class PluginInputSink: CorpusEventSink {
    private let process: PluginProcess
    private let pipe: ByteOutput
    private let encoder: any CorpusEventSink
    private let afterFinish: () throws -> Void
    private var finished = false

    init(process: PluginProcess, afterFinish: @escaping () throws -> Void = {}) throws {
        self.process = process
        self.pipe = ByteOutput(descriptor: process.inputDescriptor, name: "\(process.label) input", capacity: 1 << 16)
        self.encoder = try JSONLinesWriter().makeSink(writingTo: pipe, options: FormatOptions())
        self.afterFinish = afterFinish
    }

    func receive(_ event: CorpusEvent) throws {
        do {
            try process.whileWriting { try encoder.receive(event) }
        } catch {
            finished = true
            throw process.failure(afterWriteError: error)
        }
    }

    func finish() throws {
        finished = true
        do {
            try process.whileWriting {
                try encoder.finish()
                try pipe.flush()
            }
        } catch {
            throw process.failure(afterWriteError: error)
        }
        try process.finish()
        try afterFinish()
    }

    deinit {
        // The conversion failed elsewhere: stop the plugin rather than leave it waiting for input.
        if !finished { process.abort() }
    }
}

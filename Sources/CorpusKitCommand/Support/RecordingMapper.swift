import ArgumentParser
import CorpusKit
import CorpusPlugins
import Foundation

/// `convert - --from jsonl --to jsonl --on-error record`: a streaming mapper
/// for Spark's `RDD.pipe`, Hadoop streaming or `parallel --pipe`, where one
/// bad record must not fail the whole partition.
///
/// Each line is decoded on its own; a good document goes through the plan's
/// transforms to the JSON Lines writer, a bad line becomes an error record
/// `{"error": "…", "line": N, "column": C, "input": "<stdin>"}` in its place
/// on stdout, and the stream goes on. The exit status is 0 when only records
/// failed (a cluster would otherwise retry or kill the task).
struct RecordingMapper {
    let plan: ConversionPlan
    let options: FormatOptions

    /// Checks that the plan is jsonl → (bundled transforms) → jsonl: error
    /// records only make sense among JSON Lines, and a plugin transform runs
    /// asynchronously, so a record could not keep its place among documents.
    init(plan: ConversionPlan, options: FormatOptions) throws {
        guard plan.legs.count == 1, plan.legs[0].reader.format.name == "jsonl", plan.legs[0].writer.format.name == "jsonl" else {
            throw ValidationError("--on-error record needs --from jsonl --to jsonl (and no --via)")
        }
        if plan.legs[0].transforms.contains(where: { (($0 as? ConfiguredTransform)?.base ?? $0) is any ExternalPluginStep }) {
            throw ValidationError("--on-error record works with bundled transforms only; run plugin transforms with --on-error fail")
        }
        self.plan = plan
        self.options = options
    }

    /// Maps every input into `output`; returns the number of bad lines.
    func run(_ inputs: [InputSource], into output: ByteOutput) throws -> Int {
        let leg = plan.legs[0]
        var sink = try leg.writer.makeSink(writingTo: output, options: options)
        for transform in leg.transforms.reversed() {
            sink = try transform.makeSink(sendingTo: sink, options: options)
        }
        var bad = 0
        for input in inputs {
            let decoder = JSONLinesDecoder(name: input.name)
            var pending: [UInt8] = []
            var lineNumber = 0
            func handle(_ line: ArraySlice<UInt8>) throws {
                lineNumber += 1
                var line = line
                if line.last == 0x0D { line = line.dropLast() }
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
                let document: Document
                do {
                    document = try decoder.decodeLine(line, number: lineNumber)
                } catch let error as CorpusError {
                    bad += 1
                    try output.write(Self.errorRecord(error, line: lineNumber, input: input.name))
                    return
                }
                try sink.receive(document: document)
            }
            try input.forEachChunk { chunk in
                var start = 0
                for i in 0..<chunk.count where chunk[i] == 0x0A {
                    if pending.isEmpty {
                        try handle(ArraySlice(chunk[start..<i]))
                    } else {
                        pending.append(contentsOf: chunk[start..<i])
                        let line = pending
                        pending.removeAll(keepingCapacity: true)
                        try handle(line[...])
                    }
                    start = i + 1
                }
                pending.append(contentsOf: chunk[start...])
                // Hand on what this chunk produced: downstream sees records as they come.
                try output.flush()
            }
            if !pending.isEmpty { try handle(pending[...]) }
        }
        try sink.finish()
        try output.flush()
        return bad
    }

    /// One error record line: `{"error":"…","line":3,"column":7,"input":"<stdin>"}`.
    static func errorRecord(_ error: CorpusError, line: Int, input: String) -> String {
        var record = "{\"error\":\(quoted(error.message)),\"line\":\(line)"
        if let column = error.location?.column { record += ",\"column\":\(column)" }
        return record + ",\"input\":\(quoted(input))}\n"
    }

    /// A JSON string literal (fixed key order above; JSONEncoder's varies between runs).
    private static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}

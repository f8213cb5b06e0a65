import CorpusKit

/// The smallest useful writer: the "vertical" format of corpus managers
/// (Sketch Engine, CWB): one token per line, `<doc>`, `<p>` and `<s>` tags,
/// `<g/>` where no space follows a token.
///
/// A writer says what it needs (`requires`): tokens here, so the planner
/// inserts segmentation and tokenization before it. Its sink receives the
/// event stream one block at a time and writes to the output as it goes.
public struct VerticalWriter: CorpusWriter {
    public static let format = FormatDescription(
        name: "vert", aliases: ["vertical"], extensions: ["vert", "vrt"], mediaType: "text/plain",
        summary: "vertical corpus format: one token per line, <doc>/<p>/<s> tags")

    public init() {}
    public var format: FormatDescription { Self.format }
    public var requires: Capabilities { [.sentences, .tokens] }

    public func makeSink(writingTo output: ByteOutput, options: FormatOptions) throws -> any CorpusEventSink {
        VerticalSink(output: output)
    }
}

final class VerticalSink: CorpusEventSink {
    let output: ByteOutput
    var open = false
    init(output: ByteOutput) { self.output = output }

    func receive(_ event: CorpusEvent) throws {
        switch event {
        case .startDocument(let start):
            try close()
            var tag = "<doc id=\"\(escape(start.id))\""
            if let title = start.metadata.title { tag += " title=\"\(escape(title))\"" }
            try output.write(tag + ">\n")
            open = true
        case .block(let block):
            try output.write("<p id=\"\(escape(block.id))\">\n")
            for sentence in block.sentences {
                try output.write("<s id=\"\(escape(sentence.id))\">\n")
                for token in sentence.tokens ?? [] {
                    try output.write(token.form + "\n")
                    if !token.spaceAfter { try output.write("<g/>\n") }
                }
                try output.write("</s>\n")
            }
            try output.write("</p>\n")
        case .endDocument:
            try close()
        }
    }

    func finish() throws { try close() }

    private func close() throws {
        if open { try output.write("</doc>\n") }
        open = false
    }

    private func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
    }
}

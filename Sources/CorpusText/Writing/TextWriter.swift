import CorpusModel

/// Writes documents as plain text: paragraphs, or one sentence per line (the gold format).
///
/// Options: `text-style` = `paragraphs` (default: each block's text on one
/// line, a blank line between blocks) or `sentences` (one sentence per line, a
/// blank line between blocks; unsegmented blocks on one line). Headings and
/// other block kinds are written as their own paragraph. Whitespace inside a
/// line is collapsed to single spaces. Documents follow one another separated
/// by two blank lines (the reader reads them back as one document whose
/// paragraphs are all kept). The output ends with exactly one newline.
public struct TextWriter: CorpusWriter {
    /// The two shapes of output.
    public enum Style: String, Sendable, CaseIterable {
        /// Each block's text on one line, a blank line between blocks.
        case paragraphs
        /// One sentence per line, a blank line between blocks: the gold-file format.
        case sentences
    }

    public init() {}

    public var format: FormatDescription {
        FormatDescription(
            name: "text", aliases: ["txt", "plain"], extensions: ["txt"], mediaType: "text/plain",
            summary: "plain text: paragraphs, or one sentence per line (--text-style sentences)")
    }

    public var requires: Capabilities { [] }

    public func makeSink(writingTo output: ByteOutput, options: FormatOptions) throws -> any CorpusEventSink {
        let style = try options.choice("text-style", Style.allCases.map(\.rawValue), default: Style.paragraphs.rawValue)
        return TextWriterSink(output: output, style: Style(rawValue: style) ?? .paragraphs)
    }
}

/// The event sink behind ``TextWriter``.
final class TextWriterSink: CorpusEventSink {
    private let output: ByteOutput
    private let style: TextWriter.Style
    private var wroteBlock = false
    private var documentBreak = false

    init(output: ByteOutput, style: TextWriter.Style) {
        self.output = output
        self.style = style
    }

    func receive(_ event: CorpusEvent) throws {
        switch event {
        case .startDocument:
            if wroteBlock { documentBreak = true }
        case .endDocument:
            break
        case .block(let block):
            let lines = self.lines(of: block)
            if lines.isEmpty { return }
            if wroteBlock { try output.write(documentBreak ? "\n\n" : "\n") }
            documentBreak = false
            for line in lines {
                try output.write(line)
                try output.write(byte: 0x0A)
            }
            wroteBlock = true
        }
    }

    func finish() throws { try output.flush() }

    private func lines(of block: Block) -> [String] {
        switch (style, block.content) {
        case (.sentences, .sentences(let sentences)):
            return sentences.map { TextWhitespace.collapse($0.text) }.filter { !$0.isEmpty }
        default:
            let text = TextWhitespace.collapse(block.plainText)
            return text.isEmpty ? [] : [text]
        }
    }
}

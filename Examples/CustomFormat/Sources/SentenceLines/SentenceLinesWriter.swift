import CorpusKit

/// The smallest useful writer: "sentence lines", one sentence per line as
/// `ID<TAB>TEXT` (`doc.p3.s2	Бұл сөйлем.`), the shape alignment and
/// annotation tools take. The ids keep documents and paragraphs, so the
/// reader below rebuilds them.
///
/// A writer says what it needs (`requires`): sentences here, so the planner
/// inserts segmentation before it. Its sink receives the event stream one
/// block at a time and writes as it goes.
public struct SentenceLinesWriter: CorpusWriter {
    public static let format = FormatDescription(
        name: "sents", aliases: ["sentence-lines"], extensions: ["sents"], mediaType: "text/tab-separated-values",
        summary: "one sentence per line: ID<TAB>TEXT")

    public init() {}
    public var format: FormatDescription { Self.format }
    public var requires: Capabilities { [.sentences] }

    public func makeSink(writingTo output: ByteOutput, options: FormatOptions) throws -> any CorpusEventSink {
        ClosureSink { event in
            guard case .block(let block) = event else { return }
            for sentence in block.sentences {
                // A TAB or line break inside the text would break the line: write it as a space.
                let text = sentence.text.map { $0 == "\t" || $0.isNewline ? " " : String($0) }.joined()
                try output.write(sentence.id + "\t" + text + "\n")
            }
        }
    }
}

import CorpusModel
import CorpusText

/// `--explain` for text: which layout the reader uses for an input, and why.
extension TextReader: ExplainingReader {
    public func explain(_ input: InputSource, options: FormatOptions) throws -> String {
        if let layout = options["layout"], layout != "auto" {
            return "layout \(layout) (chosen with --layout)"
        }
        let (layout, reason) = try TextReader.detectLayout(try input.prefix(1 << 16), language: options["lang"] ?? "kk")
        return "layout \(layout.rawValue) (detected: \(reason))"
    }
}

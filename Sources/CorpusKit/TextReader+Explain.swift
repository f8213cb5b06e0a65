import CorpusModel
import CorpusText

/// `--explain` for text: which layout the reader uses for an input, and why.
extension TextReader: ExplainingReader {
    public func explain(_ input: InputSource, options: FormatOptions) throws -> String {
        var line: String
        if let layout = options["layout"], layout != "auto" {
            line = "layout \(layout) (chosen with --layout)"
        } else {
            let (layout, reason) = try TextReader.detectLayout(try input.prefix(1 << 16), language: options["lang"] ?? "kk")
            line = "layout \(layout.rawValue) (detected: \(reason))"
        }
        if options.flag("structure") { line += "; " + (try structureFound(input, options: options)) }
        return line
    }

    /// What `structure` finds in the first 64 KiB: headings, list items, paragraphs split at inline items.
    private func structureFound(_ input: InputSource, options: FormatOptions) throws -> String {
        let prefix = try input.prefix(1 << 16)
        var cut = prefix.count
        if prefix.count == 1 << 16, let lastBreak = prefix.lastIndex(of: 0x0A) { cut = lastBreak + 1 }
        var reader = self
        reader.onWarning = { _ in }
        var headings = 0, items = 0, paragraphs = 0
        let counter = ClosureSink { event in
            guard case .block(let block) = event else { return }
            switch block.kind {
            case .heading: headings += 1
            case .listItem: items += 1
            default: paragraphs += 1
            }
        }
        try? reader.read(.bytes(Array(prefix[..<cut]), name: input.name), options: options, into: counter)
        let scope = prefix.count < 1 << 16 ? "" : " in the first 64 KiB"
        return "structure: \(headings) headings, \(items) list items, \(paragraphs) other blocks\(scope)"
    }
}

import CorpusModel

/// The checks every reader (and its writer) must pass, for authors of new
/// formats in Swift or as plugins: run them in your tests and expect no problems.
///
/// ```swift
/// let problems = FormatConformance(reader: VerticalReader(), writer: VerticalWriter())
///     .problems(with: [sampleDocument])
/// #expect(problems.isEmpty, "\(problems)")
/// ```
///
/// What is checked: the writer's output reads back to the same sentences
/// (or unsegmented blocks; ids and text, with `keepsIDs: false` text only); every failure on bad
/// input (empty, invalid UTF-8, cut short anywhere) is a ``CorpusError`` that
/// names the input, never another error or a crash; sniffing any prefix of
/// the output is safe and recognises the format's own output.
public struct FormatConformance {
    public var reader: any CorpusReader
    public var writer: any CorpusWriter
    /// Whether the format keeps document, block and sentence ids.
    public var keepsIDs: Bool
    public var options: FormatOptions

    public init(reader: any CorpusReader, writer: any CorpusWriter, keepsIDs: Bool = true, options: FormatOptions = FormatOptions()) {
        self.reader = reader
        self.writer = writer
        self.keepsIDs = keepsIDs
        self.options = options
    }

    /// Every problem found with `documents` (which must carry what the writer requires), in words.
    public func problems(with documents: [Document]) -> [String] {
        var problems: [String] = []
        let bytes: [UInt8]
        do {
            bytes = try writer.write(documents, options: options)
        } catch {
            return ["the writer failed on the sample documents: \(error)"]
        }
        // 1. Round trip.
        do {
            let back = try reader.readDocuments(.bytes(bytes, name: "roundtrip"), options: options)
            let wrote = Self.sentences(documents), read = Self.sentences(back)
            if keepsIDs ? !wrote.elementsEqual(read, by: ==) : wrote.map(\.1) != read.map(\.1) {
                let difference = keepsIDs ? Self.firstDifference(wrote, read)
                    : Self.firstDifference(wrote.map { ("", $0.1) }, read.map { ("", $0.1) })
                problems.append("round trip: wrote \(wrote.count) sentences, read back \(read.count) that differ (first: \(difference))")
            }
        } catch {
            problems.append("round trip: the reader refused the writer's output: \(error)")
        }
        // 2. Bad input gives located CorpusErrors.
        let bad: [(String, [UInt8])] = [
            ("empty", []),
            ("invalid UTF-8", Array(bytes.prefix(64)) + [0xFF, 0xFE, 0x80] + Array(bytes.dropFirst(64).prefix(64))),
        ] + [1, 2, 3, 5, 8].map { d in ("cut at \(bytes.count * d / 9) of \(bytes.count) bytes", Array(bytes.prefix(bytes.count * d / 9))) }
        for (what, input) in bad {
            do {
                _ = try reader.readDocuments(.bytes(input, name: "bad-input"), options: options)
            } catch let error as CorpusError {
                if error.file != "bad-input" { problems.append("\(what): the error does not name the input: \(error)") }
            } catch {
                problems.append("\(what): an error that is not a CorpusError: \(error)")
            }
        }
        // 3. Sniffing is safe on every prefix length and knows the format's own output.
        for n in stride(from: 0, through: min(bytes.count, 4096), by: 97) { _ = reader.sniff(Array(bytes.prefix(n))) }
        if reader.sniff(Array(bytes.prefix(4096))) == .no {
            problems.append("sniff: the format's own output is not recognised (declare a sniff hint, or rely on --from and extensions)")
        }
        return problems
    }

    /// Each sentence's id and text, or an unsegmented block's.
    private static func sentences(_ documents: [Document]) -> [(String, String)] {
        documents.flatMap {
            $0.blocks.flatMap { block in
                if case .text(let text) = block.content { return [(block.id, text)] }
                return block.sentences.map { ($0.id, $0.text) }
            }
        }
    }

    private static func firstDifference(_ a: [(String, String)], _ b: [(String, String)]) -> String {
        for (x, y) in zip(a, b) where x != y { return "\(x) ≠ \(y)" }
        return a.count > b.count ? "missing \(a[b.count])" : (b.count > a.count ? "extra \(b[a.count])" : "none")
    }
}

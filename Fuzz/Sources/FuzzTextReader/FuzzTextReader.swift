import CorpusKit
import FuzzSupport

/// Feeds each input to `TextReader` in the layouts `auto`, `tabbed`,
/// `paragraphs` and `sentences`, through the registry's `segment` and
/// `tokenize` transforms, and checks that every sentence's tokens rebuild its
/// text exactly (`Token.rebuild(tokens) == sentence.text`). Then runs the
/// whole `text → csv` conversion with a `Converter` into memory and reads the
/// table back with `CSVReader`. A `CorpusError` is fine; any other error, a
/// broken invariant, a crash, a hang or unbounded memory is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    for run in TextRun.all {
        readSegmentTokenize(bytes, run)
        if run.convert { convertToCSV(bytes, run) }
    }
    return 0
}

/// One way of reading the input: a layout, whether invalid UTF-8 is replaced
/// (so the rest of the pipeline sees more inputs) or refused, an encoding
/// (the single-byte code pages and UTF-16 go through iconv), and whether the
/// whole `text → csv` conversion runs too.
struct TextRun {
    var layout: String
    var replaceInvalid = false
    var encoding: String? = nil
    var convert = true

    static let all = [
        TextRun(layout: "auto"),
        TextRun(layout: "tabbed", replaceInvalid: true),
        TextRun(layout: "paragraphs", replaceInvalid: true),
        TextRun(layout: "sentences"),
        // Any byte string is KZ-1048 text: the pipeline sees arbitrary letters.
        TextRun(layout: "auto", encoding: "kz-1048", convert: false),
        TextRun(layout: "paragraphs", encoding: "utf-16", convert: false),
    ]

    var options: FormatOptions {
        var options: FormatOptions = ["layout": layout]
        if replaceInvalid { options["replace-invalid"] = "true" }
        if let encoding { options["encoding"] = encoding }
        return options
    }

    var name: String {
        "text layout=\(layout)\(replaceInvalid ? " replace-invalid" : "")\(encoding.map { " encoding=\($0)" } ?? "")"
    }
}

/// The bundled registry, with a text reader that keeps its warnings (replaced
/// bytes, thousands of them while fuzzing) off stderr.
let registry: FormatRegistry = {
    var registry = Corpus.standardRegistry
    var reader = TextReader()
    reader.onWarning = { _ in }
    registry.register(reader: reader)
    return registry
}()

private func readSegmentTokenize(_ bytes: [UInt8], _ run: TextRun) {
    guard let reader = registry.reader(named: "text"),
        let segment = registry.transform(named: "segment"),
        let tokenize = registry.transform(named: "tokenize")
    else { FuzzCheck.fail("the standard registry lacks text, segment or tokenize") }
    let what = run.name + " → segment → tokenize"
    let collector = CheckingCollector(what)
    let options = run.options
    let ok: Void? = FuzzCheck.expectingCorpusErrors(what) {
        let head = try segment.makeSink(sendingTo: try tokenize.makeSink(sendingTo: collector, options: options), options: options)
        try reader.read(.bytes(bytes, name: fuzzInputName), options: options, into: head)
        collector.finishAllowed = true
        try head.finish()
    }
    guard ok != nil else { return }
    FuzzCheck.require(collector.finished, "\(what): finish() did not reach the end of the chain")
    FuzzCheck.require(collector.isClosed, "\(what): a document was left open")
    for document in collector.documents {
        for block in document.blocks {
            guard case .sentences(let sentences) = block.content else {
                FuzzCheck.fail("\(what): block \(block.id) has no sentences after segment")
            }
            for sentence in sentences {
                guard let tokens = sentence.tokens else {
                    FuzzCheck.fail("\(what): sentence \(sentence.id) has no tokens after tokenize")
                }
                let rebuilt = Token.rebuild(tokens)
                FuzzCheck.require(
                    rebuilt == sentence.text,
                    "\(what): tokens of \(sentence.id) do not rebuild its text\n  text:    \(String(reflecting: sentence.text))\n  rebuilt: \(String(reflecting: rebuilt))\n  tokens:  \(tokens.map { ($0.form, $0.spaceAfter) })"
                )
            }
        }
    }
}

private func convertToCSV(_ bytes: [UInt8], _ run: TextRun) {
    let what = run.name + " → csv (Converter)"
    let options = run.options
    let output = ByteOutput.memory()
    let ok: Void? = FuzzCheck.expectingCorpusErrors(what) {
        let plan = try Planner(registry: registry).plan(from: "text", to: "csv", options: options)
        try Converter(registry: registry).run(plan, inputs: [.bytes(bytes, name: fuzzInputName)], output: output, options: options)
    }
    guard ok != nil else { return }
    do {
        _ = try CSVReader().readDocuments(.bytes(output.bytes, name: fuzzInputName))
    } catch {
        let text = String(decoding: output.bytes.prefix(2000), as: UTF8.self)
        FuzzCheck.fail("\(what): the CSV written does not read back: \(error)\n--- csv (first 2000 bytes) ---\n\(text)")
    }
}

@main
enum FuzzTextReaderMain {
    static func main() { FuzzDriver.run(fuzzTextReader) }
}

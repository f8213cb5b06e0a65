import CorpusKit
import FuzzSupport

/// Feeds each input to `JSONReader` and `JSONLinesReader`. Refusing with a
/// `CorpusError` is fine; any other error, a crash, a hang or unbounded memory
/// is a finding. What a reader accepts must survive the matching writer and
/// read back as the same documents.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    check(bytes, reader: JSONReader(), writer: JSONWriter(), "json")
    check(bytes, reader: JSONLinesReader(), writer: JSONLinesWriter(), "jsonl")
    return 0
}

/// JSON can spell any model value (ids, texts and metadata with tabs, quotes,
/// line breaks, empty strings), so what the JSON reader accepts also tests the
/// table writers: a table they write must read back with the same sentences.
private func crossCheck(_ documents: [Document], _ what: String) {
    let tables: [(any CorpusWriter, any CorpusReader, String)] = [
        (CSVWriter(), CSVReader(), "csv"), (TSVWriter(), TSVReader(), "tsv"),
    ]
    for (writer, reader, name) in tables {
        guard let again = FuzzReading.roundTrip(documents, writer: writer, reader: reader, "\(what) → \(name)") else {
            continue
        }
        let before = documents.map(sentenceTexts).filter { !$0.isEmpty }
        let after = again.map(sentenceTexts).filter { !$0.isEmpty }
        FuzzCheck.require(
            before == after, "\(what) → \(name): sentences changed\n  json:  \(before)\n  table: \(after)")
    }
}

/// Every sentence text of a document, in order (what a table must keep).
private func sentenceTexts(_ document: Document) -> [String] {
    document.blocks.flatMap { block -> [String] in
        if case .sentences(let sentences) = block.content { return sentences.map(\.text) }
        return []
    }
}

private func check(_ bytes: [UInt8], reader: any CorpusReader, writer: any CorpusWriter, _ what: String) {
    guard let documents = FuzzReading.read(bytes, with: reader, what) else { return }
    crossCheck(documents, what)
    guard let again = FuzzReading.roundTrip(documents, writer: writer, reader: reader, "\(what) round trip") else {
        return
    }
    FuzzCheck.require(
        again == documents,
        "\(what) round trip: documents changed\n  read:  \(documents)\n  again: \(again)")
}

@main
enum FuzzJSONReaderMain {
    static func main() { FuzzDriver.run(fuzzJSONReader) }
}

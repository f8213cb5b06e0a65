import CorpusKit
import FuzzSupport

/// Feeds each input to `CSVReader` and `TSVReader`. Refusing with a
/// `CorpusError` is fine; any other error, a crash, a hang or unbounded memory
/// is a finding. What a reader accepts must survive the matching writer and
/// read back with the same sentences.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    check(bytes, reader: CSVReader(), writer: CSVWriter(), "csv")
    check(bytes, reader: TSVReader(), writer: TSVWriter(), "tsv")
    return 0
}

private func check(_ bytes: [UInt8], reader: any CorpusReader, writer: any CorpusWriter, _ what: String) {
    guard let documents = FuzzReading.read(bytes, with: reader, what) else { return }
    guard let again = FuzzReading.roundTrip(documents, writer: writer, reader: reader, "\(what) round trip") else {
        return
    }
    let before = documents.map(sentenceTexts)
    let after = again.map(sentenceTexts)
    FuzzCheck.require(
        before == after, "\(what) round trip: sentences changed\n  read:  \(before)\n  again: \(after)")
}

/// Every sentence text of a document, in order (what a table must keep).
private func sentenceTexts(_ document: Document) -> [String] {
    document.blocks.flatMap { block -> [String] in
        if case .sentences(let sentences) = block.content { return sentences.map(\.text) }
        return []
    }
}

@main
enum FuzzCSVReaderMain {
    static func main() { FuzzDriver.run(fuzzCSVReader) }
}

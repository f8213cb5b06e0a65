import CorpusKit
import FuzzSupport

/// Feeds each input to `TEIReader`. Refusing with a `CorpusError` is fine
/// (broken XML, entity bombs, external entities, DTDs); any other error, a
/// crash (libxml2 included: ASan watches the C side's use of our buffers), a
/// hang or unbounded memory is a finding. What the reader accepts must survive
/// the registry's TEI writer and read back with the same sentence texts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTEIReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    let reader = TEIReader()
    guard let documents = FuzzReading.read(bytes, with: reader, "tei") else { return 0 }
    guard let writer = Corpus.standardRegistry.writer(named: "tei"),
        let again = FuzzReading.roundTrip(documents, writer: writer, reader: reader, "tei round trip")
    else { return 0 }
    let before = documents.map(sentenceTexts)
    let after = again.map(sentenceTexts)
    FuzzCheck.require(before == after, "tei round trip: sentences changed\n  read:  \(before)\n  again: \(after)")
    return 0
}

/// Every sentence text of a document, in order.
private func sentenceTexts(_ document: Document) -> [String] {
    document.blocks.flatMap { block -> [String] in
        if case .sentences(let sentences) = block.content { return sentences.map(\.text) }
        return []
    }
}

@main
enum FuzzTEIReaderMain {
    static func main() { FuzzDriver.run(fuzzTEIReader) }
}

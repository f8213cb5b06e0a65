import CorpusKit
import FuzzSupport

/// Feeds each input to `CoNLLUReader`. Refusing with a `CorpusError` is fine; any other
/// error, a crash, a hang or unbounded memory is a finding. What it accepts must keep the
/// model's invariant (the words spell each sentence's text), write as CoNLL-U that reads
/// back as the same documents, and survive a trip through JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCoNLLUReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    guard let documents = FuzzReading.read(bytes, with: CoNLLUReader(), "conllu") else { return 0 }
    for sentence in documents.flatMap(\.blocks).flatMap(\.sentences) {
        FuzzCheck.require(
            sentence.rebuiltText == sentence.text,
            "conllu: the words of \(sentence.id) do not spell its text\n  text:    \(String(reflecting: sentence.text))\n  rebuilt: \(String(reflecting: sentence.rebuiltText))")
    }
    for (writer, reader, name) in [
        (CoNLLUWriter() as any CorpusWriter, CoNLLUReader() as any CorpusReader, "conllu round trip"),
        (JSONWriter(), JSONReader(), "conllu → json"),
    ] {
        guard let again = FuzzReading.roundTrip(documents, writer: writer, reader: reader, name) else {
            FuzzCheck.fail("\(name): the writer refused what the CoNLL-U reader accepted")
        }
        FuzzCheck.require(again == documents, "\(name): documents changed\n  read:  \(documents)\n  again: \(again)")
    }
    return 0
}

@main
enum FuzzCoNLLUReaderMain {
    static func main() { FuzzDriver.run(fuzzCoNLLUReader) }
}

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

private func check(_ bytes: [UInt8], reader: any CorpusReader, writer: any CorpusWriter, _ what: String) {
    guard let documents = FuzzReading.read(bytes, with: reader, what) else { return }
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

import CorpusKit
import FuzzSupport

/// Feeds each input to `VRTReader` (ParlaMint's 11 columns, and three columns). Refusing
/// with a located `CorpusError` is fine; any other error, a crash, a hang or unbounded
/// memory is a finding. What the reader accepts must survive `VRTWriter` and read back
/// with the same sentences and token forms.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVRTReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    for columns in [nil, "word,lemma,upos"] {
        var options = FormatOptions()
        options["p-attrs"] = columns
        guard let documents = FuzzReading.read(bytes, with: VRTReader(), options: options, "vrt \(columns ?? "default")") else {
            continue
        }
        let written: [UInt8]
        do {
            written = try VRTWriter().write(documents, options: options)
        } catch is CorpusError {
            continue
        } catch {
            FuzzCheck.fail("vrt writer threw \(type(of: error)), not CorpusError: \(error)")
        }
        guard let again = FuzzReading.read(written, with: VRTReader(), options: options, "vrt round trip") else {
            FuzzCheck.fail("vrt: the writer's output does not read back:\n\(String(decoding: written.prefix(2000), as: UTF8.self))")
        }
        let before = documents.map(tokenForms)
        let after = again.map(tokenForms)
        FuzzCheck.require(before == after, "vrt round trip: token forms changed\n  read:  \(before)\n  again: \(after)")
    }
    return 0
}

/// Every sentence's token forms, in order (what a vertical file must keep).
private func tokenForms(_ document: Document) -> [[String]] {
    document.blocks.flatMap { block in block.sentences.map { ($0.tokens ?? []).map(\.form) } }
}

@main
enum FuzzVRTReaderMain {
    static func main() { FuzzDriver.run(fuzzVRTReader) }
}

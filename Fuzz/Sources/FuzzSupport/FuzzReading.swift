import CorpusKit

/// Reading fuzz input with a reader, and writing what was read back through
/// the same format: the two operations every reader fuzz target performs.
public enum FuzzReading {
    /// Reads `bytes` (named ``fuzzInputName``) with `reader`; nil when the
    /// reader refused them with a `CorpusError`. Aborts on any other error,
    /// on a malformed event stream, or on a document left open.
    public static func read(
        _ bytes: [UInt8], with reader: any CorpusReader, options: FormatOptions = FormatOptions(), _ what: String
    ) -> [Document]? {
        let collector = CheckingCollector(what)
        let ok: Void? = FuzzCheck.expectingCorpusErrors(what) {
            try reader.read(.bytes(bytes, name: fuzzInputName), options: options, into: collector)
        }
        guard ok != nil else { return nil }
        FuzzCheck.require(collector.isClosed, "\(what): the reader returned with a document still open")
        return collector.documents
    }

    /// Writes `documents` with `writer` and reads the result with `reader`.
    /// The writer may refuse (a `CorpusError`); what it writes must read back.
    /// Returns the documents read back, or nil when the writer refused.
    public static func roundTrip(
        _ documents: [Document], writer: any CorpusWriter, reader: any CorpusReader, _ what: String
    ) -> [Document]? {
        let written: [UInt8]
        do {
            written = try writer.write(documents)
        } catch is CorpusError {
            return nil
        } catch {
            FuzzCheck.fail("\(what): writer threw \(type(of: error)), not CorpusError: \(error)")
        }
        do {
            return try reader.readDocuments(.bytes(written, name: fuzzInputName))
        } catch {
            let text = String(decoding: written.prefix(2000), as: UTF8.self)
            FuzzCheck.fail("\(what): the writer's output does not read back: \(error)\n--- written (first 2000 bytes) ---\n\(text)")
        }
    }
}

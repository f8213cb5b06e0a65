internal import CLibXML2
import CorpusModel

/// A parsed document tree (`xmlDoc`), owned and freed by this object; used only
/// for schema validation, which libxml2 runs on trees.
final class XMLDocumentTree {
    let pointer: xmlDocPtr

    private init(_ pointer: xmlDocPtr) { self.pointer = pointer }

    deinit { xmlFreeDoc(pointer) }

    /// Parses `input` with the safe options; nil plus issues when it is not well-formed.
    static func parse(_ input: InputSource) throws -> (XMLDocumentTree?, [XMLIssue]) {
        LibXML.ensureInitialised()
        let collector = XMLIssueCollector()
        let bytes = try input.readAll()
        guard !bytes.isEmpty else { return (nil, [XMLIssue(level: .fatal, message: "empty file: no XML document", line: 0, column: 0)]) }
        let doc: xmlDocPtr? = collector.capturingThreadErrors {
            bytes.withUnsafeBufferPointer { raw in
                raw.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw.count) {
                    xmlReadMemory($0, Int32(raw.count), input.name, nil, LibXML.safeParseOptions)
                }
            }
        }
        return (doc.map(XMLDocumentTree.init), collector.issues)
    }
}

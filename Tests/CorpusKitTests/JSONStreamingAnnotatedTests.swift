import CorpusKit
import CorpusTestSupport
import Foundation
import Testing

@testable import CorpusJSON

/// The streaming `json` reader on real annotated material (UD Kazakh, ParlaMint
/// CoNLL-U and TEI `.ana`): lemmas, features, heads, multiword ranges, comments
/// and attributes come back the same as Foundation's whole-file decode gives
/// them, through windows small enough to cut every value.
@Suite struct JSONStreamingAnnotatedTests {
    static let inputs: [(path: String, reader: any CorpusReader)] = [
        ("annotated/kk_ktb-ud-train.conllu", CoNLLUReader()),
        ("annotated/ParlaMint-FR_2018-07-11-E1009.conllu", CoNLLUReader()),
        ("annotated/ParlaMint-FR_2018-07-11-E1009.ana.xml", TEIReader()),
    ]

    @Test(.enabled(if: ToolGate.shared, "needs ../shared"))
    func annotatedDocumentsStreamBackUnchanged() throws {
        for (path, reader) in Self.inputs {
            let documents = try reader.readDocuments(.file(try SharedMaterial.file(path).path))
            let tokens = documents.flatMap(\.blocks).flatMap(\.sentences).flatMap { $0.tokens ?? [] }
            #expect(tokens.contains { $0.lemma != nil && $0.head != nil }, "\(path) is annotated")
            for options in [FormatOptions(), FormatOptions(["compact": "true"])] {
                let bytes = try JSONWriter().write(documents, options: options)
                let foundation = try JSONDecoder().decode(CorpusFile.self, from: Data(bytes)).documents
                #expect(foundation == documents, "\(path)")
                for chunk in [5, 333, 1 << 20] {
                    let cursor = JSONByteCursor(source: try InputSource.bytes(bytes).openSequential(),
                                                limit: ReadLimits.maximumDocumentBytes, chunk: chunk)
                    var parser = JSONModelParser(cursor: cursor)
                    let sink = DocumentCollector()
                    try parser.readFile(into: sink)
                    #expect(sink.documents == foundation, "\(path), window \(chunk)")
                }
                #expect(try JSONReader().readDocuments(.bytes(bytes)) == foundation)
            }
        }
    }
}

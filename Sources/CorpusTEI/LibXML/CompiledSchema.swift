internal import CLibXML2
import CorpusModel

/// A schema libxml2 compiled once (RELAX NG, W3C XML Schema or DTD), shared by
/// every validation in the process; each validation gets its own context.
final class CompiledSchema: @unchecked Sendable {
    enum Kind: String, Sendable { case relaxNG = "RELAX NG", xmlSchema = "XML Schema", dtd = "DTD" }

    let kind: Kind
    let path: String
    private let relaxNG: xmlRelaxNGPtr?
    private let xmlSchema: xmlSchemaPtr?
    private let dtd: xmlDtdPtr?

    private init(kind: Kind, path: String, relaxNG: xmlRelaxNGPtr? = nil, xmlSchema: xmlSchemaPtr? = nil, dtd: xmlDtdPtr? = nil) {
        self.kind = kind
        self.path = path
        self.relaxNG = relaxNG
        self.xmlSchema = xmlSchema
        self.dtd = dtd
    }

    deinit {
        if let relaxNG { xmlRelaxNGFree(relaxNG) }
        if let xmlSchema { xmlSchemaFree(xmlSchema) }
        if let dtd { xmlFreeDtd(dtd) }
    }

    /// The kind a schema file is, from its extension.
    static func kind(ofPath path: String) -> Kind? {
        let lower = path.lowercased()
        if lower.hasSuffix(".rng") { return .relaxNG }
        if lower.hasSuffix(".xsd") { return .xmlSchema }
        if lower.hasSuffix(".dtd") { return .dtd }
        return nil
    }

    /// Compiles the schema at `path` (slow for big RELAX NG schemas: tei_all takes ~12 s).
    static func compile(_ path: String, kind: Kind) throws -> CompiledSchema {
        LibXML.ensureInitialised()
        let collector = XMLIssueCollector()
        func failure() -> CorpusError {
            let first = collector.issues.first { $0.level >= .error }
            return CorpusError(
                .usage, "cannot compile \(kind.rawValue) schema: \(first?.message ?? "libxml2 gave no reason")", file: path,
                location: first.flatMap { $0.line > 0 ? SourceLocation(line: $0.line, column: $0.column > 0 ? $0.column : nil) : nil })
        }
        switch kind {
        case .relaxNG:
            guard let parser = xmlRelaxNGNewParserCtxt(path) else { throw failure() }
            defer { xmlRelaxNGFreeParserCtxt(parser) }
            xmlRelaxNGSetParserStructuredErrors(parser, XMLIssueCollector.callback, collector.opaque)
            let schema = collector.capturingThreadErrors { xmlRelaxNGParse(parser) }
            guard let schema else { throw failure() }
            return CompiledSchema(kind: kind, path: path, relaxNG: schema)
        case .xmlSchema:
            guard let parser = xmlSchemaNewParserCtxt(path) else { throw failure() }
            defer { xmlSchemaFreeParserCtxt(parser) }
            xmlSchemaSetParserStructuredErrors(parser, XMLIssueCollector.callback, collector.opaque)
            let schema = collector.capturingThreadErrors { xmlSchemaParse(parser) }
            guard let schema else { throw failure() }
            return CompiledSchema(kind: kind, path: path, xmlSchema: schema)
        case .dtd:
            let dtd = collector.capturingThreadErrors { xmlParseDTD(nil, path) }
            guard let dtd else { throw failure() }
            return CompiledSchema(kind: kind, path: path, dtd: dtd)
        }
    }

    /// Validates a parsed document; returns libxml2's messages (empty when valid).
    func validate(_ document: XMLDocumentTree) -> [XMLIssue] {
        let collector = XMLIssueCollector()
        var status: Int32 = 0
        collector.capturingThreadErrors {
            if let relaxNG, let context = xmlRelaxNGNewValidCtxt(relaxNG) {
                xmlRelaxNGSetValidStructuredErrors(context, XMLIssueCollector.callback, collector.opaque)
                status = xmlRelaxNGValidateDoc(context, document.pointer)
                xmlRelaxNGFreeValidCtxt(context)
            } else if let xmlSchema, let context = xmlSchemaNewValidCtxt(xmlSchema) {
                xmlSchemaSetValidStructuredErrors(context, XMLIssueCollector.callback, collector.opaque)
                status = xmlSchemaValidateDoc(context, document.pointer)
                xmlSchemaFreeValidCtxt(context)
            } else if let dtd, let context = xmlNewValidCtxt() {
                context.pointee.error = nil
                context.pointee.warning = nil
                context.pointee.userData = nil
                status = xmlValidateDtd(context, document.pointer, dtd) == 1 ? 0 : 1
                xmlFreeValidCtxt(context)
            } else {
                status = -1
            }
        }
        var issues = collector.issues.filter { $0.level >= .error }
        if status != 0 && issues.isEmpty {
            issues.append(XMLIssue(level: .error, message: "the document does not validate against \(kind.rawValue) schema \(path)", line: 0, column: 0))
        }
        return issues
    }
}

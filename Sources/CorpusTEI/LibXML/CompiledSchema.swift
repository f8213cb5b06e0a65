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

    /// Compiles the schema at `path`. For RELAX NG, `keeping` cuts the schema down to
    /// the element patterns with those local names first (``RelaxNGPruning``): the same
    /// verdicts for documents using only those elements, in milliseconds instead of the
    /// ~5 s a whole `tei_all` takes; nil compiles the whole schema.
    static func compile(_ path: String, kind: Kind, keeping: Set<String>? = nil) throws -> CompiledSchema {
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
            let pruned: xmlDocPtr?
            if let keeping {
                pruned = collector.capturingThreadErrors { xmlReadFile(path, nil, LibXML.safeParseOptions) }
                guard let pruned else { throw failure() }
                RelaxNGPruning.prune(pruned, keeping: keeping)
            } else {
                pruned = nil
            }
            defer { if let pruned { xmlFreeDoc(pruned) } }
            // A parser context made from a document copies it (keeping its URL, so
            // `include` and `externalRef` still resolve from the schema's folder).
            guard let parser = pruned.map({ xmlRelaxNGNewDocParserCtxt($0) }) ?? xmlRelaxNGNewParserCtxt(path) else { throw failure() }
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

internal import CLibXML2
import CorpusModel

/// Receives the events of a ``SAXPushParser``; the methods run inside libxml2 callbacks.
///
/// A method may throw: the parser stops and rethrows the error from ``SAXPushParser/parse(_:)``.
protocol SAXEventHandler: AnyObject {
    func startElement(_ localName: String, namespace: XMLNamespaceKind, attributes: XMLAttributes) throws
    func endElement(_ localName: String, namespace: XMLNamespaceKind) throws
    func characters(_ text: UnsafeBufferPointer<UInt8>) throws
    /// An entity reference libxml2 did not expand: declared external (`systemID` set) or
    /// not declared in anything it read (its declaration is in an external DTD).
    func unexpandedEntity(_ name: String, systemID: String?) throws
}

/// A streaming SAX2 parser over libxml2's push interface: memory stays bounded by
/// the handler, not by the input, and errors carry line and column.
///
/// Options are fixed for safety: `XML_PARSE_NONET`, no DTD loading, no entity
/// substitution, default size limits, no recovery. Internal entities declared in
/// the document's own DTD subset are expanded by libxml2 (with its amplification
/// checks); external ones never are.
final class SAXPushParser {
    private var context: xmlParserCtxtPtr?
    private let handler: SAXEventHandler
    private let fileName: String
    private var failure: Error?
    private var firstFatal: XMLIssue?
    /// Warnings and non-fatal errors libxml2 reported (namespace errors and the like).
    private(set) var issues: [XMLIssue] = []

    init(handler: SAXEventHandler, fileName: String) {
        LibXML.ensureInitialised()
        self.handler = handler
        self.fileName = fileName
    }

    deinit {
        if let ctxt = context {
            if let doc = ctxt.pointee.myDoc { xmlFreeDoc(doc) }
            ctxt.pointee.myDoc = nil
            xmlFreeParserCtxt(ctxt)
        }
    }

    /// The line and column libxml2 is at, for errors the handler raises.
    var location: SourceLocation? {
        guard let ctxt = context else { return nil }
        return SourceLocation(line: Int(xmlSAX2GetLineNumber(ctxt)), column: Int(xmlSAX2GetColumnNumber(ctxt)))
    }

    /// Parses the whole input chunk by chunk; throws the first fatal problem.
    func parse(_ input: InputSource, chunkSize: Int = 1 << 20) throws {
        var total = 0
        try input.forEachChunk(size: chunkSize) { chunk in
            guard chunk.count > 0, let base = chunk.baseAddress else { return }
            total += chunk.count
            try feed(base.assumingMemoryBound(to: CChar.self), count: chunk.count, terminate: false)
        }
        guard total > 0 else {
            throw CorpusError(.empty, "empty file: no XML document", file: fileName)
        }
        try feed(nil, count: 0, terminate: true)
    }

    private func feed(_ bytes: UnsafePointer<CChar>?, count: Int, terminate: Bool) throws {
        var bytes = bytes
        var count = count
        if context == nil {
            // The first bytes let libxml2 detect the encoding (BOM, UTF-16, declaration).
            let head = min(4, count)
            try createContext(bytes, head)
            bytes = bytes.map { $0 + head }
            count -= head
        }
        guard let ctxt = context else { return }
        var offset = 0
        repeat {
            let piece = min(count - offset, 1 << 24)
            let last = terminate && offset + piece >= count
            let status = xmlParseChunk(ctxt, bytes.map { $0 + offset }, Int32(piece), last ? 1 : 0)
            try checkFailure()
            if status != 0 { throw unreportedFailure(ctxt, status: status) }
            offset += piece
        } while offset < count
    }

    /// A parser failure that reached no callback (an input encoding conversion
    /// error, say): never silently treated as the end of the document.
    private func unreportedFailure(_ ctxt: xmlParserCtxtPtr, status: Int32) -> CorpusError {
        if let last = xmlCtxtGetLastError(ctxt), last.pointee.code != 0 {
            let issue = XMLIssue(last)
            let kind: CorpusError.Kind = issue.message.contains("ncod") ? .encoding : .syntax
            var error = issue.error(file: fileName, kind: kind)
            if error.location == nil { error.location = location }
            return error
        }
        if status == Int32(XML_ERR_INVALID_ENCODING.rawValue) {
            var declared = ""
            if let name = ctxt.pointee.encoding ?? ctxt.pointee.input?.pointee.encoding {
                declared = " '" + String(cString: UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)) + "'"
            }
            return CorpusError(
                .encoding, "the bytes here are not valid in the document's declared encoding\(declared)",
                file: fileName, location: location)
        }
        return CorpusError(.syntax, "the XML parser stopped (libxml2 error \(status))", file: fileName, location: location)
    }

    private func createContext(_ bytes: UnsafePointer<CChar>?, _ count: Int) throws {
        corpuskit_silenceGenericErrors()
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        // libxml2's own SAX2 handlers assume their user data is the parser context;
        // ours is this object, so the few needed for internal-subset entities go
        // through trampolines that pass the real context. Everything else a DTD
        // could do (attribute defaults, notations, external subsets) stays off.
        sax.startDocument = saxStartDocument
        sax.internalSubset = saxInternalSubset
        sax.entityDecl = saxEntityDecl
        sax.getEntity = saxGetEntity
        sax.getParameterEntity = saxGetParameterEntity
        sax.startElementNs = saxStartElement
        sax.endElementNs = saxEndElement
        sax.characters = saxCharacters
        sax.cdataBlock = saxCharacters
        sax.ignorableWhitespace = saxCharacters
        sax.reference = saxReference
        sax.serror = saxError
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let ctxt = xmlCreatePushParserCtxt(&sax, me, bytes, Int32(count), fileName) else {
            throw CorpusError(.io, "cannot create an XML parser (out of memory?)", file: fileName)
        }
        context = ctxt
        xmlCtxtUseOptions(ctxt, LibXML.safeParseOptions)
        try checkFailure()
    }

    private func checkFailure() throws {
        if let failure {
            if var e = failure as? CorpusError {
                if e.file == nil { e.file = fileName }
                throw e
            }
            throw failure
        }
        if let fatal = firstFatal {
            let kind: CorpusError.Kind =
                fatal.message.contains("ntity") && (fatal.message.contains("loop") || fatal.message.contains("amplification"))
                ? .unsafe : (fatal.message.contains("ncoding") || fatal.message.contains("UTF-8") ? .encoding : .syntax)
            throw fatal.error(file: fileName, kind: kind)
        }
    }

    // MARK: callbacks (called by the C trampolines below)

    fileprivate func stop(_ error: Error) {
        if failure == nil { failure = error }
        if let ctxt = context { xmlStopParser(ctxt) }
    }

    fileprivate var isStopped: Bool { failure != nil || firstFatal != nil }

    fileprivate func report(_ issue: XMLIssue) {
        if issue.code == XMLIssue.undeclaredEntityWarning { return }  // handled by the reference callback
        if issue.level == .warning {
            if issues.count < 100 { issues.append(issue) }
            return
        }
        // Any error (not only fatal ones) ends the parse: the input is not well-formed
        // or not namespace-well-formed, and the reader never guesses.
        if firstFatal == nil { firstFatal = issue }
        if let ctxt = context { xmlStopParser(ctxt) }
    }

    fileprivate func reference(_ name: String) {
        guard let ctxt = context else { return }
        if let entity = xmlGetDocEntity(ctxt.pointee.myDoc, name) {
            // Internal entities were already expanded through the callbacks.
            if entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY || entity.pointee.etype == XML_INTERNAL_PREDEFINED_ENTITY {
                return
            }
            let system = xmlStringCopy(entity.pointee.SystemID) ?? xmlStringCopy(entity.pointee.URI)
            do { try handler.unexpandedEntity(name, systemID: system ?? "") } catch { stop(error) }
        } else {
            do { try handler.unexpandedEntity(name, systemID: nil) } catch { stop(error) }
        }
    }

    fileprivate var eventHandler: SAXEventHandler { handler }
    fileprivate var parserContext: xmlParserCtxtPtr? { context }
}

@inline(__always)
private func parser(_ ctx: UnsafeMutableRawPointer?) -> SAXPushParser? {
    guard let ctx else { return nil }
    return Unmanaged<SAXPushParser>.fromOpaque(ctx).takeUnretainedValue()
}

@inline(__always)
private func namespaceKind(_ uri: UnsafePointer<UInt8>?) -> XMLNamespaceKind {
    guard let uri else { return .none }
    if xmlStringEquals(uri, "http://www.tei-c.org/ns/1.0") { return .tei }
    if xmlStringEquals(uri, "http://www.w3.org/2001/XInclude") || xmlStringEquals(uri, "http://www.w3.org/2003/XInclude") {
        return .xinclude
    }
    return .other
}

private let saxStartElement: startElementNsSAX2Func = { ctx, localname, _, uri, _, _, nbAttributes, _, attributes in
    guard let p = parser(ctx), !p.isStopped, let localname else { return }
    do {
        try p.eventHandler.startElement(
            String(cString: localname), namespace: namespaceKind(uri),
            attributes: XMLAttributes(base: attributes, count: Int(nbAttributes)))
    } catch { p.stop(error) }
}

private let saxEndElement: endElementNsSAX2Func = { ctx, localname, _, uri in
    guard let p = parser(ctx), !p.isStopped, let localname else { return }
    do { try p.eventHandler.endElement(String(cString: localname), namespace: namespaceKind(uri)) } catch { p.stop(error) }
}

private let saxCharacters: charactersSAXFunc = { ctx, ch, len in
    guard let p = parser(ctx), !p.isStopped, let ch, len > 0 else { return }
    do { try p.eventHandler.characters(UnsafeBufferPointer(start: ch, count: Int(len))) } catch { p.stop(error) }
}

private let saxReference: referenceSAXFunc = { ctx, name in
    guard let p = parser(ctx), !p.isStopped, let name else { return }
    p.reference(String(cString: name))
}

private let saxError: xmlStructuredErrorFunc = { ctx, error in
    guard let p = parser(ctx), let error else { return }
    var issue = XMLIssue(error)
    // Errors raised while libxml2 expands an entity come from an inner context whose
    // lines count from the entity text: report where the reference is instead.
    if let outer = p.parserContext, let inner = error.pointee.ctxt, inner != UnsafeMutableRawPointer(outer) {
        issue.line = Int(xmlSAX2GetLineNumber(outer))
        issue.column = Int(xmlSAX2GetColumnNumber(outer))
    }
    p.report(issue)
}

private let saxStartDocument: startDocumentSAXFunc = { ctx in
    guard let c = parser(ctx)?.parserContext else { return }
    xmlSAX2StartDocument(c)
}

private let saxInternalSubset: internalSubsetSAXFunc = { ctx, name, externalID, systemID in
    guard let c = parser(ctx)?.parserContext else { return }
    xmlSAX2InternalSubset(c, name, externalID, systemID)
}

private let saxEntityDecl: entityDeclSAXFunc = { ctx, name, type, publicID, systemID, content in
    guard let c = parser(ctx)?.parserContext else { return }
    xmlSAX2EntityDecl(c, name, type, publicID, systemID, content)
}

private let saxGetEntity: getEntitySAXFunc = { ctx, name in
    guard let c = parser(ctx)?.parserContext else { return nil }
    return xmlSAX2GetEntity(c, name)
}

private let saxGetParameterEntity: getParameterEntitySAXFunc = { ctx, name in
    guard let c = parser(ctx)?.parserContext else { return nil }
    return xmlSAX2GetParameterEntity(c, name)
}

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
    /// Whether the first fatal error came while libxml2 was told the input had ended.
    private var fatalAtEnd = false
    // Touched on every element from libxml2's callbacks on one thread: no dynamic exclusivity checks.
    @exclusivity(unchecked) private var terminating = false
    /// The elements open right now, with where their start tags begin.
    @exclusivity(unchecked) private var openElements: [OpenElement] = []
    @exclusivity(unchecked) private var sawElement = false
    /// Element names already made `String`s, by libxml2's interned name pointer.
    @exclusivity(unchecked) private var names = ElementNames()
    /// Element text fed to libxml2 as ASCII, restored in the text callback (nil: fed as it is).
    private let mask: CharacterDataMask?

    /// An element whose end tag has not come yet.
    struct OpenElement {
        var name: String
        var line: Int
        var column: Int?
    }
    /// Warnings and non-fatal errors libxml2 reported (namespace errors and the like).
    private(set) var issues: [XMLIssue] = []

    /// `masksText: false` feeds libxml2 the input exactly as read (tests compare both ways).
    init(handler: SAXEventHandler, fileName: String, masksText: Bool = true) {
        LibXML.ensureInitialised()
        self.handler = handler
        self.fileName = fileName
        mask = masksText ? CharacterDataMask() : nil
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
            guard chunk.count > 0 else { return }
            total += chunk.count
            if let mask {
                try mask.mask(chunk) { try feedMasked($0) }
            } else {
                try feedMasked(UnsafeBufferPointer(start: chunk.baseAddress?.assumingMemoryBound(to: UInt8.self), count: chunk.count))
            }
        }
        guard total > 0 else {
            throw CorpusError(.empty, "empty file: no XML document", file: fileName)
        }
        try mask?.finish { try feedMasked($0) }
        terminating = true
        try feed(nil, count: 0, terminate: true)
    }

    private func feedMasked(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        try base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            try feed($0, count: bytes.count, terminate: false)
        }
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
            var error = describe(XMLIssue(last), atEnd: terminating)
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
        sax.cdataBlock = saxCDATA  // CDATA sections are never masked
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
            throw describe(fatal, atEnd: fatalAtEnd)
        }
    }

    /// The error for libxml2's first fatal problem, said in the user's terms: a file
    /// that ends inside an element names it, a file with no element at all is "not XML".
    private func describe(_ issue: XMLIssue, atEnd: Bool) -> CorpusError {
        if atEnd, let open = openElements.last {
            var message = "unexpected end of file"
            if !issue.isDocumentEnd { message += " (\(issue.message))" }
            message += ": <\(open.name)> opened at \(open.line)"
            if let column = open.column { message += ":\(column)" }
            message += " is not closed"
            if openElements.count > 1 {
                let around = openElements.count - 1
                message += " (nor \(around == 1 ? "is the element" : "are the \(around) elements") around it)"
            }
            return issue.error(file: fileName, kind: .syntax, message: message)
        }
        if !sawElement && issue.isNoDocument {
            return issue.error(
                file: fileName, kind: .syntax,
                message: "not XML: the file does not start with an XML declaration or element (plain text? binary data?)")
        }
        if !sawElement && atEnd {
            var message = "unexpected end of file: no root element (not XML, or cut short)"
            if !issue.isDocumentEnd { message += " (\(issue.message))" }
            return issue.error(file: fileName, kind: .syntax, message: message)
        }
        return issue.error(file: fileName, kind: issue.kind)
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
        if firstFatal == nil {
            firstFatal = issue
            fatalAtEnd = terminating
        }
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

    /// Whether libxml2 is reporting a start tag the input ended inside of: told the
    /// input has ended, it reports a partial `<na` as an element `na` before its error.
    /// A complete start tag leaves the cursor on its `>` or `/>`.
    fileprivate var startTagIsCutShort: Bool {
        guard terminating, let ctxt = context, let cur = ctxt.pointee.input?.pointee.cur else { return false }
        return cur.pointee != UInt8(ascii: ">") && cur.pointee != UInt8(ascii: "/")
    }

    /// Records an element start; its start tag begins at the last `<` before libxml2's cursor.
    fileprivate func opened(_ name: String) {
        if !sawElement { sawElement = true }
        guard let ctxt = context else { return }
        let line = Int(xmlSAX2GetLineNumber(ctxt))
        let column = Int(xmlSAX2GetColumnNumber(ctxt))
        openElements.append(Self.startTag(name, ctxt.pointee.input, line: line, column: column))
    }

    fileprivate func closed() { _ = openElements.popLast() }

    /// Where the start tag that ends at the cursor of `input` (at `line`:`column`) begins:
    /// XML forbids a raw `<` inside a tag, so the tag starts at the last `<` before it.
    private static func startTag(_ name: String, _ input: xmlParserInputPtr?, line: Int, column: Int) -> OpenElement {
        guard let input, let cur = input.pointee.cur, let base = input.pointee.base, cur > base else {
            return OpenElement(name: name, line: line, column: column > 0 ? column : nil)
        }
        var p = cur
        var characters = 0
        var newlines = 0
        let floor = max(base, cur - (1 << 16))
        while p > floor {
            p -= 1
            let b = p.pointee
            if b == UInt8(ascii: "<") {
                if newlines == 0 { return OpenElement(name: name, line: line, column: max(1, column - characters - 1)) }
                // The tag spans lines: count the characters before `<` on its own line.
                var q = p
                var before = 0
                while q > base && (q - 1).pointee != 0x0A {
                    q -= 1
                    if q.pointee & 0xC0 != 0x80 { before += 1 }
                }
                let known = q == base ? nil : before + 1
                return OpenElement(name: name, line: line - newlines, column: known)
            }
            if b == 0x0A { newlines += 1 }
            if b & 0xC0 != 0x80 { characters += 1 }
        }
        return OpenElement(name: name, line: line, column: column > 0 ? column : nil)
    }

    /// The `String` for an element name libxml2 passed (built once per distinct name).
    fileprivate func elementName(_ localname: UnsafePointer<UInt8>) -> String { names.name(localname) }

    /// The real bytes of text libxml2 passed to a callback (see ``CharacterDataMask``);
    /// nil stops the parse with an error.
    @inline(__always)
    fileprivate func restoredText(_ ch: UnsafePointer<UInt8>, _ count: Int) -> UnsafeBufferPointer<UInt8>? {
        let text = UnsafeBufferPointer(start: ch, count: count)
        guard let mask, mask.isActive, let ctxt = context, ctxt.pointee.inputNr == 1, let input = ctxt.pointee.input,
            let base = input.pointee.base, let end = input.pointee.end, let cur = input.pointee.cur
        else { return text }
        let consumed = Int(input.pointee.consumed)
        if ch >= base && ch < end {
            // libxml2 passed text straight from its input buffer: its offset in the fed stream.
            return mask.restore(text, at: consumed + (ch - base))
        }
        // Text copied out of the buffer (libxml2's character-by-character path) ends where
        // the parser stands. Masked runs never take that path (they are plain ASCII up to a
        // `<`), but were one to, its bytes are one per character: find them by that end
        // rather than pass placeholders on. Unmasked text is returned as it is.
        return mask.restore(text, at: consumed + (cur - base) - count)
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
    if p.startTagIsCutShort { return }  // libxml2's own error about it follows
    let name = p.elementName(localname)
    p.opened(name)
    do {
        try p.eventHandler.startElement(
            name, namespace: namespaceKind(uri),
            attributes: XMLAttributes(base: attributes, count: Int(nbAttributes)))
    } catch { p.stop(error) }
}

private let saxEndElement: endElementNsSAX2Func = { ctx, localname, _, uri in
    guard let p = parser(ctx), !p.isStopped, let localname else { return }
    p.closed()
    do { try p.eventHandler.endElement(p.elementName(localname), namespace: namespaceKind(uri)) } catch { p.stop(error) }
}

private let saxCharacters: charactersSAXFunc = { ctx, ch, len in
    guard let p = parser(ctx), !p.isStopped, let ch, len > 0 else { return }
    guard let text = p.restoredText(ch, Int(len)) else {
        p.stop(CorpusError(.syntax, "internal error: the XML text at this point could not be mapped back to the input", location: p.location))
        return
    }
    do { try p.eventHandler.characters(text) } catch { p.stop(error) }
}

private let saxCDATA: cdataBlockSAXFunc = { ctx, ch, len in
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

/// Element names by the pointer libxml2 passes: it interns names in its dictionary,
/// so a tag's name is the same pointer every time and becomes a `String` once, not at
/// every start and end tag. A slot's bytes are checked too, so a pointer whose text
/// changed can never give the wrong name.
private struct ElementNames {
    private static let slots = 64
    private var pointers = [UnsafePointer<UInt8>?](repeating: nil, count: slots)
    private var strings = [String](repeating: "", count: slots)

    mutating func name(_ p: UnsafePointer<UInt8>) -> String {
        let slot = Int(truncatingIfNeeded: UInt(bitPattern: p) >> 3) & (Self.slots - 1)
        if pointers[slot] == p {
            var cached = strings[slot]
            let same = cached.withUTF8 { bytes -> Bool in
                // Stops at the first difference, so never reads past `p`'s terminating NUL.
                for (i, b) in bytes.enumerated() where p[i] != b { return false }
                return p[bytes.count] == 0
            }
            if same { return cached }
        }
        let name = String(cString: p)
        pointers[slot] = p
        strings[slot] = name
        return name
    }
}

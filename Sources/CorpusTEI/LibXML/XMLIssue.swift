internal import CLibXML2
import CorpusModel

/// One message libxml2 reported, copied out of its callback (the C strings die after it).
struct XMLIssue: Sendable, Equatable {
    enum Level: Int, Sendable, Comparable {
        case warning = 1, error = 2, fatal = 3
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    var level: Level
    /// libxml2's error code (`xmlParserErrors`): what the error is, never read from its text.
    var code: Int
    /// libxml2's error domain (`xmlErrorDomain`): which part of libxml2 raised it.
    var domain: Int = 0
    /// Whether libxml2 attached the offending bytes (it does for input that is not UTF-8).
    var quotesBytes = false
    var message: String
    var line: Int
    var column: Int

    /// The issue as a diagnostic about `file`.
    func diagnostic(file: String) -> Diagnostic {
        Diagnostic(
            severity: level == .warning ? .warning : .error, message: message, file: file,
            location: line > 0 ? SourceLocation(line: line, column: column > 0 ? column : nil) : nil)
    }

    /// The issue as an error about `file`, of kind `kind`, with libxml2's message or `message`.
    func error(file: String, kind: CorpusError.Kind = .syntax, message: String? = nil) -> CorpusError {
        CorpusError(
            kind, message ?? self.message, file: file,
            location: line > 0 ? SourceLocation(line: line, column: column > 0 ? column : nil) : nil)
    }

    /// Copies a libxml2 error record.
    init(_ e: UnsafePointer<xmlError>) {
        let raw = e.pointee.level.rawValue
        level = raw >= XML_ERR_FATAL.rawValue ? .fatal : raw >= XML_ERR_ERROR.rawValue ? .error : .warning
        code = Int(e.pointee.code)
        domain = Int(e.pointee.domain)
        quotesBytes = e.pointee.str1 != nil
        var text = e.pointee.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while let last = text.last, last == "\n" || last == " " { text.removeLast() }
        message = text
        line = Int(e.pointee.line)
        column = Int(e.pointee.int2)
    }

    init(level: Level, code: Int = 0, message: String, line: Int, column: Int) {
        self.level = level
        self.code = code
        self.message = message
        self.line = line
        self.column = column
    }

    /// libxml2's code for an entity referenced but declared only where it is not read.
    static let undeclaredEntityWarning = Int(XML_WAR_UNDECLARED_ENTITY.rawValue)

    /// The kind of ``CorpusError`` this is, decided by libxml2's code and domain
    /// (its English messages change between versions and are never matched).
    var kind: CorpusError.Kind {
        if Self.unsafeCodes.contains(code) { return .unsafe }
        if domain == Int(XML_FROM_I18N.rawValue) || Self.encodingCodes.contains(code) { return .encoding }
        if domain == Int(XML_FROM_IO.rawValue) && code == Int(XML_IO_ENCODER.rawValue) { return .encoding }
        // XML_ERR_INVALID_CHAR is both "not UTF-8" (libxml2 then quotes the bytes) and a
        // forbidden character such as U+0001 in well-encoded text (it quotes the value).
        if code == Int(XML_ERR_INVALID_CHAR.rawValue) && quotesBytes { return .encoding }
        return .syntax
    }

    /// Entity loops and entity amplification (billion laughs) are refused for safety.
    private static let unsafeCodes: Set<Int> = [Int(XML_ERR_ENTITY_LOOP.rawValue)]

    private static let encodingCodes: Set<Int> = [
        Int(XML_ERR_UNKNOWN_ENCODING.rawValue), Int(XML_ERR_UNSUPPORTED_ENCODING.rawValue),
        Int(XML_ERR_ENCODING_NAME.rawValue), Int(XML_ERR_INVALID_ENCODING.rawValue),
    ]

    /// The document ended before it was complete (libxml2's "Extra content at the end").
    var isDocumentEnd: Bool { code == Int(XML_ERR_DOCUMENT_END.rawValue) }

    /// No root element at the start: not XML at all (plain text, binary data).
    var isNoDocument: Bool {
        code == Int(XML_ERR_DOCUMENT_EMPTY.rawValue) || code == Int(XML_ERR_DOCUMENT_START.rawValue)
    }
}

/// Collects libxml2 messages for one operation (schema compile, validation, tree parse).
final class XMLIssueCollector {
    private(set) var issues: [XMLIssue] = []
    /// Keeps memory bounded on documents with millions of errors.
    let limit: Int

    init(limit: Int = 1000) { self.limit = limit }

    func add(_ issue: XMLIssue) {
        if issues.count < limit { issues.append(issue) }
    }

    /// The opaque pointer passed to libxml2 as callback user data; valid while `self` lives.
    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// The structured-error callback that feeds a collector given as user data.
    static let callback: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        let collector = Unmanaged<XMLIssueCollector>.fromOpaque(userData).takeUnretainedValue()
        collector.add(XMLIssue(error))
    }

    /// Runs `body` with this collector as the calling thread's global structured
    /// error handler (libxml2 keeps it per thread), restoring "none" afterwards.
    func capturingThreadErrors<T>(_ body: () throws -> T) rethrows -> T {
        xmlSetStructuredErrorFunc(opaque, XMLIssueCollector.callback)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return try body()
    }
}

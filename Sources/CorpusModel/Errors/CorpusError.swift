/// The one error type of CorpusKit: what went wrong, in which file, where.
///
/// Its description is the compiler-style line the CLI prints:
/// `path:line:col: error: message`.
public struct CorpusError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// Bytes that are not valid in the declared or detected encoding.
        case encoding
        /// Input that does not follow its format's syntax (broken XML, bad JSON, ragged CSV).
        case syntax
        /// Input that parses but does not fit the model (wrong version, missing column).
        case structure
        /// An empty input where content is required.
        case empty
        /// Input refused for safety (entity bombs, external entities).
        case unsafe
        /// A format, option or argument the user got wrong.
        case usage
        /// Input that fails validation.
        case invalid
        /// The file system or a stream failed.
        case io
    }

    public var kind: Kind
    public var message: String
    /// The input or output the error is about (`-` or `<stdin>` for streams).
    public var file: String?
    public var location: SourceLocation?

    public init(_ kind: Kind, _ message: String, file: String? = nil, location: SourceLocation? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.location = location
    }

    /// The same error, naming `file` if it named none yet.
    public func naming(_ file: String) -> CorpusError {
        var e = self
        if e.file == nil { e.file = file }
        return e
    }

    public var description: String {
        Diagnostic(severity: .error, message: message, file: file, location: location).description
    }
}

/// Where in an input something is: line and column (1-based) and/or byte offset (0-based).
public struct SourceLocation: Sendable, Equatable, Hashable {
    public var line: Int?
    public var column: Int?
    public var byteOffset: Int?

    public init(line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil) {
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }

    /// Line and column of byte `offset` in `bytes` (columns count characters, not bytes).
    public static func of(byteOffset offset: Int, in bytes: some Collection<UInt8>) -> SourceLocation {
        var line = 1
        var column = 1
        var index = 0
        for b in bytes {
            if index >= offset { break }
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourceLocation(line: line, column: column, byteOffset: offset)
    }
}

/// One message about an input: an error, a warning or a note, with its place.
public struct Diagnostic: Sendable, Equatable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Equatable, Hashable { case error, warning, note }

    public var severity: Severity
    public var message: String
    public var file: String?
    public var location: SourceLocation?

    public init(severity: Severity, message: String, file: String? = nil, location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.file = file
        self.location = location
    }

    /// `path:line:col: severity: message`, or `path: severity: message (byte N)`.
    public var description: String {
        var prefix = file ?? ""
        var suffix = ""
        if let loc = location {
            if let line = loc.line {
                prefix += ":\(line)"
                if let col = loc.column { prefix += ":\(col)" }
            } else if let offset = loc.byteOffset {
                suffix = " (at byte \(offset))"
            }
        }
        let head = prefix.isEmpty ? "" : prefix + ": "
        return "\(head)\(severity.rawValue): \(message)\(suffix)"
    }
}

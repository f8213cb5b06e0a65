#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where readers and transforms send warnings (`path:line:col: warning: …`):
/// things they worked around, such as a TEI `body` outside `text` or XIncludes
/// left unresolved, which the user should still hear about.
///
/// A handler may throw: the reader then stops with that error, which is how a
/// caller makes warnings fatal (a `--strict` mode). Handlers run on the thread
/// that reads, so they must be `Sendable`.
public struct WarningHandler: Sendable {
    private let body: @Sendable (Diagnostic) throws -> Void

    /// A handler that calls `body` for each warning.
    public init(_ body: @escaping @Sendable (Diagnostic) throws -> Void) { self.body = body }

    /// Reports one warning; rethrows what the handler throws.
    public func report(_ diagnostic: Diagnostic) throws { try body(diagnostic) }

    /// Prints each warning as one line on stderr: the default when no handler is set.
    public static let standardError = WarningHandler { diagnostic in
        var line = diagnostic.description + "\n"
        line.withUTF8 { buffer in _ = write(2, buffer.baseAddress, buffer.count) }
    }

    /// Turns every warning into a ``CorpusError`` of kind `kind`, for strict runs.
    public static func fatal(_ kind: CorpusError.Kind = .invalid) -> WarningHandler {
        WarningHandler { diagnostic in
            throw CorpusError(kind, diagnostic.message, file: diagnostic.file, location: diagnostic.location)
        }
    }
}

extension FormatOptions {
    /// Sends a warning to ``onWarning`` (stderr when none is set); throws when
    /// the handler makes warnings fatal.
    public func warn(_ diagnostic: Diagnostic) throws {
        var d = diagnostic
        d.severity = .warning
        try (onWarning ?? .standardError).report(d)
    }
}

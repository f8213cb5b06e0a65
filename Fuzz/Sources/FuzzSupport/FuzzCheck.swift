import CorpusKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The name every fuzz input gets; errors must name it.
public let fuzzInputName = "fuzz"

/// The checks that turn a misbehaving reader into a libFuzzer finding.
///
/// A ``CorpusError`` is the correct answer to bad input. Anything else thrown
/// (a `DecodingError`, a Foundation error leaking through) breaks the promise
/// that callers only ever see `CorpusError`, so it aborts; libFuzzer then saves
/// the input as a crash. Broken invariants abort the same way.
public enum FuzzCheck {
    /// Runs `body`; returns its result, or nil when it threw a `CorpusError`.
    /// Any other error aborts with `what` and the error in the message.
    @discardableResult
    public static func expectingCorpusErrors<T>(_ what: String, _ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch let error as CorpusError {
            checkNamed(error, what)
            return nil
        } catch {
            fail("\(what): threw \(type(of: error)), not CorpusError: \(error)")
        }
    }

    /// A reader's error must name the input (the product standard: file and place).
    static func checkNamed(_ error: CorpusError, _ what: String) {
        guard error.file == fuzzInputName else {
            fail("\(what): CorpusError does not name the input '\(fuzzInputName)': \(error)")
        }
    }

    /// Aborts unless `condition` holds; the message says which invariant broke.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fail(message()) }
    }

    /// Prints `message` to stderr and aborts, so libFuzzer records a finding.
    public static func fail(_ message: String) -> Never {
        var line = "FUZZ FINDING: " + message + "\n"
        line.withUTF8 { buffer in _ = write(2, buffer.baseAddress, buffer.count) }
        abort()
    }
}

/// Collects a reader's events into documents and checks the stream's shape:
/// blocks only inside a document, documents closed before the next opens.
public final class CheckingCollector: CorpusEventSink {
    public private(set) var documents: [Document] = []
    private var current: Document?
    private let what: String
    /// Set by the caller once the reader has returned; before that, `finish()` is a reader's bug.
    public var finishAllowed = false
    public private(set) var finished = false

    public init(_ what: String) { self.what = what }

    public func receive(_ event: CorpusEvent) throws {
        switch event {
        case .startDocument(let start):
            FuzzCheck.require(current == nil, "\(what): startDocument while document '\(current?.id ?? "")' is open")
            current = Document(id: start.id, metadata: start.metadata)
        case .block(let block):
            FuzzCheck.require(current != nil, "\(what): block '\(block.id)' outside a document")
            current?.blocks.append(block)
        case .endDocument:
            FuzzCheck.require(current != nil, "\(what): endDocument without startDocument")
            if let open = current { documents.append(open) }
            current = nil
        }
    }

    public func finish() throws {
        FuzzCheck.require(finishAllowed, "\(what): a reader called finish() on its sink")
        FuzzCheck.require(!finished, "\(what): finish() reached the end of the chain twice")
        finished = true
    }

    /// Whether every started document was ended.
    public var isClosed: Bool { current == nil }
}

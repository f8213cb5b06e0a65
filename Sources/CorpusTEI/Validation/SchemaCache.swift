import CorpusModel
import Foundation

/// Compiles each schema once per process and shares it across files and threads;
/// a compile that takes longer than the caller's deadline keeps running in the
/// background (libxml2 cannot be interrupted) and later callers pick it up.
final class SchemaCache: @unchecked Sendable {
    static let shared = SchemaCache()

    enum Outcome {
        case compiled(CompiledSchema)
        /// Still compiling when the deadline passed.
        case timedOut
    }

    private final class Entry: @unchecked Sendable {
        var result: Result<CompiledSchema, CorpusError>?
    }

    private let condition = ConditionLock()
    private var entries: [String: Entry] = [:]
    /// How many compiles were started (tests check that a batch compiles once).
    private var compileCount = 0

    /// The compiled schema for `path`, waiting at most `timeout` seconds for a compile.
    func schema(at path: String, kind: CompiledSchema.Kind, timeout: Double) throws -> Outcome {
        condition.lock()
        defer { condition.unlock() }
        let entry: Entry
        if let existing = entries[path] {
            entry = existing
        } else {
            entry = Entry()
            entries[path] = entry
            compileCount += 1
            let thread = Thread { [condition] in
                let result: Result<CompiledSchema, CorpusError>
                do {
                    result = .success(try CompiledSchema.compile(path, kind: kind))
                } catch let error as CorpusError {
                    result = .failure(error)
                } catch {
                    result = .failure(CorpusError(.usage, "cannot compile schema: \(error)", file: path))
                }
                condition.lock()
                entry.result = result
                condition.broadcast()
                condition.unlock()
            }
            thread.stackSize = 16 << 20  // schema compilation recurses deeply
            thread.start()
        }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while entry.result == nil && timeout > 0 {
            if !condition.wait(seconds: deadline.timeIntervalSinceNow) { break }
        }
        switch entry.result {
        case .success(let schema)?: return .compiled(schema)
        case .failure(let error)?: throw error
        case nil: return .timedOut
        }
    }

    var compiles: Int {
        condition.lock()
        defer { condition.unlock() }
        return compileCount
    }
}

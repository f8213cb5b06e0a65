import CorpusModel
import Foundation

/// Compiles each schema once per process and shares it across files and threads;
/// a compile that takes longer than the caller's deadline keeps running in the
/// background (libxml2 cannot be interrupted) and later callers pick it up.
///
/// A RELAX NG schema may be compiled for the element names the files use
/// (``RelaxNGPruning``): a compile serves every later file whose names it covers,
/// and a file with a new name gets a compile for all the names seen so far, so a
/// batch converges on one compile after its first few files.
final class SchemaCache: @unchecked Sendable {
    static let shared = SchemaCache()

    enum Outcome {
        case compiled(CompiledSchema)
        /// Still compiling when the deadline passed.
        case timedOut
    }

    private final class Entry: @unchecked Sendable {
        /// The element names the compile keeps; nil for the whole schema.
        let names: Set<String>?
        var result: Result<CompiledSchema, CorpusError>?
        init(names: Set<String>?) { self.names = names }

        func covers(_ wanted: Set<String>?) -> Bool {
            guard let names else { return true }
            guard let wanted else { return false }
            return wanted.isSubset(of: names)
        }
    }

    private let condition = ConditionLock()
    private var entries: [String: [Entry]] = [:]
    /// How many compiles were started (tests check that a batch compiles once).
    private var compileCount = 0

    /// The compiled schema for `path`, waiting at most `timeout` seconds for a compile.
    /// `names`: the element names the document uses, for a RELAX NG schema cut down to
    /// them; nil for the whole schema.
    func schema(at path: String, kind: CompiledSchema.Kind, names: Set<String>? = nil, timeout: Double) throws -> Outcome {
        condition.lock()
        defer { condition.unlock() }
        let known = entries[path, default: []]
        let entry: Entry
        // A finished compile that covers the names, else one still running.
        if let existing = known.first(where: { $0.covers(names) && $0.result != nil }) ?? known.first(where: { $0.covers(names) }) {
            entry = existing
        } else {
            let union = names.map { wanted in known.reduce(into: wanted) { all, e in all.formUnion(e.names ?? []) } }
            entry = Entry(names: union)
            entries[path, default: []].append(entry)
            compileCount += 1
            let thread = Thread { [condition] in
                let result: Result<CompiledSchema, CorpusError>
                do {
                    result = .success(try CompiledSchema.compile(path, kind: kind, keeping: union))
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

    /// How many compiles were started for the schema at `path`.
    func compiles(of path: String) -> Int {
        condition.lock()
        defer { condition.unlock() }
        return entries[path]?.count ?? 0
    }

    var compiles: Int {
        condition.lock()
        defer { condition.unlock() }
        return compileCount
    }
}

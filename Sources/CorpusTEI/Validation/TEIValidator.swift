import CorpusModel
import Foundation

/// Checks TEI files and says what is wrong where: well-formedness, the TEI
/// structure rules CorpusKit's writer guarantees, and optionally a schema.
///
/// Options:
/// - `schema`: a `.rng`, `.xsd` or `.dtd` path, or `tei_all` for the bundled TEI P5
///   `tei_all.rng` (4.12.0). Compiles are shared by all files and threads of a process
///   (whole, libxml2 needs ~5 s for tei_all and never finishes some schemas, such as
///   TEI Simple; see `prune`).
/// - `schema-timeout`: seconds to wait for libxml2 to compile a schema (default 60);
///   past it the validator falls back to `jing` when installed (the compile goes on
///   in the background and later files use it), else reports an error.
/// - `validator`: `auto` (default: libxml2, jing as the fallback), `libxml2`, or
///   `jing` (RELAX NG only; jing's messages say what was expected where).
/// - `rules`: `true` (default) or `false` to skip the structure rules.
/// - `prune`: `true` (default) compiles a RELAX NG schema only for the elements the
///   file uses (``RelaxNGPruning``: same verdicts; tei_all in ~0.05 s instead of ~5 s,
///   and TEI Simple at all); `false` compiles the whole schema.
///
/// Messages render as `path:line:col: error: …`.
public struct TEIValidator: CorpusValidator {
    /// A validator with no state; compiled schemas are shared process-wide.
    public init() {}

    /// `tei`.
    public var formatName: String { "tei" }

    /// Every problem found in `input` (empty when valid); throws only when the check
    /// cannot run (unreadable file, unusable schema, no way to compile it in time).
    public func validate(_ input: InputSource, options: FormatOptions) throws -> [Diagnostic] {
        let validator = try options.choice("validator", ["auto", "libxml2", "jing"], default: "auto")
        let timeout = Double(try options.integer("schema-timeout", default: 60))
        let rules = try options.choice("rules", ["true", "false"], default: "true") == "true"
        let prune = try options.boolean("prune", default: true)

        let (structure, wellFormed) = try checkStructure(input, rules: rules)
        var diagnostics = structure
        if !wellFormed { return diagnostics }
        guard let schemaOption = options["schema"] else { return diagnostics }
        let schemaPath = try Self.resolveSchema(schemaOption)
        diagnostics += try validate(input, schema: schemaPath, validator: validator, timeout: timeout, prune: prune)
        return diagnostics
    }

    /// The schema file option `schema` names: the bundled `tei_all.rng`, or the path as
    /// given when it is a readable `.rng`, `.xsd`, `.dtd` (or `.rnc`, for jing) file;
    /// a `.usage` error naming the schema otherwise. Callers check it before any input.
    public static func resolveSchema(_ option: String) throws -> String {
        if option == "tei_all" || option == "tei-all" {
            return try BundledSchema.teiAllPath()
        }
        guard FileManager.default.isReadableFile(atPath: option) else {
            throw CorpusError(.usage, "schema '\(option)' not found or not readable (give a .rng, .xsd or .dtd path, or tei_all)")
        }
        guard CompiledSchema.kind(ofPath: option) != nil || option.lowercased().hasSuffix(".rnc") else {
            throw CorpusError(.usage, "schema '\(option)': expected a .rng, .xsd or .dtd file (or .rnc with jing), or tei_all")
        }
        return option
    }

    /// The structure rules' findings, and whether the input is well-formed XML at all.
    private func checkStructure(_ input: InputSource, rules: Bool) throws -> ([Diagnostic], wellFormed: Bool) {
        let checker = TEIStructureChecker(fileName: input.name)
        let parser = SAXPushParser(handler: checker, fileName: input.name)
        checker.locate = { [unowned parser] in parser.location }
        do {
            try parser.parse(input)
        } catch let error as CorpusError where error.kind != .io {
            var d = Diagnostic(severity: .error, message: "not well-formed: \(error.message)", file: input.name, location: error.location)
            if error.kind == .unsafe || error.kind == .structure { d.message = error.message }
            return ((rules ? checker.diagnostics : []) + [d], false)
        }
        let warnings = parser.issues.map { $0.diagnostic(file: input.name) }
        return ((rules ? checker.diagnostics : checker.diagnostics.filter { $0.severity == .warning }) + warnings, true)
    }

    private func validate(_ input: InputSource, schema: String, validator: String, timeout: Double, prune: Bool) throws -> [Diagnostic] {
        let jing = JingRunner.executable
        if validator == "jing" {
            guard let jing else { throw CorpusError(.usage, "validator=jing but jing is not on PATH (apt-get install jing)") }
            return try JingRunner.validate(input, schema: schema, jing: jing)
        }
        guard let kind = CompiledSchema.kind(ofPath: schema) else {
            if schema.lowercased().hasSuffix(".rnc"), let jing { return try JingRunner.validate(input, schema: schema, jing: jing) }
            throw CorpusError(.usage, "schema '\(schema)': expected a .rng, .xsd or .dtd file")
        }
        let (tree, parseIssues) = try XMLDocumentTree.parse(input)
        guard let tree else { return parseIssues.map { $0.diagnostic(file: input.name) } }
        let names = kind == .relaxNG && prune ? RelaxNGPruning.elementNames(of: tree) : nil
        let outcome: SchemaCache.Outcome
        do {
            outcome = try SchemaCache.shared.schema(at: schema, kind: kind, names: names, timeout: timeout)
        } catch is CorpusError where names != nil {
            // The cut-down schema did not compile (libxml2 may reject what pruning left,
            // such as a start with nothing allowed): the whole schema decides.
            outcome = try SchemaCache.shared.schema(at: schema, kind: kind, timeout: timeout)
        }
        switch outcome {
        case .compiled(let compiled):
            return compiled.validate(tree).map { $0.diagnostic(file: input.name) }
        case .timedOut:
            if validator == "auto", kind == .relaxNG, let jing {
                return try JingRunner.validate(input, schema: schema, jing: jing)
            }
            throw CorpusError(
                .usage,
                "libxml2 did not finish compiling \(schema) within \(Int(timeout)) s; install jing (used automatically) or raise schema-timeout",
                file: input.name)
        }
    }
}

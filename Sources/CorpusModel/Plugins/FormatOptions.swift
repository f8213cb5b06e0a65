/// Options for readers, writers and transforms, by name (`layout`, `lang`, `columns`…).
///
/// One bag for all plugins keeps the CLI and the library in step: the CLI
/// maps `--layout X` to `options["layout"] = "X"`, a library user sets the
/// same key. Each plugin documents the keys it reads and rejects bad values
/// with a `.usage` ``CorpusError``.
public struct FormatOptions: Sendable, Equatable {
    public var values: [String: String]
    /// Where plugins send warnings (see ``warn(_:)``); nil prints them on stderr.
    /// Not part of equality: two bags with the same values are the same options.
    public var onWarning: WarningHandler?

    public init(_ values: [String: String] = [:]) { self.values = values }

    /// Options whose plugins report warnings to `onWarning`.
    public init(_ values: [String: String], onWarning: WarningHandler?) {
        self.values = values
        self.onWarning = onWarning
    }

    /// Equal when the values are equal (the warning handler is not compared).
    public static func == (a: FormatOptions, b: FormatOptions) -> Bool { a.values == b.values }

    public subscript(key: String) -> String? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// A boolean option: `true`/`yes`/`1` or a present key with an empty value.
    public func flag(_ key: String) -> Bool {
        guard let v = values[key]?.lowercased() else { return false }
        return v.isEmpty || v == "true" || v == "yes" || v == "1"
    }

    /// A yes/no option with a default: `true`/`yes`/`1`/empty or `false`/`no`/`0`;
    /// a `.usage` error for anything else.
    public func boolean(_ key: String, default def: Bool) throws -> Bool {
        guard let v = values[key]?.lowercased() else { return def }
        switch v {
        case "", "true", "yes", "1": return true
        case "false", "no", "0": return false
        default: throw CorpusError(.usage, "option '\(key)' must be true or false, got '\(v)'")
        }
    }

    /// An integer option, or `default` when absent; a `.usage` error when not a number.
    public func integer(_ key: String, default def: Int) throws -> Int {
        guard let v = values[key] else { return def }
        guard let n = Int(v) else {
            throw CorpusError(.usage, "option '\(key)' expects a number, got '\(v)'")
        }
        return n
    }

    /// A choice among `allowed`, or `default` when absent; a `.usage` error otherwise.
    public func choice(_ key: String, _ allowed: [String], default def: String) throws -> String {
        guard let v = values[key] else { return def }
        guard allowed.contains(v) else {
            throw CorpusError(.usage, "option '\(key)' must be one of \(allowed.joined(separator: ", ")), got '\(v)'")
        }
        return v
    }
}

extension FormatOptions: ExpressibleByDictionaryLiteral {
    /// `["layout": "tabbed", "lang": "kk"]`; a later duplicate key wins.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

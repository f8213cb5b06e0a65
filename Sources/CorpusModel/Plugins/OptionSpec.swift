/// One option a plugin reads from ``FormatOptions``: its key, what values it
/// takes, its default and what it means.
///
/// Plugins declare their options so that the CLI can check every value
/// before any work starts (a typo fails at once, with the allowed values and
/// the nearest known key), and `corpuskit formats NAME` can list them.
public struct OptionSpec: Sendable {
    /// The values an option takes.
    public enum Values: Sendable {
        /// `true`/`false` (also `yes`/`no`, `1`/`0`, or empty for true).
        case flag
        /// One of these words.
        case choice([String])
        /// A whole number in this range.
        case integer(ClosedRange<Int>)
        /// Free text, checked by a function that returns the problem, or nil when the value is fine.
        case text(check: @Sendable (String) -> String?)
    }

    public var key: String
    public var values: Values
    /// The value used when the option is absent, as the user would write it.
    public var defaultValue: String?
    /// One line for help texts.
    public var help: String

    public init(_ key: String, _ values: Values, default defaultValue: String? = nil, help: String) {
        self.key = key
        self.values = values
        self.defaultValue = defaultValue
        self.help = help
    }

    /// What is wrong with `value`, or nil when it is allowed.
    public func problem(with value: String) -> String? {
        switch values {
        case .flag:
            return ["", "true", "false", "yes", "no", "1", "0"].contains(value.lowercased())
                ? nil : "expects true or false"
        case .choice(let allowed):
            return allowed.contains(value) ? nil : "must be one of: " + allowed.joined(separator: ", ")
        case .integer(let range):
            guard let n = Int(value) else { return "expects a whole number" }
            return range.contains(n) ? nil : "must be between \(range.lowerBound) and \(range.upperBound)"
        case .text(let check):
            return check(value)
        }
    }

    /// The allowed values in words, for `corpuskit formats NAME`.
    public var valuesDescription: String {
        switch values {
        case .flag: "true|false"
        case .choice(let allowed): allowed.joined(separator: "|")
        case .integer(let range): range.upperBound == Int.max ? "≥ \(range.lowerBound)" : "\(range.lowerBound)…\(range.upperBound)"
        case .text: "text"
        }
    }
}

/// Something that declares the options it reads.
public protocol OptionDeclaring {
    /// The options this plugin reads; every key it looks up is listed here.
    var optionSpecs: [OptionSpec] { get }
}

extension FormatOptions {
    /// Checks every key against `specs`: an unknown key or a bad value is a
    /// `.usage` error naming the allowed values, or the nearest known key.
    public func check(against specs: [OptionSpec]) throws {
        let byKey = Dictionary(specs.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let spec = byKey[key] else {
                let nearest = OptionSpec.nearest(to: key, among: Array(byKey.keys))
                throw CorpusError(.usage, "unknown option '\(key)'" + (nearest.map { "; did you mean '\($0)'?" } ?? "")
                    + " ('corpuskit formats NAME' lists each format's options)")
            }
            if let problem = spec.problem(with: value) {
                throw CorpusError(.usage, "option '\(key)' \(problem); got '\(value)'")
            }
        }
    }
}

extension OptionSpec {
    /// The known key closest to `key` by edit distance, when it is close enough to be a typo.
    public static func nearest(to key: String, among keys: [String]) -> String? {
        var best: (String, Int)?
        for candidate in keys.sorted() {
            let d = editDistance(Array(key), Array(candidate))
            if d <= max(2, key.count / 3), best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

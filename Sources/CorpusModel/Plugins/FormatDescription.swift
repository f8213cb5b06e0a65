/// What a format is, for the registry, `corpuskit formats` and file-name lookup.
public struct FormatDescription: Sendable, Equatable, Hashable {
    /// The name used on the command line (`--to tei`), lower case.
    public var name: String
    /// Other accepted names (`xml` for TEI, `txt` for text).
    public var aliases: [String]
    /// File extensions without the dot, lower case; the first is used for output names.
    public var extensions: [String]
    /// IANA media type.
    public var mediaType: String
    /// One line for `corpuskit formats`.
    public var summary: String

    public init(name: String, aliases: [String] = [], extensions: [String], mediaType: String, summary: String) {
        self.name = name
        self.aliases = aliases
        self.extensions = extensions
        self.mediaType = mediaType
        self.summary = summary
    }

    /// Whether `name` is this format's name or one of its aliases (case-insensitive).
    public func answers(to name: String) -> Bool {
        let n = name.lowercased()
        return n == self.name || aliases.contains(n)
    }
}

/// What a stream carries beyond blocks of text; the planner matches a writer's
/// requirements with readers' and transforms' capabilities.
public struct Capabilities: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Every block holds sentences.
    public static let sentences = Capabilities(rawValue: 1 << 0)
    /// Every sentence holds tokens.
    public static let tokens = Capabilities(rawValue: 1 << 1)

    public var description: String {
        var parts: [String] = []
        if contains(.sentences) { parts.append("sentences") }
        if contains(.tokens) { parts.append("tokens") }
        return parts.isEmpty ? "blocks" : parts.joined(separator: "+")
    }
}

/// How sure a reader is that a byte prefix is its format.
public enum SniffResult: Int, Sendable, Comparable {
    case no = 0, possible = 1, likely = 2, certain = 3
    public static func < (a: SniffResult, b: SniffResult) -> Bool { a.rawValue < b.rawValue }
}

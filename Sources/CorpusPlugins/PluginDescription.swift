import CorpusModel
import Foundation

/// What a plugin says about itself in answer to `corpuskit-NAME --describe`:
/// one JSON object, documented in `schema/plugin-describe.schema.json`.
///
/// ```json
/// {"protocol": 1, "kind": "writer", "name": "md", "summary": "Markdown reading view",
///  "extensions": ["md"], "media_type": "text/markdown", "requires": ["sentences"],
///  "options": [{"name": "title", "help": "heading for the page", "default": "Corpus"}]}
/// ```
public struct PluginDescription: Sendable, Equatable, Decodable {
    /// The protocol versions this build speaks.
    public static let supportedProtocols = [1]

    /// What a plugin does with the stream.
    public enum Kind: String, Sendable, Decodable, CaseIterable {
        /// Bytes of its format → JSON Lines documents.
        case reader
        /// JSON Lines documents → bytes of its format.
        case writer
        /// JSON Lines documents → JSON Lines documents.
        case transform
    }

    /// One option the plugin reads from `CORPUSKIT_OPTIONS`.
    public struct Option: Sendable, Equatable, Decodable {
        public var name: String
        public var help: String
        /// The value used when the user gives none; absent means "not set".
        public var defaultValue: String?

        private enum CodingKeys: String, CodingKey { case name, help, defaultValue = "default" }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            help = try c.decodeIfPresent(String.self, forKey: .help) ?? ""
            // A default may be written as a string, a number or a boolean; plugins receive strings.
            if let s = try? c.decodeIfPresent(String.self, forKey: .defaultValue) {
                defaultValue = s
            } else if let b = try? c.decodeIfPresent(Bool.self, forKey: .defaultValue) {
                defaultValue = b ? "true" : "false"
            } else if let i = try? c.decodeIfPresent(Int.self, forKey: .defaultValue) {
                defaultValue = String(i)
            } else if let d = try? c.decodeIfPresent(Double.self, forKey: .defaultValue) {
                defaultValue = String(d)
            } else {
                defaultValue = nil
            }
        }
    }

    /// How to recognise the format from its first bytes (readers only).
    public struct Sniff: Sendable, Equatable, Decodable {
        /// The input (after a BOM and leading whitespace) starts with one of these: likely this format.
        public var startsWith: [String]
        /// The first 4 KiB contain one of these: possibly this format.
        public var contains: [String]

        private enum CodingKeys: String, CodingKey { case startsWith = "starts_with", contains }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            startsWith = try c.decodeIfPresent([String].self, forKey: .startsWith) ?? []
            contains = try c.decodeIfPresent([String].self, forKey: .contains) ?? []
        }
    }

    public var protocolVersion: Int
    public var kind: Kind
    public var name: String
    public var summary: String
    public var aliases: [String]
    public var extensions: [String]
    public var mediaType: String
    public var sniff: Sniff?
    public var provides: Capabilities
    public var requires: Capabilities
    public var options: [Option]

    private enum CodingKeys: String, CodingKey {
        case protocolVersion = "protocol", kind, name, summary, aliases, extensions
        case mediaType = "media_type", sniff, provides, requires, options
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        protocolVersion = try c.decode(Int.self, forKey: .protocolVersion)
        kind = try c.decode(Kind.self, forKey: .kind)
        name = try c.decode(String.self, forKey: .name)
        summary = try c.decodeIfPresent(String.self, forKey: .summary) ?? ""
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        extensions = try c.decodeIfPresent([String].self, forKey: .extensions) ?? []
        mediaType = try c.decodeIfPresent(String.self, forKey: .mediaType) ?? "application/octet-stream"
        sniff = try c.decodeIfPresent(Sniff.self, forKey: .sniff)
        provides = try Self.capabilities(c.decodeIfPresent([String].self, forKey: .provides) ?? [], key: "provides")
        requires = try Self.capabilities(c.decodeIfPresent([String].self, forKey: .requires) ?? [], key: "requires")
        options = try c.decodeIfPresent([Option].self, forKey: .options) ?? []
    }

    /// Parses and checks a `--describe` answer; the error says what is wrong in a user's words.
    public static func parse(_ bytes: [UInt8]) throws -> PluginDescription {
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw DescribeProblem("printed nothing") }
        let description: PluginDescription
        do {
            description = try JSONDecoder().decode(PluginDescription.self, from: Data(text.utf8))
        } catch let problem as DescribeProblem {
            throw problem
        } catch DecodingError.keyNotFound(let key, _) {
            throw DescribeProblem("has no \"\(key.stringValue)\"")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw DescribeProblem("has a value of the wrong type at \"\(path)\"")
        } catch DecodingError.dataCorrupted(let context) {
            if let key = context.codingPath.last?.stringValue, key == "kind" {
                throw DescribeProblem("has \"kind\" other than reader, writer or transform")
            }
            throw DescribeProblem("is not one JSON object")
        } catch {
            throw DescribeProblem("is not one JSON object")
        }
        try description.check()
        return description
    }

    private func check() throws {
        guard Self.supportedProtocols.contains(protocolVersion) else {
            throw DescribeProblem("speaks protocol \(protocolVersion); this corpuskit speaks \(Self.supportedProtocols.map(String.init).joined(separator: ", "))")
        }
        guard Self.isValidName(name) else {
            throw DescribeProblem("has the name \"\(name)\"; use lower-case letters, digits, '-' and '_'")
        }
        for alias in aliases where !Self.isValidName(alias) {
            throw DescribeProblem("has the alias \"\(alias)\"; use lower-case letters, digits, '-' and '_'")
        }
        for ext in extensions where ext.isEmpty || ext.contains("/") || ext.hasPrefix(".") {
            throw DescribeProblem("has the extension \"\(ext)\"; give extensions without the dot")
        }
        for option in options where option.name.isEmpty || option.name.contains("=") || option.name.contains(",") {
            throw DescribeProblem("has an option named \"\(option.name)\"")
        }
    }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) || ("0"..."9").contains(first) else {
            return false
        }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }

    private static func capabilities(_ names: [String], key: String) throws -> Capabilities {
        var caps: Capabilities = []
        for n in names {
            switch n {
            case "sentences": caps.insert(.sentences)
            case "tokens": caps.formUnion([.sentences, .tokens])
            case "blocks": break
            default: throw DescribeProblem("has \"\(n)\" in \"\(key)\"; known: blocks, sentences, tokens")
            }
        }
        return caps
    }

    /// The options to hand the plugin: its declared defaults, then the values
    /// the user gave for its declared names (unknown keys are someone else's).
    func effectiveOptions(_ bag: FormatOptions) -> [String: String] {
        var values: [String: String] = [:]
        for option in options {
            if let v = bag[option.name] ?? option.defaultValue { values[option.name] = v }
        }
        return values
    }
}

/// Why a `--describe` answer was refused (turned into a warning by discovery).
struct DescribeProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

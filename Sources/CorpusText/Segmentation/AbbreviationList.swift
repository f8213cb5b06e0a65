import CorpusModel
import Foundation

/// The abbreviations of one language, loaded from `Resources/Abbreviations/LANG.txt`.
///
/// Kept as data so that a linguist can extend a list without touching code.
/// Each entry either never ends a sentence (`ж.`, `млн.`) or may end one
/// (`т.б.`, marked `final` in the file).
public struct AbbreviationList: Sendable {
    /// Whether a sentence may end at the abbreviation's full stop.
    public enum Role: Sendable { case inside, final }

    private var entries: [String: Role]

    /// An empty list, or one parsed from the text of a list file.
    public init(text: String = "") {
        entries = [:]
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            var form = line
            var role = Role.inside
            if line.hasSuffix(" final") {
                form = String(line.dropLast(" final".count)).trimmingCharacters(in: .whitespaces)
                role = .final
            }
            entries[form] = role
        }
    }

    /// The role of `form` (written with its final full stop), trying it as written
    /// and then in lower case; nil when it is not a known abbreviation.
    public func role(of form: String) -> Role? {
        if let r = entries[form] { return r }
        // Most forms before a full stop are lower-case words: skip the (costly) case mapping for them.
        guard form.unicodeScalars.contains(where: ScalarClass.isUpper) else { return nil }
        let lower = form.lowercased()
        if lower != form, let r = entries[lower] { return r }
        return nil
    }

    /// Number of entries (for tests and `--explain`).
    public var count: Int { entries.count }

    /// The bundled list for a BCP 47 language tag (`kk`, `ru`, `en`, `kk-Cyrl`…).
    /// Kazakh text quotes Russian and English, so every list also contains the
    /// English list's entries it does not define itself. Loaded once per language.
    /// A list missing from the bundle (a broken install) is an `.io` error: segmenting
    /// without it would silently split after every `ж.` and `млн.`.
    public static func bundled(for language: String) throws -> AbbreviationList {
        let primary = language.split(separator: "-").first.map { String($0).lowercased() } ?? "kk"
        switch primary {
        case "ru": return try BundledLists.russian.get()
        case "en": return try BundledLists.english.get()
        default: return try BundledLists.kazakh.get()
        }
    }

    fileprivate func merged(under other: AbbreviationList) -> AbbreviationList {
        var copy = self
        for (k, v) in other.entries where copy.entries[k] == nil { copy.entries[k] = v }
        return copy
    }

    /// The list in the file at `url` (nil: not in the bundle); an `.io` error naming
    /// `name` when the file is missing, unreadable or holds no entry.
    static func load(_ name: String, from url: URL?) throws -> AbbreviationList {
        let file = "Abbreviations/\(name).txt"
        guard let url else {
            throw CorpusError(.io, "the abbreviation list \(file) is missing from CorpusText's resources (a broken install?)", file: file)
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CorpusError(.io, "cannot read the abbreviation list: \(error.localizedDescription)", file: url.path)
        }
        let list = AbbreviationList(text: text)
        guard list.count > 0 else {
            throw CorpusError(.io, "the abbreviation list holds no entries", file: url.path)
        }
        return list
    }
}

/// Lists read from the bundle on first use (global `let`s initialise once, thread-safely).
private enum BundledLists {
    static let english = load("en")
    static let kazakh = load("kk").flatMap { list in english.map { list.merged(under: $0) } }
    static let russian = load("ru").flatMap { list in english.map { list.merged(under: $0) } }

    static func load(_ name: String) -> Result<AbbreviationList, CorpusError> {
        let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Abbreviations")
            ?? Bundle.module.url(forResource: name, withExtension: "txt")
        return Result { () throws(CorpusError) in
            do { return try AbbreviationList.load(name, from: url) } catch let e as CorpusError { throw e } catch {
                throw CorpusError(.io, "\(error)")
            }
        }
    }
}

import CorpusModel
import Foundation

/// The abbreviations of one language, from `Resources/Abbreviations/LANG.txt` (compiled in).
///
/// Kept as data so that a linguist can extend a list without touching code.
/// Each entry either never ends a sentence (`ж.`, `млн.`) or may end one
/// (`т.б.`, marked `final` in the file).
public struct AbbreviationList: Sendable {
    /// Whether a sentence may end at the abbreviation's full stop.
    public enum Role: Sendable { case inside, final }

    private var entries: [String: Role]
    /// The most scalars any string canonically equivalent to an entry can have
    /// (the longest entry's NFD): a longer form is never in the list, and the
    /// segmenter skips building and hashing it.
    private var longestEntry = 0
    /// The entries whose canonical decomposition is written in ``InertForm``'s letters,
    /// keyed by their scalars: a form in those letters is its own NFC and NFD, so it
    /// equals an entry exactly when the scalars match, with no `String` built or hashed.
    private var inertEntries: [InertForm: Role] = [:]
    /// The (first, last) scalar pairs of the entries before their final stop, in lower
    /// case and canonically decomposed, as bits (``mayHold(first:last:)``).
    private var endPairs = EndPairs()

    /// An empty list, or one parsed from the text of a list file.
    ///
    /// Parsed with the standard library alone: the lists are read on every
    /// run that segments, and Foundation's trimming and normalization cost
    /// more start-up time than the rest of a small conversion.
    public init(text: String = "") {
        entries = [:]
        for raw in text.unicodeScalars.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = Self.trimmingWhitespace(raw)
            if line.isEmpty || line.first == "#" { continue }
            var form = line
            var role = Role.inside
            let suffix = " final".unicodeScalars
            if line.count > suffix.count, line.reversed().starts(with: suffix.reversed()) {
                form = Self.trimmingWhitespace(line.dropLast(suffix.count))
                role = .final
            }
            entries[String(Substring(form))] = role
        }
        longestEntry = Self.longest(entries.keys)
        inertEntries = Self.inertIndex(entries)
        endPairs = Self.endPairs(entries.keys)
    }

    /// `scalars` without leading and trailing tabs and space separators (Zs): what
    /// Foundation's `CharacterSet.whitespaces` trims.
    private static func trimmingWhitespace(_ scalars: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == "\t" || s.properties.generalCategory == .spaceSeparator }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return scalars[scalars.endIndex...] }
        return scalars[first...last]
    }

    /// The scalars of `form`'s canonical decomposition (NFD). A form written in
    /// ``InertForm``'s letters is its own NFD, so only the rare other form goes
    /// through Foundation's normalization.
    private static func decomposedScalars(_ form: String) -> [Unicode.Scalar] {
        if form.unicodeScalars.allSatisfy({ InertForm.lowercase($0.value) != nil }) { return Array(form.unicodeScalars) }
        return Array(form.decomposedStringWithCanonicalMapping.unicodeScalars)
    }

    private static func inertIndex(_ entries: [String: Role]) -> [InertForm: Role] {
        var index: [InertForm: Role] = [:]
        for (form, role) in entries {
            var key = InertForm()
            var fits = true
            for c in decomposedScalars(form) {
                if !key.append(c.value) { fits = false; break }
            }
            if fits { index[key] = role }
        }
        return index
    }

    /// ``role(of:)`` for `scalars` followed by a full stop, decided without building a
    /// `String` when every scalar is one of ``InertForm``'s; nil when undecided (then
    /// ask ``role(of:)``). `.some(nil)`: not an abbreviation.
    func inertRole<S: Sequence<Unicode.Scalar>>(ofStopped scalars: S) -> Role?? {
        var key = InertForm()
        var lower = InertForm()
        var hasUpper = false
        for c in scalars {
            guard key.append(c.value), let l = InertForm.lowercase(c.value), lower.append(l) else { return nil }
            if ScalarClass.isUpper(c) { hasUpper = true }
        }
        guard key.append(0x2E), lower.append(0x2E) else { return nil }
        if let r = inertEntries[key] { return .some(r) }
        // As in role(of:): the lower-case form only when some scalar is upper case and it differs.
        guard hasUpper, lower != key else { return .some(nil) }
        return .some(inertEntries[lower])
    }

    private static func endPairs(_ keys: Dictionary<String, Role>.Keys) -> EndPairs {
        var pairs = EndPairs()
        for form in keys {
            let scalars = decomposedScalars(form)
            // Entries end in their full stop; the pair is taken before it.
            guard scalars.count >= 2, scalars.last == ".", let first = InertForm.lowercase(scalars[0].value),
                let last = InertForm.lowercase(scalars[scalars.count - 2].value)
            else { continue }
            pairs.insert(first, last)
        }
        return pairs
    }

    /// Whether a form whose first scalar is `first` and whose last before the full stop
    /// is `last` may be in the list, as written or in lower case. False only when both
    /// are ``InertForm`` scalars (each its own decomposition, a starter, with a one-to-one
    /// lower case) and no entry starts and ends with them: then no canonically equivalent
    /// spelling of the form, nor of its lower case, starts and ends as an entry does.
    @inline(__always)
    func mayHold(first: Unicode.Scalar, last: Unicode.Scalar) -> Bool {
        guard let f = InertForm.lowercase(first.value), let l = InertForm.lowercase(last.value) else { return true }
        return endPairs.contains(f, l)
    }

    private static func longest(_ keys: Dictionary<String, Role>.Keys) -> Int {
        keys.map { decomposedScalars($0).count }.max() ?? 0
    }

    /// Whether a form of `scalarCount` scalars could be in the list (also after
    /// lower-casing, which never shortens a string).
    @inline(__always)
    public func mayHold(scalarCount: Int) -> Bool { scalarCount <= longestEntry }

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
        switch language {  // the common tags, without splitting and case mapping
        case "kk": return try BundledLists.kazakh.get()
        case "ru": return try BundledLists.russian.get()
        case "en": return try BundledLists.english.get()
        default: break
        }
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
        copy.longestEntry = Self.longest(copy.entries.keys)
        copy.inertEntries = Self.inertIndex(copy.entries)
        copy.endPairs = Self.endPairs(copy.entries.keys)
        return copy
    }

    /// The list in `bytes` (a list file's UTF-8), named `file` in errors; a list
    /// without a single entry is an `.io` error rather than an empty list.
    static func parse(_ bytes: [UInt8], file: String) throws(CorpusError) -> AbbreviationList {
        let list = AbbreviationList(text: String(decoding: bytes, as: UTF8.self))
        guard list.count > 0 else {
            throw CorpusError(.io, "the abbreviation list holds no entries", file: file)
        }
        return list
    }
}

/// The lists compiled into the binary (`PackageResources`, SwiftPM's `embedInCode`),
/// parsed on first use (global `let`s initialise once, thread-safely).
private enum BundledLists {
    static let english = Result { () throws(CorpusError) in try AbbreviationList.parse(PackageResources.en_txt, file: "Abbreviations/en.txt") }
    static let kazakh = Result { () throws(CorpusError) in try AbbreviationList.parse(PackageResources.kk_txt, file: "Abbreviations/kk.txt") }
        .flatMap { list in english.map { list.merged(under: $0) } }
    static let russian = Result { () throws(CorpusError) in try AbbreviationList.parse(PackageResources.ru_txt, file: "Abbreviations/ru.txt") }
        .flatMap { list in english.map { list.merged(under: $0) } }
}

/// Up to 20 scalars, each an ASCII letter, digit, space, `.` or `-`, or a basic Cyrillic
/// or Kazakh letter without a canonical decomposition (not `й`, `ё`): a string of
/// these is its own NFC and NFD, and ``lowercase(_:)`` is `lowercased()` on them.
struct InertForm: Hashable {
    private var words: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
    private(set) var count = 0

    static func == (a: InertForm, b: InertForm) -> Bool {
        a.count == b.count && a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2
            && a.words.3 == b.words.3 && a.words.4 == b.words.4
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        if count > 4 { hasher.combine(words.1) }
        if count > 8 { hasher.combine(words.2) }
        if count > 12 { hasher.combine(words.3) }
        if count > 16 { hasher.combine(words.4) }
    }

    /// Adds `v`; false when it is not one of the scalars or the form is full.
    @inline(__always)
    mutating func append(_ v: UInt32) -> Bool {
        guard count < 20, Self.lowercase(v) != nil else { return false }
        let bits = UInt64(v) << (16 * UInt64(count % 4))
        switch count / 4 {
        case 0: words.0 |= bits
        case 1: words.1 |= bits
        case 2: words.2 |= bits
        case 3: words.3 |= bits
        default: words.4 |= bits
        }
        count += 1
        return true
    }

    /// The lower case of one of the scalars, or nil when `v` is not one of them.
    @inline(__always)
    static func lowercase(_ v: UInt32) -> UInt32? {
        switch v {
        case 0x20, 0x2D, 0x2E, 0x30...0x39, 0x61...0x7A: return v
        case 0x41...0x5A: return v + 0x20
        case 0x430...0x44F where v != 0x439: return v
        case 0x410...0x42F where v != 0x419: return v + 0x20
        case 0x406: return 0x456
        case 0x456: return v
        case 0x492, 0x49A, 0x4A2, 0x4AE, 0x4B0, 0x4BA, 0x4D8, 0x4E8: return v + 1  // Ғ Қ Ң Ү Ұ Һ Ә Ө
        case 0x493, 0x49B, 0x4A3, 0x4AF, 0x4B1, 0x4BB, 0x4D9, 0x4E9: return v
        default: return nil
        }
    }
}

/// A set of (first, last) scalar pairs as 4,096 bits, hashed: it may answer yes for a
/// pair it does not hold, never no for one it holds.
struct EndPairs: Sendable {
    private var bits = [UInt64](repeating: 0, count: 64)

    @inline(__always)
    private static func slot(_ first: UInt32, _ last: UInt32) -> Int {
        Int(truncatingIfNeeded: (first &* 0x9E37_79B1 ^ last &* 0x85EB_CA77) >> 20) & 4095
    }

    mutating func insert(_ first: UInt32, _ last: UInt32) {
        let k = Self.slot(first, last)
        bits[k >> 6] |= 1 << UInt64(k & 63)
    }

    @inline(__always)
    func contains(_ first: UInt32, _ last: UInt32) -> Bool {
        let k = Self.slot(first, last)
        return bits[k >> 6] & (1 << UInt64(k & 63)) != 0
    }
}

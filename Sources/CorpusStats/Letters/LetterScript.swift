/// The writing system of one letter, as far as a Kazakh, Russian or English
/// corpus needs to tell them apart.
public enum LetterScript: Int, Sendable, CaseIterable {
    case cyrillic, latin, other

    /// The name used in reports: `cyrillic`, `latin`, `other`.
    public var name: String {
        switch self {
        case .cyrillic: "cyrillic"
        case .latin: "latin"
        case .other: "other"
        }
    }

    /// The script of `c` when it is a letter, or nil for anything else.
    @inline(__always)
    public static func of(_ c: Unicode.Scalar) -> LetterScript? {
        let v = c.value
        switch v {
        case 0x41...0x5A, 0x61...0x7A: return .latin
        case 0..<0x80: return nil
        case 0x400...0x481, 0x48A...0x52F: return .cyrillic
        case 0x482...0x489: return nil
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2AF, 0x1E00...0x1EFF: return .latin
        default: return c.properties.isAlphabetic ? .other : nil
        }
    }
}

/// Which letters a language writes, so a report can name letters outside a
/// document's alphabet (`ї` or `ў` in a Kazakh text).
public enum Alphabet: String, Sendable {
    /// The 42 letters of Kazakh Cyrillic.
    case kazakh = "kk"
    /// The 33 letters of Russian.
    case russian = "ru"

    /// The alphabet for a BCP 47 tag, when this build knows it (Kazakh and Russian Cyrillic).
    public static func forLanguage(_ tag: String?) -> Alphabet? {
        guard let tag, !tag.lowercased().contains("latn") else { return nil }
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return Alphabet(rawValue: primary)
    }

    /// Whether `c`, a Cyrillic letter, belongs to the alphabet (other scripts are not judged here).
    @inline(__always)
    public func contains(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if (v >= 0x410 && v <= 0x44F) || v == 0x401 || v == 0x451 { return true }
        return self == .kazakh && Alphabet.isKazakhSpecific(c)
    }

    /// Whether `c` is one of the letters Kazakh writes beyond Russian: Ә Ғ Қ Ң Ө Ұ Ү Һ І, upper or lower.
    @inline(__always)
    public static func isKazakhSpecific(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x4D8, 0x4D9, 0x492, 0x493, 0x49A, 0x49B, 0x4A2, 0x4A3, 0x4E8, 0x4E9, 0x4B0, 0x4B1, 0x4AE, 0x4AF,
            0x4BA, 0x4BB, 0x406, 0x456:
            return true
        default: return false
        }
    }
}

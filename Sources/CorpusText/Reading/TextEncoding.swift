import CorpusModel

/// The encodings the plain-text reader accepts (option `encoding`).
///
/// Older Kazakh text arrives in single-byte code pages that differ exactly in
/// the Kazakh letters; Foundation has no KZ-1048, so those go through iconv.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8, with or without a byte-order mark (the default). A UTF-16 BOM switches to UTF-16.
    case utf8 = "utf-8"
    /// UTF-16 with a byte-order mark (little or big endian).
    case utf16 = "utf-16"
    /// KZ-1048 (iconv's `RK1048`), the Kazakh Windows code page.
    case kz1048 = "kz-1048"
    /// PT154 (Paratype), the older Kazakh code page.
    case pt154 = "pt154"
    /// Windows-1251 (Russian; no Kazakh letters but і/І).
    case windows1251 = "windows-1251"

    /// Parses an option value; accepts common spellings (`utf8`, `rk1048`, `cp1251`…).
    public init?(optionValue: String) {
        switch optionValue.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "utf-16", "utf16": self = .utf16
        case "kz-1048", "kz1048", "rk1048", "strk1048-2002": self = .kz1048
        case "pt154", "pt-154", "ptcp154", "cp154": self = .pt154
        case "windows-1251", "cp1251", "win-1251", "windows1251": self = .windows1251
        default: return nil
        }
    }

    /// The name iconv knows this encoding by.
    var iconvName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16: "UTF-16"
        case .kz1048: "RK1048"
        case .pt154: "PT154"
        case .windows1251: "WINDOWS-1251"
        }
    }
}

/// A string as a JSON string literal, for the small JSON texts that targets
/// without CorpusJSON write (a CSV `doc_meta` cell, the stats report).
public enum JSONStringLiteral {
    /// Appends `s` quoted and escaped: `"`, `\`, controls (C0 and C1) and the
    /// line separators U+2028/U+2029 as escapes, everything else as it is.
    public static func append(_ s: String, to out: inout String) {
        out += "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 || (c.value >= 0x7F && c.value <= 0x9F) || c.value == 0x2028 || c.value == 0x2029 {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        out += "\""
    }
}

/// Checks the shape of BCP 47 language tags, as TEI's `xml:lang` and `@ident` require.
public enum LanguageTag {
    /// Whether `tag` is `letters{1,8}(-alnum{1,8})*` (the `xsd:language` shape): `kk`,
    /// `kk-Cyrl-KZ`, `x-private`; not `kk_KZ`.
    public static func isWellFormed(_ tag: String) -> Bool {
        var first = true
        var count = 0
        for b in tag.utf8 {
            if b == 0x2D {  // '-'
                if count == 0 { return false }
                first = false
                count = 0
                continue
            }
            let isLetter = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            let isDigit = b >= 0x30 && b <= 0x39
            guard isLetter || (!first && isDigit) else { return false }
            count += 1
            if count > 8 { return false }
        }
        return count > 0
    }
}

/// Guesses a document's language from the letters it uses, to check the
/// declared language (a Russian file labelled `kk`, a Latin-script file).
///
/// Cyrillic with Kazakh letters (ә ғ қ ң ө ұ ү һ і at least 1% of the Cyrillic
/// letters; Kazakh prose has 5–10%) is `kk`, other Cyrillic `ru`; Latin with
/// Kazakh Latin letters (á ǵ ń ó ú ı ş) is `kk-Latn`, plain ASCII Latin `en`,
/// other Latin `und-Latn`; Han `zh`; nothing or a mix is `und`.
public enum LanguageGuess {
    /// The guessed BCP 47 tag from letter counts.
    public static func guess(cyrillic: Int, latin: Int, other: Int, kazakhSpecific: Int, kazakhLatin: Int = 0,
                             nonASCIILatin: Int = 0, han: Int = 0) -> String {
        let total = cyrillic + latin + other
        guard total > 0 else { return "und" }
        if cyrillic * 2 > total {
            return kazakhSpecific * 100 >= cyrillic ? "kk" : "ru"
        }
        if latin * 2 > total {
            if kazakhLatin * 100 >= latin { return "kk-Latn" }
            return nonASCIILatin * 100 >= latin ? "und-Latn" : "en"
        }
        if han * 2 > total { return "zh" }
        return "und"
    }

    /// Whether a guess and a declared tag agree on the language (primary subtag), or nil when either is unknown.
    public static func agrees(_ guessed: String, _ declared: String?) -> Bool? {
        guard let declared, !guessed.hasPrefix("und") else { return nil }
        func primary(_ t: String) -> String { t.split(separator: "-").first.map { $0.lowercased() } ?? t.lowercased() }
        return primary(guessed) == primary(declared)
    }
}

/// Latin letters that look like Cyrillic ones, and the Cyrillic letter a
/// Kazakh or Russian word meant (`Қaзақстан` with a Latin `a`).
public enum LatinLookalikes {
    /// Latin (and IPA) scalar → the Cyrillic scalar it imitates.
    public static let cyrillic: [UInt32: Unicode.Scalar] = [
        0x61: "а", 0x63: "с", 0x65: "е", 0x6F: "о", 0x70: "р", 0x78: "х", 0x79: "у", 0x69: "і", 0x68: "һ",
        0x41: "А", 0x42: "В", 0x43: "С", 0x45: "Е", 0x48: "Н", 0x4B: "К", 0x4D: "М", 0x4F: "О", 0x50: "Р",
        0x54: "Т", 0x58: "Х", 0x59: "У", 0x49: "І",
        0x259: "ә", 0x18F: "Ә", 0x275: "ө", 0x19F: "Ө", 0xEB: "ё", 0xCB: "Ё",
    ]

    /// The Cyrillic letter `c` imitates, or nil when `c` is no look-alike.
    @inline(__always)
    public static func replacement(for c: Unicode.Scalar) -> Unicode.Scalar? { cyrillic[c.value] }
}

/// One run of letters (a word, or one part of a hyphenated word) that mixes
/// Cyrillic and Latin letters.
public struct MixedLetterRun: Sendable, Equatable {
    /// The run's text.
    public var text: String
    /// Its Latin letters, in order.
    public var latin: String
    /// Whether every Latin letter has a Cyrillic look-alike (so `latin-lookalikes` can fix it).
    public var fixable: Bool
}

extension LatinLookalikes {
    /// The runs of letters in `text` that mix Cyrillic and Latin letters. A run
    /// ends at any non-letter, so `iPhone-ның` (a Latin part, a Cyrillic part)
    /// is not mixed while `Қaзақстан` is.
    public static func mixedRuns(in text: String) -> [MixedLetterRun] {
        var runs: [MixedLetterRun] = []
        var run = String.UnicodeScalarView()
        var cyr = false, lat = false
        func close() {
            if cyr && lat {
                let latin = run.filter { LetterScript.of($0) == .latin }
                runs.append(MixedLetterRun(
                    text: String(run), latin: String(String.UnicodeScalarView(latin)),
                    fixable: latin.allSatisfy { replacement(for: $0) != nil }))
            }
            run = String.UnicodeScalarView()
            cyr = false
            lat = false
        }
        for c in text.unicodeScalars {
            if let script = LetterScript.of(c) {
                run.append(c)
                if script == .cyrillic { cyr = true } else if script == .latin { lat = true }
            } else if c.properties.generalCategory == .nonspacingMark && !run.isEmpty {
                run.append(c)
            } else {
                close()
            }
        }
        close()
        return runs
    }

    /// Whether `text` has a letter run mixing Cyrillic and Latin (a fast check without allocation).
    @inline(__always)
    public static func hasMixedRun<S: Sequence<Unicode.Scalar>>(_ text: S) -> Bool {
        var cyr = false, lat = false
        for c in text {
            switch LetterScript.of(c) {
            case .cyrillic?: cyr = true
            case .latin?: lat = true
            case .other?: break
            case nil:
                if c.properties.generalCategory != .nonspacingMark {
                    if cyr && lat { return true }
                    cyr = false
                    lat = false
                }
            }
        }
        return cyr && lat
    }

    /// `text` with the look-alikes of every fixable mixed run replaced by
    /// Cyrillic letters; all-Latin and all-Cyrillic runs are left alone.
    /// Returns nil when nothing changes.
    public static func fixed(_ text: String) -> String? {
        guard hasMixedRun(text[...].unicodeScalars) else { return nil }
        var out = String.UnicodeScalarView()
        var run: [Unicode.Scalar] = []
        var changed = false
        func close() {
            var cyr = false, lat = false, fixable = true
            for c in run {
                switch LetterScript.of(c) {
                case .cyrillic?: cyr = true
                case .latin?:
                    lat = true
                    if replacement(for: c) == nil { fixable = false }
                default: break
                }
            }
            if cyr && lat && fixable {
                for c in run { out.append(LetterScript.of(c) == .latin ? replacement(for: c) ?? c : c) }
                changed = true
            } else {
                out.append(contentsOf: run)
            }
            run.removeAll(keepingCapacity: true)
        }
        for c in text.unicodeScalars {
            if LetterScript.of(c) != nil || (c.properties.generalCategory == .nonspacingMark && !run.isEmpty) {
                run.append(c)
            } else {
                close()
                out.append(c)
            }
        }
        close()
        return changed ? String(out) : nil
    }
}

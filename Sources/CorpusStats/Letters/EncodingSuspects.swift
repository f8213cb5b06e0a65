/// What kind of mis-decoding a stretch of text shows.
public enum EncodingSuspectKind: String, Sendable, CaseIterable {
    /// UTF-8 bytes read as Windows-1251: `РљР°Р·Р°Т›`, `вЂ™`.
    case cp1251
    /// UTF-8 bytes read as Windows-1252 or Latin-1: `Ð‘Ò±Ð»`, `Ã©`, `â€™`.
    case cp1252
    /// U+FFFD, the mark a decoder leaves for bytes it could not read.
    case replacement
    /// A C1 control character (U+0080–U+009F), which no real text holds.
    case c1Control = "c1_control"
}

/// One stretch of text that looks mis-decoded.
public struct EncodingSuspect: Sendable, Equatable {
    /// Which mis-decoding it looks like.
    public var kind: EncodingSuspectKind
    /// The suspicious characters themselves.
    public var text: String
}

/// Finds text that was decoded with the wrong code page.
///
/// UTF-8 Cyrillic read as Windows-1251 becomes pairs of a lead letter
/// (`Р С Т У`, from the bytes D0–D3) and a character of 0x80–0xBF (`Ђ ™ љ ° ±
/// і …`); two such pairs in a row are flagged (one pair can be a real word:
/// `Сіз`). Read as Windows-1252 the leads become `Ð Ñ Ò Ó` (`Ã Â` for Latin
/// letters), which Kazakh, Russian and English never write before such a
/// character, so one pair is enough. `вЂ`/`â€` (an UTF-8 quote or dash read
/// wrongly), U+FFFD and C1 controls are flagged wherever they occur.
public enum EncodingSuspects {
    static let cp1251High: Set<UInt32> = Set(
        "ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\u{98}™љ›њќћџ\u{A0}ЎўЈ¤Ґ¦§Ё©Є«¬\u{AD}®Ї°±Ііґµ¶·ё№є»јЅѕї".unicodeScalars.map(\.value))
    static let cp1252High: Set<UInt32> = Set(
        "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\u{A0}¡¢£¤¥¦§¨©ª«¬\u{AD}®¯°±²³´µ¶·¸¹º»¼½¾¿".unicodeScalars.map(\.value)
    ).union(0x80...0x9F)

    @inline(__always) static func isCP1251Lead(_ v: UInt32) -> Bool { v >= 0x420 && v <= 0x423 }
    @inline(__always) static func isCP1252Lead(_ v: UInt32) -> Bool {
        v == 0xC2 || v == 0xC3 || (v >= 0xD0 && v <= 0xD3)
    }

    /// A fast pre-check: whether `text` holds anything ``find(in:)`` could flag.
    @inline(__always)
    public static func mayContain(_ text: String) -> Bool { mayContain(text.unicodeScalars) }

    /// ``mayContain(_:)`` over scalars.
    @inline(__always)
    public static func mayContain<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> Bool {
        var previous: UInt32 = 0
        for c in scalars {
            if mayStart(previous, c.value) { return true }
            previous = c.value
        }
        return false
    }

    /// Whether scalar `v` after `previous` could belong to a suspicious stretch (the pre-check, one step).
    @inline(__always)
    public static func mayStart(_ previous: UInt32, _ v: UInt32) -> Bool {
        guard v >= 0x80 else { return false }
        if v <= 0x9F || v == 0xFFFD { return true }
        if isCP1251Lead(previous) && cp1251High.contains(v) { return true }
        if isCP1252Lead(previous) && cp1252High.contains(v) { return true }
        return (previous == 0x432 || previous == 0xE2) && (v == 0x402 || v == 0x20AC)
    }

    /// Every suspicious stretch of `text`, in order; stretches of one kind
    /// separated only by spaces, digits or ASCII punctuation are one stretch
    /// (a mis-decoded line is one finding, not one per word).
    public static func find(in text: String) -> [EncodingSuspect] {
        let runs = findRuns(in: text)
        guard runs.count > 1 else { return runs.map(\.suspect) }
        let s = Array(text.unicodeScalars)
        var merged: [(suspect: EncodingSuspect, range: Range<Int>)] = []
        for run in runs {
            if let last = merged.last, last.suspect.kind == run.suspect.kind,
                s[last.range.upperBound..<run.range.lowerBound].allSatisfy({ $0.value < 0x80 && !isASCIILetter($0) })
            {
                let range = last.range.lowerBound..<run.range.upperBound
                merged[merged.count - 1] = (EncodingSuspect(kind: run.suspect.kind, text: String(String.UnicodeScalarView(s[range]))), range)
            } else {
                merged.append(run)
            }
        }
        return merged.map(\.suspect)
    }

    private static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
    }

    /// The suspicious stretches one by one, with their scalar ranges.
    static func findRuns(in text: String) -> [(suspect: EncodingSuspect, range: Range<Int>)] {
        guard mayContain(text) else { return [] }
        let s = Array(text.unicodeScalars)
        var found: [(suspect: EncodingSuspect, range: Range<Int>)] = []
        var i = 0
        func take(_ kind: EncodingSuspectKind, _ end: Int) {
            found.append((EncodingSuspect(kind: kind, text: String(String.UnicodeScalarView(s[i..<end]))), i..<end))
            i = end
        }
        while i < s.count {
            let v = s[i].value
            let next = i + 1 < s.count ? s[i + 1].value : 0
            if (v == 0x432 && next == 0x402) || (v == 0xE2 && next == 0x20AC) {
                let kind: EncodingSuspectKind = v == 0x432 ? .cp1251 : .cp1252
                take(kind, extendPairs(s, from: min(s.count, i + 3), kind: kind))
                continue
            }
            if isCP1252Lead(v) && cp1252High.contains(next) {
                take(.cp1252, extendPairs(s, from: i, kind: .cp1252))
                continue
            }
            if isCP1251Lead(v) && cp1251High.contains(next) {
                let end = extendPairs(s, from: i, kind: .cp1251)
                if end - i >= 4 {
                    take(.cp1251, end)
                    continue
                }
            }
            if v == 0xFFFD {
                var end = i
                while end < s.count && s[end].value == 0xFFFD { end += 1 }
                take(.replacement, end)
                continue
            }
            if v >= 0x80 && v <= 0x9F {
                take(.c1Control, i + 1)
                continue
            }
            i += 1
        }
        return found
    }

    /// The end of a run of lead + high pairs starting at `start` (plain ASCII
    /// letters of a mis-decoded word, which stay themselves, may sit between).
    private static func extendPairs(_ s: [Unicode.Scalar], from start: Int, kind: EncodingSuspectKind) -> Int {
        var j = start
        while j + 1 < s.count {
            let v = s[j].value, w = s[j + 1].value
            let pair = kind == .cp1251
                ? (isCP1251Lead(v) || v == 0x432) && cp1251High.contains(w)
                : (isCP1252Lead(v) || v == 0xE2) && cp1252High.contains(w)
            if pair {
                j += 2
            } else {
                break
            }
        }
        return j
    }
}

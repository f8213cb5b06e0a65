/// Character classes the segmenter and tokenizer share, on Unicode scalars.
///
/// Letters and case come from Unicode properties, so Kazakh (ә ғ қ ң ө ұ ү һ і),
/// Latin and caseless scripts (CJK) are all handled the same way.
enum ScalarClass {
    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        // Cheap range tests first: letters (Latin, Cyrillic) leave after one or two compares.
        if v <= 0x20 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) || v >= 0x1C }
        if v < 0x1680 { return v == 0x85 || v == 0xA0 }
        switch v {
        case 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false  // with the above, the complete White_Space list
        }
    }

    @inline(__always)
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x80: return false
        case 0x400...0x481, 0x48A...0x4FF: return true
        case 0x482...0x489: return false
        default: return isAlphabeticByProperties(c)
        }
    }

    @inline(__always)
    static func isUpper(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x41...0x5A: return true
        case 0..<0x80: return false
        case 0x400...0x4FF: return cyrillicCase(c.value) == 1
        default: return isUpperByProperties(c)
        }
    }

    @inline(__always)
    static func isLower(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x61...0x7A: return true
        case 0..<0x80: return false
        case 0x400...0x4FF: return cyrillicCase(c.value) == -1
        default: return isLowerByProperties(c)
        }
    }

    /// Case in the Cyrillic block without a table lookup: 1 upper, -1 lower, 0 neither.
    /// Kazakh letters (ә ғ қ ң ө ұ ү һ) sit in U+0460–U+04FF, where capitals are
    /// even code points, except U+04C1–U+04CE (odd) and the palochka U+04C0.
    @inline(__always)
    static func cyrillicCase(_ v: UInt32) -> Int {
        switch v {
        case 0x400...0x42F: return 1
        case 0x430...0x45F: return -1
        case 0x482...0x489: return 0
        case 0x4C0: return 1
        case 0x4C1...0x4CE: return v & 1 == 1 ? 1 : -1
        case 0x4CF: return -1
        default: return v & 1 == 0 ? 1 : -1
        }
    }

    /// A letter without case (CJK, Arabic…): it can start a sentence.
    @inline(__always)
    static func isCaselessLetter(_ c: Unicode.Scalar) -> Bool {
        isLetter(c) && !isUpper(c) && !isLower(c)
    }

    @inline(__always)
    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x30...0x39: return true
        case 0..<0x80, 0x400...0x4FF: return false
        default: return isDecimalByProperties(c)
        }
    }

    // The Unicode property look-ups behind the fast ranges, kept out of line: inlined, their
    // resilient types (`Unicode.Scalar.Properties`, `Unicode.NumericType?`) make every caller
    // look up type metadata on entry, even when it only ever meets Cyrillic and ASCII.

    @inline(never)
    static func isAlphabeticByProperties(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic }

    @inline(never)
    static func isUpperByProperties(_ c: Unicode.Scalar) -> Bool {
        c.properties.isUppercase || c.properties.generalCategory == .titlecaseLetter
    }

    @inline(never)
    static func isLowerByProperties(_ c: Unicode.Scalar) -> Bool { c.properties.isLowercase }

    @inline(never)
    static func isDecimalByProperties(_ c: Unicode.Scalar) -> Bool { c.properties.numericType == .decimal }

    /// Marks that can end a sentence.
    @inline(__always)
    static func isTerminator(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        // Below U+2026 only `.` `!` `?` qualify: letters leave after two compares.
        if v < 0x2026 { return v == 0x2E || v == 0x21 || v == 0x3F }
        switch v {
        case 0x2E, 0x21, 0x3F: return true  // . ! ?
        case 0x2026, 0x3002, 0xFF01, 0xFF1F, 0x203C, 0x2047, 0x2048, 0x2049, 0xFF0E: return true
        default: return false
        }
    }

    /// Closing quotes and brackets that stay with the sentence they close.
    @inline(__always)
    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0xBB, 0x201D, 0x2019, 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x203A, 0x300D, 0x300F, 0xFF09, 0x201C:
            return true
        default: return false
        }
    }

    /// Opening quotes and brackets that may precede the first word of a sentence.
    @inline(__always)
    static func isOpener(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0xAB, 0x201C, 0x201E, 0x22, 0x27, 0x28, 0x5B, 0x7B, 0x2039, 0x300C, 0x300E, 0x2018, 0xFF08:
            return true
        default: return false
        }
    }

    /// Hyphens and dashes (a dialogue dash may open a sentence).
    @inline(__always)
    static func isDash(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return true
        default: return false
        }
    }
}

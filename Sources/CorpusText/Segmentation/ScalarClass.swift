/// Character classes the segmenter and tokenizer share, on Unicode scalars.
///
/// Letters and case come from Unicode properties, so Kazakh (ә ғ қ ң ө ұ ү һ і),
/// Latin and caseless scripts (CJK) are all handled the same way.
enum ScalarClass {
    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return true
        case 0..<0x80: return false
        default: return c.properties.isWhitespace
        }
    }

    @inline(__always)
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x80: return false
        case 0x400...0x4FF: return true
        default: return c.properties.isAlphabetic
        }
    }

    @inline(__always)
    static func isUpper(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x41...0x5A: return true
        case 0..<0x80: return false
        case 0x410...0x42F, 0x400...0x40F: return true
        case 0x430...0x45F: return false
        default: return c.properties.isUppercase || c.properties.generalCategory == .titlecaseLetter
        }
    }

    @inline(__always)
    static func isLower(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x61...0x7A: return true
        case 0..<0x80: return false
        case 0x430...0x45F: return true
        case 0x410...0x42F, 0x400...0x40F: return false
        default: return c.properties.isLowercase
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
        case 0..<0x80: return false
        default: return c.properties.numericType == .decimal
        }
    }

    /// Marks that can end a sentence.
    @inline(__always)
    static func isTerminator(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
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

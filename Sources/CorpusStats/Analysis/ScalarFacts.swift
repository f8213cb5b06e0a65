import CorpusModel
import CorpusText

/// What the one-pass sentence scan needs to know of a scalar, in one 64-bit
/// entry: the folded scalar (``TextHash``'s lower case) in the low 32 bits,
/// then ``WordScan``'s classes (letter counts, run ends, the mis-decoding
/// pre-check) and the ``Tokenizer``'s. The word bit is the sign bit and the
/// folded value fills a 32-bit half alone, so the hot loop tests and hashes
/// an entry without loading a mask. Scalars below U+0800 (one or two UTF-8 bytes) are looked up in
/// ``table``; the rest are computed by ``entry(_:)`` each time (they are rare
/// in the texts this is tuned for).
enum ScalarFacts {
    /// ``Tokenizer/isSpace(_:)``.
    static let spaceBit: UInt64 = 1 << 32
    /// ``Tokenizer/isWordScalar(_:)``: the sign bit.
    static let wordBit: UInt64 = 1 << 63
    /// ``Tokenizer/isLetter(_:)``: a token with one is a word, else a number.
    static let letterBit: UInt64 = 1 << 34
    /// `@`: with one, any word may be an e-mail address.
    static let atBit: UInt64 = 1 << 36
    /// `h`, `f` or `w` in either case: the only scalars a URL prefix (`http://`, `ftp://`, `www.`) starts with.
    static let urlStartBit: UInt64 = 1 << 37
    /// `:`: with one, a word starting with h, f or w may be a URL.
    static let colonBit: UInt64 = 1 << 48
    /// ``Tokenizer/isDigit(_:)``.
    static let digitBit: UInt64 = 1 << 38
    /// A scalar after which ``EncodingSuspects/mayStart(_:_:)`` can be true for some
    /// scalars (`Р С Т У`, `Ð Ñ Ò Ó Â Ã`): without one or an ``alwaysBit`` scalar a sentence is not suspicious.
    static let leadBit: UInt64 = 1 << 39
    /// A scalar ``EncodingSuspects/mayStart(_:_:)`` may be true for without a lead before it
    /// (C1 controls, U+FFFD; `Ђ` and `€`, which follow `в` and `â`).
    static let alwaysBit: UInt64 = 1 << 47
    /// No entry has this bit: the sentence scan sets it for a token holding a lead and a scalar that may follow one.
    static let leadPairBit: UInt64 = 1 << 33

    /// How the scalar joins word scalars around it (2 bits, ``Tokenizer/joins(_:_:_:)`` sampled):
    /// 0 never, 1 before any word scalar (hyphens), 2 between letters (apostrophes), 3 between digits.
    static let joinShift: UInt64 = 44

    /// ``Tokenizer/kind(of:)`` of the scalar alone, as ``TokenKind/index``, from this bit up (3 bits).
    static let kindShift: UInt64 = 40

    /// ``WordScan``'s bits 21…31 (its letter counts and classes) sit here, from bit 52 up.
    static let wordScanShift: UInt64 = 31
    /// The six letter-count bits (``WordScan/latinBit`` … ``WordScan/otherBit``) start here.
    static let countShift: UInt64 = 52
    static let latinBit = UInt64(WordScan.latinBit) << wordScanShift
    static let cyrillicBit = UInt64(WordScan.cyrillicBit) << wordScanShift
    static let endRunBit = UInt64(WordScan.endRunBit) << wordScanShift
    static let suspectBit = UInt64(WordScan.suspectBit) << wordScanShift
    static let hanBit = UInt64(WordScan.hanBit) << wordScanShift

    /// ``WordScan/mask(for:)`` in this layout (0: no alphabet check).
    static func mask(for alphabet: Alphabet?) -> UInt64 { UInt64(WordScan.mask(for: alphabet)) << wordScanShift }

    /// Every scalar of one or two UTF-8 bytes (below U+0800): the byte scan looks its word scalars up without a range check.
    static let tableSize = 0x800

    /// The entries of the scalars below U+0800, then (at ``lanesOffset``) their letter counts in
    /// ``WordScan/spread``'s byte lanes: one block of memory, never freed, so the hot loop reaches
    /// both from one pointer.
    nonisolated(unsafe) static let table: UnsafePointer<UInt64> = {
        let memory = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * tableSize)
        for v in 0..<UInt32(tableSize) { (memory + Int(v)).initialize(to: entry(v)) }
        for v in 0..<tableSize { (memory + lanesOffset + v).initialize(to: WordScan.spread[Int((memory[v] >> countShift) & 63)]) }
        return UnsafePointer(memory)
    }()

    /// Where ``table``'s letter lanes start.
    static let lanesOffset = tableSize

    /// The second table's block: U+2000–U+21FF (dashes, quotes, `…`, `€`, `№`: common in Kazakh and
    /// Russian text), whose entries would otherwise be computed at every occurrence.
    static let punctuationStart: UInt32 = 0x2000, punctuationSize = 0x200

    /// The entries of U+2000–U+21FF, in memory that is never freed.
    nonisolated(unsafe) static let punctuation: UnsafePointer<UInt64> = {
        let memory = UnsafeMutablePointer<UInt64>.allocate(capacity: punctuationSize)
        for k in 0..<punctuationSize { (memory + k).initialize(to: entry(punctuationStart + UInt32(k))) }
        return UnsafePointer(memory)
    }()

    /// The third table's block: U+FE00–U+FFFF (U+FFFD, which mis-decoded text holds wherever a byte was
    /// lost, the byte order mark, fullwidth forms), whose entries would otherwise be computed at every occurrence.
    static let specialsStart: UInt32 = 0xFE00, specialsSize = 0x200

    /// The entries of U+FE00–U+FFFF, in memory that is never freed.
    nonisolated(unsafe) static let specials: UnsafePointer<UInt64> = {
        let memory = UnsafeMutablePointer<UInt64>.allocate(capacity: specialsSize)
        for k in 0..<specialsSize { (memory + k).initialize(to: entry(specialsStart + UInt32(k))) }
        return UnsafePointer(memory)
    }()

    /// The letter lanes of scalar `v` below U+0800.
    @inline(__always)
    static func lanes(_ v: UInt32, _ table: UnsafePointer<UInt64>) -> UInt64 { table[lanesOffset &+ Int(v)] }

    /// The entry of scalar value `v`, from the tokenizer's and ``WordScan``'s own rules.
    static func entry(_ v: UInt32) -> UInt64 {
        let w = UInt64(WordScan.entry(v))
        var e = (w & 0x1F_FFFF) | (w >> 21) << (21 + wordScanShift)
        guard let c = Unicode.Scalar(v) else { return e }
        if Tokenizer.isSpace(c) { e |= spaceBit }
        if Tokenizer.isWordScalar(c) { e |= wordBit }
        if Tokenizer.isLetter(c) { e |= letterBit }
        if Tokenizer.isDigit(c) { e |= digitBit }
        let join: UInt64 =
            Tokenizer.joins(c, "a", "1") ? 1 : Tokenizer.joins(c, "a", "b") ? 2 : Tokenizer.joins(c, "1", "2") ? 3 : 0
        e |= join << joinShift
        if v == 0x40 { e |= atBit }
        if v == 0x3A { e |= colonBit }
        if v == 0x68 || v == 0x48 || v == 0x66 || v == 0x46 || v == 0x77 || v == 0x57 { e |= urlStartBit }
        e |= UInt64(Tokenizer.kind(of: c).index) << kindShift
        if EncodingSuspects.isCP1251Lead(v) || EncodingSuspects.isCP1252Lead(v) { e |= leadBit }
        // C1 controls and U+FFFD are suspicious anywhere; `Ђ` and `€` after `в` or `â` (`вЂ`, `â€`), here taken alone.
        if (0x80...0x9F).contains(v) || v == 0xFFFD || v == 0x402 || v == 0x20AC { e |= alwaysBit }
        return e
    }

    @inline(__always)
    static func of(_ v: UInt32, _ table: UnsafePointer<UInt64>) -> UInt64 {
        v < UInt32(tableSize) ? table[Int(v)] : above(v)
    }

    /// The entry of a scalar from U+0800 up: looked up in ``punctuation`` or ``specials``, made from
    /// ``hanFlags`` for a CJK ideograph, else computed.
    @inline(never)
    static func above(_ v: UInt32) -> UInt64 {
        let k = v &- punctuationStart
        if k < UInt32(punctuationSize) { return punctuation[Int(k)] }
        let j = v &- specialsStart
        if j < UInt32(specialsSize) { return specials[Int(j)] }
        if v &- hanStart < hanSize { return hanFlags | UInt64(v) }
        return entry(v)
    }

    /// The CJK Unified Ideographs (U+4E00–U+9FFF: Chinese names and terms in Kazakh text): every one is a
    /// caseless letter of the Han count, so its entry is ``hanFlags`` with the scalar itself as its folded
    /// value (a test checks this for each of them).
    static let hanStart: UInt32 = 0x4E00, hanSize: UInt32 = 0x5200
    static let hanFlags = entry(hanStart) & ~0xFFFF_FFFF

    /// Whether the entry is a word scalar's (its sign bit).
    @inline(__always)
    static func isWord(_ e: UInt64) -> Bool { Int64(bitPattern: e) < 0 }
}


import CorpusModel
import CorpusText

/// What the one-pass sentence scan needs to know of a scalar, in one 64-bit
/// entry: the low 32 bits are ``WordScan``'s entry (folded value, letter
/// counts, run ends, the mis-decoding pre-check), the high bits the
/// ``Tokenizer``'s classes. Scalars below U+0500 are looked up in ``table``;
/// the rest are computed by ``entry(_:)`` each time (they are rare in the texts this is tuned for).
enum ScalarFacts {
    /// ``Tokenizer/isSpace(_:)``.
    static let spaceBit: UInt64 = 1 << 32
    /// ``Tokenizer/isWordScalar(_:)``.
    static let wordBit: UInt64 = 1 << 33
    /// ``Tokenizer/isLetter(_:)``: a token with one is a word, else a number.
    static let letterBit: UInt64 = 1 << 34
    /// ``Tokenizer/mayJoin(_:)``.
    static let mayJoinBit: UInt64 = 1 << 35
    /// `@` or `:`: a sentence with one may hold a link, which only the tokenizer itself finds.
    static let linkMarkBit: UInt64 = 1 << 36
    /// `w` or `W`, which may start `www.`.
    static let wBit: UInt64 = 1 << 37
    /// ``Tokenizer/kind(of:)`` of the scalar alone, as ``TokenKind/index``, from this bit up (3 bits).
    static let kindShift: UInt64 = 40

    static let tableSize = 0x500

    nonisolated(unsafe) static let table: UnsafePointer<UInt64> = {
        let memory = UnsafeMutablePointer<UInt64>.allocate(capacity: tableSize)
        for v in 0..<UInt32(tableSize) { (memory + Int(v)).initialize(to: entry(v)) }
        return UnsafePointer(memory)
    }()

    /// The entry of scalar value `v`, from the tokenizer's and ``WordScan``'s own rules.
    static func entry(_ v: UInt32) -> UInt64 {
        var e = UInt64(WordScan.entry(v))
        guard let c = Unicode.Scalar(v) else { return e }
        if Tokenizer.isSpace(c) { e |= spaceBit }
        if Tokenizer.isWordScalar(c) { e |= wordBit }
        if Tokenizer.isLetter(c) { e |= letterBit }
        if Tokenizer.mayJoin(c) { e |= mayJoinBit }
        if v == 0x40 || v == 0x3A { e |= linkMarkBit }
        if v == 0x77 || v == 0x57 { e |= wBit }
        e |= UInt64(Tokenizer.kind(of: c).index) << kindShift
        return e
    }

    @inline(__always)
    static func of(_ v: UInt32, _ table: UnsafePointer<UInt64>) -> UInt64 {
        v < UInt32(tableSize) ? table[Int(v)] : entry(v)
    }
}

extension BlockFacts {
    /// Analyses the sentence `s[range]` in one pass: its hash and the
    /// mis-decoding pre-check, its tokens by ``Tokenizer``'s rules, and each
    /// word's hash and letters by ``WordScan``'s — the figures of the general
    /// path (``Tokenizer/forEachToken(in:range:_:)`` then ``WordScan`` per
    /// word), without a call per token or a second walk over the words.
    ///
    /// Returns false, having recorded nothing, for a sentence that may hold a
    /// link (an `@` or `:`, or a word shaped `www.`): those take the general path.
    mutating func scanFast(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, sentence: Int, alphabet: Alphabet?) -> Bool {
        let table = ScalarFacts.table
        let spread = WordScan.spread
        let mask = UInt64(WordScan.mask(for: alphabet))
        let prime: UInt64 = 0x100_0000_01b3
        let basis: UInt64 = 0xcbf2_9ce4_8422_2325
        let endRun = UInt64(WordScan.endRunBit)
        let runBits = UInt64(WordScan.latinBit | WordScan.cyrillicBit)
        let hashesBefore = wordHashes.count, mixedBefore = mixed.count, foreignBefore = foreign.count
        let n = range.upperBound
        var i = range.lowerBound
        // The sentence: its hash, the pre-check, tokens by kind.
        var h = basis
        var previous: UInt32 = 0
        var suspicious = false
        var kinds = SIMD8<Int>()
        // Letters, in ``WordScan/spread``'s byte lanes, emptied every 255 scalars (before one can carry).
        // Only letters have counts, and a token with a letter is a word: numbers add nothing.
        var packed: UInt64 = 0
        var lanes = 0
        var totals = letterTotals

        func abort() -> Bool {
            wordHashes.removeSubrange(hashesBefore...)
            mixed.removeSubrange(mixedBefore...)
            foreign.removeSubrange(foreignBefore...)
            return false
        }

        while i < n {
            var v = s[i].value
            var e = ScalarFacts.of(v, table)
            if e & ScalarFacts.linkMarkBit != 0 { return abort() }
            if e & ScalarFacts.spaceBit != 0 {
                h = (h ^ UInt64(v)) &* prime
                if e & UInt64(WordScan.suspectBit) != 0 && !suspicious { suspicious = EncodingSuspects.mayStart(previous, v) }
                previous = v
                i += 1
                continue
            }
            let start = i
            if e & ScalarFacts.wBit != 0 {
                // The tokenizer tries a link here only when the word is shaped `www.…`.
                var j = i
                while j < n && ScalarFacts.of(s[j].value, table) & ScalarFacts.spaceBit == 0 { j += 1 }
                if j - i > 4 && s[i + 3] == "." { return abort() }
            }
            if e & ScalarFacts.wordBit != 0 {
                var hasLetter = false
                var wordHash = basis
                var run: UInt64 = 0
                var seen: UInt64 = 0
                var mixedRun = false
                while true {
                    // Scalar `v` (entry `e`) at `i` belongs to the token.
                    h = (h ^ UInt64(v)) &* prime
                    if e & UInt64(WordScan.suspectBit) != 0 && !suspicious { suspicious = EncodingSuspects.mayStart(previous, v) }
                    previous = v
                    wordHash = (wordHash ^ (e & 0x1F_FFFF)) &* prime
                    if e & endRun != 0 {
                        if run == runBits { mixedRun = true }
                        run = 0
                    } else {
                        packed &+= spread[Int((e >> 21) & 63)]
                        lanes &+= 1
                        if lanes == 255 {
                            Self.unpack(packed, into: &totals)
                            packed = 0
                            lanes = 0
                        }
                        if e & UInt64(WordScan.hanBit) != 0 { totals.han += 1 }
                        run |= e & runBits
                        seen |= e
                    }
                    if e & ScalarFacts.letterBit != 0 { hasLetter = true }
                    let wasWord = e & ScalarFacts.wordBit != 0
                    i += 1
                    guard i < n else { break }
                    v = s[i].value
                    e = ScalarFacts.of(v, table)
                    if e & ScalarFacts.wordBit != 0 { continue }
                    if e & ScalarFacts.mayJoinBit != 0 && i + 1 < n && wasWord && Tokenizer.joins(s[i], s[i - 1], s[i + 1]) {
                        if e & ScalarFacts.linkMarkBit != 0 { return abort() }
                        continue
                    }
                    break
                }
                if hasLetter {
                    kinds[TokenKind.word.index] &+= 1
                    if run == runBits { mixedRun = true }
                    wordHashes.append(TextHash.finish(wordHash))
                    let outside = seen & mask != 0
                    if mixedRun || outside {
                        let text = String(String.UnicodeScalarView(s[start..<i]))
                        recordFindings(text, mixed: mixedRun, outside: outside, sentence: sentence, alphabet: alphabet)
                    }
                } else {
                    kinds[TokenKind.number.index] &+= 1
                }
                continue
            }
            if v == 0x2E && i + 2 < n && s[i + 1] == "." && s[i + 2] == "." {
                // `...` and longer runs of dots: one token. Dots are ASCII, so never suspicious.
                h = (h ^ 0x2E) &* prime
                h = (h ^ 0x2E) &* prime
                h = (h ^ 0x2E) &* prime
                previous = 0x2E
                i += 3
                while i < n && s[i] == "." {
                    h = (h ^ 0x2E) &* prime
                    i += 1
                }
                kinds[TokenKind.punctuation.index] &+= 1
                continue
            }
            h = (h ^ UInt64(v)) &* prime
            if e & UInt64(WordScan.suspectBit) != 0 && !suspicious { suspicious = EncodingSuspects.mayStart(previous, v) }
            previous = v
            i += 1
            kinds[Int((e >> ScalarFacts.kindShift) & 7)] &+= 1
        }
        Self.unpack(packed, into: &totals)
        letterTotals = totals
        if suspicious {
            for found in EncodingSuspects.find(in: String(String.UnicodeScalarView(s[range]))) {
                suspects.append(Suspect(sentence: sentence, suspect: found))
            }
        }
        var count = 0
        for k in tokenKinds.indices {
            tokenKinds[k] += kinds[k]
            count += kinds[k]
        }
        sentences.append(SentenceFacts(tokens: count, hash: TextHash.finish(h)))
        return true
    }

    /// Adds the letter counts in ``WordScan/spread``'s byte lanes to `totals`.
    @inline(__always)
    private static func unpack(_ packed: UInt64, into totals: inout LetterTotals) {
        totals.latin &+= Int(packed & 0xFF)
        totals.latinWide &+= Int((packed >> 8) & 0xFF)
        totals.kazakhLatin &+= Int((packed >> 16) & 0xFF)
        totals.cyrillic &+= Int((packed >> 24) & 0xFF)
        totals.kazakhSpecific &+= Int((packed >> 32) & 0xFF)
        totals.other &+= Int((packed >> 40) & 0xFF)
    }
}

import CorpusModel
import CorpusText

/// What the one-pass sentence scan needs to know of a scalar, in one 64-bit
/// entry: the folded scalar (``TextHash``'s lower case) in the low 32 bits,
/// then ``WordScan``'s classes (letter counts, run ends, the mis-decoding
/// pre-check) and the ``Tokenizer``'s. The word bit is the sign bit and the
/// folded value fills a 32-bit half alone, so the hot loop tests and hashes
/// an entry without loading a mask. Scalars below U+0500 are looked up in
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

    static let tableSize = 0x500

    /// The entries of the scalars below U+0500, then (at ``lanesOffset``) their letter counts in
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

    /// The letter lanes of scalar `v` below U+0500.
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

    /// The entry of a scalar from U+0500 up: looked up in ``punctuation``, else computed.
    @inline(never)
    static func above(_ v: UInt32) -> UInt64 {
        let k = v &- punctuationStart
        return k < UInt32(punctuationSize) ? punctuation[Int(k)] : entry(v)
    }

    /// Whether the entry is a word scalar's (its sign bit).
    @inline(__always)
    static func isWord(_ e: UInt64) -> Bool { Int64(bitPattern: e) < 0 }
}

extension BlockFacts {
    /// Analyses the sentence `s[range]` in one pass: its hash, its tokens by
    /// ``Tokenizer``'s rules (with the mis-decoding pre-check), and each
    /// word's hash and letters by ``WordScan``'s — the figures of the general
    /// path (``Tokenizer/forEachToken(in:range:_:)`` then ``WordScan`` per
    /// word), without a call per token or a second walk over the words.
    ///
    /// Returns false, having recorded nothing, for a sentence that may hold a
    /// link (``mayBeLink(_:_:_:_:)``): those take the general path.
    mutating func scanFast(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, sentence: Int, alphabet: Alphabet?
    ) -> Bool {
        guard let base = s.baseAddress, !range.isEmpty else {
            sentences.append(SentenceFacts(tokens: 0, hash: TextHash.finish(0xcbf2_9ce4_8422_2325)))
            return true
        }
        // The one-scalar tokens are counted on the stack, out of the loop's registers.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 8) { kinds in
            kinds.initialize(repeating: 0)
            return scanFast(s, base, range, sentence: sentence, alphabet: alphabet, kinds: kinds.baseAddress!)
        }
    }

    /// ``scanFast(_:_:sentence:alphabet:)`` counting one-scalar tokens at `kinds`.
    ///
    /// One loop, its state in locals. The scalar at `i` is classified once (`v`, `e`): a
    /// space or a one-scalar token is settled at once; a word or number runs the inner
    /// loop over word scalars of the table (two hash steps, an or and one addition each),
    /// which leaves it at a joiner, a scalar above the table or the token's end (handing
    /// that scalar on, classified). The letter lanes in `packed` are emptied after a token
    /// when one reaches 128, so a token shorter than 128 scalars cannot make them carry.
    private mutating func scanFast(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, _ p: UnsafePointer<Unicode.Scalar>, _ range: Range<Int>, sentence: Int,
        alphabet: Alphabet?, kinds: UnsafeMutablePointer<Int>
    ) -> Bool {
        let table = ScalarFacts.table
        let mask = ScalarFacts.mask(for: alphabet)
        let recentSlots = recent?.slots
        let prime: UInt64 = 0x100_0000_01b3
        let n = range.upperBound
        // The sentence's hash, over all its scalars, is taken as the tokens are scanned.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        // Every entry or-ed (what the pre-check needs of every scalar), and ``ScalarFacts/leadPairBit`` for a
        // token that holds a lead and a scalar that may follow one.
        var all: UInt64 = 0
        // `kinds`: tokens of one scalar, by kind; they and the letter totals stay in memory, out of the loop's registers.
        var words = 0, numbers = 0
        var logged = 0  // new words put in `recent` (its journal), forgotten if the sentence is taken back
        // Letters in byte lanes (``ScalarFacts/lanes(_:_:)``): only letters count, and a token with a letter is a word.
        var loop = WordLoop(table: table)
        let end = p + n
        let hashesBefore = wordHashes.count, mixedBefore = mixed.count, foreignBefore = foreign.count
        let totalsBefore = letterTotals
        var i = range.lowerBound
        var v = p[i].value
        var e = ScalarFacts.of(v, table)
        scan: while true {
            all |= e
            if e & ScalarFacts.spaceBit != 0 {
                h = (h ^ UInt64(v)) &* prime
                i &+= 1
                guard i < n else { break scan }
                v = p[i].value
                e = ScalarFacts.of(v, table)
                continue scan
            }
            // With an `@` anywhere the tokenizer looks for a link at every letter: the general path.
            if e & (ScalarFacts.atBit | ScalarFacts.urlStartBit) != 0
                && (e & ScalarFacts.atBit != 0 || Self.mayBeLink(s, i, n, table))
            {
                if let recent { for k in 0..<logged { recent.forget(recent.journal[k]) } }
                wordHashes.removeSubrange(hashesBefore...)
                mixed.removeSubrange(mixedBefore...)
                foreign.removeSubrange(foreignBefore...)
                letterTotals = totalsBefore
                return false
            }
            guard ScalarFacts.isWord(e) else {
                h = (h ^ UInt64(v)) &* prime
                i &+= 1
                if v == 0x2E && i + 1 < n && p[i].value == 0x2E && p[i + 1].value == 0x2E {
                    // `...` and longer runs of dots: one token.
                    while i < n && p[i].value == 0x2E {
                        h = (h ^ 0x2E) &* prime
                        i &+= 1
                    }
                    kinds[TokenKind.punctuation.index] &+= 1
                } else {
                    kinds[Int((e >> ScalarFacts.kindShift) & 7)] &+= 1
                }
                guard i < n else { break scan }
                v = p[i].value
                e = ScalarFacts.of(v, table)
                continue scan
            }
            // A word or number: word scalars, and joiners between them (``Tokenizer/joins(_:_:_:)``).
            let start = i, packedBefore = loop.packed
            var wordHash: UInt64 = 0xcbf2_9ce4_8422_2325
            var seen: UInt64 = 0
            var q = p + i
            var atEnd = false
            token: while true {
                (q, h, wordHash, seen) = Self.wordScalars(q, end, h, wordHash, seen, &loop)
                guard q < end else {
                    atEnd = true
                    break token
                }
                // `q` (`v`, `e`) is above the table, or no word scalar: a joiner may continue the token.
                v = q.pointee.value
                e = ScalarFacts.of(v, table)
                guard _slowPath(ScalarFacts.isWord(e) || (e >> ScalarFacts.joinShift) & 3 != 0 && Self.joins(p, Self.index(of: q, in: p), n, e, table))
                else { break token }
                (h, wordHash, seen, loop.packed) = addOne(v, e, h, wordHash, seen, loop.packed)
                q += 1
            }
            i = Self.index(of: q, in: p)
            // The letter lanes were below 128 at the token's start; a token of fewer than 128 scalars cannot
            // make them carry. A longer one (rare) has its letters counted again, one by one.
            if _slowPath(i &- start >= 128) {
                loop.packed = packedBefore
                countLetters(p, start..<i)
            }
            if loop.packed & 0x8080_8080_8080 != 0 {
                Self.unpack(loop.packed, into: &letterTotals)
                loop.packed = 0
            }
            all |= seen
            // The pre-check: a lead and a scalar that may follow one, in the word or just after it.
            if seen & ScalarFacts.leadBit != 0 {
                if seen & ScalarFacts.suspectBit != 0
                    || !atEnd && ScalarFacts.of(p[i - 1].value, table) & ScalarFacts.leadBit != 0 && e & ScalarFacts.suspectBit != 0
                {
                    all |= ScalarFacts.leadPairBit
                }
            }
            // Letters are never run ends, so `seen` has the letter bit exactly when the token has a letter.
            if seen & ScalarFacts.letterBit != 0 {
                words &+= 1
                // ``RecentWords/isNew(_:)`` on the raw hash: a word seen lately is not finished at all.
                var isNew = true
                if let recentSlots {
                    let slot = recentSlots + (Int(truncatingIfNeeded: wordHash) & (RecentWords.size - 1))
                    if wordHash != 0 && slot.pointee == wordHash { isNew = false } else { slot.pointee = wordHash }
                }
                // Few words are new lately: most never reach the array (which starts with room for 16).
                if isNew {
                    if let recent {
                        recent.log(wordHash, at: logged)
                        logged &+= 1
                    }
                    if wordHashes.capacity == 0 { wordHashes.reserveCapacity(16) }
                    wordHashes.append(TextHash.finish(wordHash))
                }
                // Most words have letters of one script: only a token with both is walked again for its runs.
                if _slowPath(seen & ScalarFacts.latinBit != 0 && seen & ScalarFacts.cyrillicBit != 0 || seen & mask != 0) {
                    recordWord(s, start..<i, seen: seen, mask: mask, sentence: sentence, alphabet: alphabet)
                }
            } else {
                numbers &+= 1
            }
            if atEnd { break scan }
        }
        Self.unpack(loop.packed, into: &letterTotals)
        // The mis-decoding pre-check (``EncodingSuspects/mayStart(_:_:)``) can hold only at a scalar that may
        // follow a lead right after one (leads are letters: in a word, next to its last scalar) or at an
        // always-suspicious scalar; `all` has ``ScalarFacts/leadPairBit`` only when a word has both.
        if all & (ScalarFacts.leadPairBit | ScalarFacts.alwaysBit) != 0 && Self.mayBeMisdecoded(s, range, table) {
            for found in EncodingSuspects.find(in: String(String.UnicodeScalarView(s[range]))) {
                suspects.append(Suspect(sentence: sentence, suspect: found))
            }
        }
        kinds[TokenKind.word.index] &+= words
        kinds[TokenKind.number.index] &+= numbers
        var count = 0
        for k in 0..<TokenKind.allCases.count {
            kindCounts[k] &+= kinds[k]
            count &+= kinds[k]
        }
        sentences.append(SentenceFacts(tokens: count, hash: TextHash.finish(h)))
        return true
    }

    /// The index of `q` in `p` (`q - p` without the signed division's rounding steps: `q` is never before `p`).
    @inline(__always)
    private static func index(of q: UnsafePointer<Unicode.Scalar>, in p: UnsafePointer<Unicode.Scalar>) -> Int {
        Int(bitPattern: (UInt(bitPattern: q) &- UInt(bitPattern: p)) >> 2)
    }

    /// What ``wordScalars(_:_:_:_:_:_:)`` keeps in memory: the letter lanes, and the table.
    struct WordLoop {
        var packed: UInt64 = 0
        let table: UnsafePointer<UInt64>
    }

    /// The hot loop: adds the word scalars of the table from `q` on (up to `end`) to the sentence
    /// hash `h`, the word hash, the or-ed entries and `loop`'s letter lanes, and returns where they
    /// stop with the three values. Out of line, its state in arguments and results (registers):
    /// inlined, it lost registers to the scan around it.
    @inline(never)
    private static func wordScalars(
        _ q: UnsafePointer<Unicode.Scalar>, _ end: UnsafePointer<Unicode.Scalar>, _ h: UInt64, _ wordHash: UInt64, _ seen: UInt64,
        _ loop: inout WordLoop
    ) -> (UnsafePointer<Unicode.Scalar>, UInt64, UInt64, UInt64) {
        let table = loop.table
        let prime: UInt64 = 0x100_0000_01b3
        var q = q, h = h, wordHash = wordHash, seen = seen, packed = loop.packed
        while q < end {
            let v = q.pointee.value
            guard v < UInt32(ScalarFacts.tableSize) else { break }
            let e = table[Int(v)]
            guard ScalarFacts.isWord(e) else { break }
            h = (h ^ UInt64(v)) &* prime
            wordHash = (wordHash ^ UInt64(UInt32(truncatingIfNeeded: e))) &* prime
            seen |= e
            packed &+= ScalarFacts.lanes(v, table)
            q += 1
        }
        loop.packed = packed
        return (q, h, wordHash, seen)
    }

    /// Whether the non-word scalar `p[i]` (entry `e`) joins the word scalars around it (``Tokenizer/joins(_:_:_:)``).
    @inline(never)
    private static func joins(_ p: UnsafePointer<Unicode.Scalar>, _ i: Int, _ n: Int, _ e: UInt64, _ table: UnsafePointer<UInt64>) -> Bool {
        let join = (e >> ScalarFacts.joinShift) & 3
        guard join != 0 && i + 1 < n else { return false }
        let before = ScalarFacts.of(p[i - 1].value, table), after = ScalarFacts.of(p[i + 1].value, table)
        let need = join == 1 ? ScalarFacts.wordBit : join == 2 ? ScalarFacts.letterBit : ScalarFacts.digitBit
        return ScalarFacts.isWord(before) && after & need != 0 && (join == 1 || before & need != 0)
    }

    /// The scan's step for a joiner or a word scalar above the table (out of line, so the hot loop stays apart):
    /// the sentence hash, the word hash, the or-ed entries and the letter lanes after scalar `v` (entry `e`).
    @inline(never)
    private mutating func addOne(
        _ v: UInt32, _ e: UInt64, _ h: UInt64, _ wordHash: UInt64, _ seen: UInt64, _ packed: UInt64
    ) -> (UInt64, UInt64, UInt64, UInt64) {
        if e & ScalarFacts.hanBit != 0 { letterTotals.han += 1 }
        let prime: UInt64 = 0x100_0000_01b3
        return ((h ^ UInt64(v)) &* prime, (wordHash ^ UInt64(UInt32(truncatingIfNeeded: e))) &* prime, seen | e,
                packed &+ WordScan.spread[Int((e >> ScalarFacts.countShift) & 63)])
    }

    /// Adds the letters of the scalars `p[range]` to ``letterTotals`` one by one (for a token too long for the lanes).
    @inline(never)
    private mutating func countLetters(_ p: UnsafePointer<Unicode.Scalar>, _ range: Range<Int>) {
        for i in range {
            let e = ScalarFacts.of(p[i].value, ScalarFacts.table)
            Self.unpack(WordScan.spread[Int((e >> ScalarFacts.countShift) & 63)], into: &letterTotals)
        }
    }

    /// Records the word `s[range]` when a letter run mixes Latin and Cyrillic or a letter is outside the alphabet.
    @inline(never)
    private mutating func recordWord(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, seen: UInt64, mask: UInt64, sentence: Int, alphabet: Alphabet?
    ) {
        let scripts = ScalarFacts.latinBit | ScalarFacts.cyrillicBit
        let isMixed = seen & scripts == scripts && Self.hasMixedRun(s, range, ScalarFacts.table)
        let outside = seen & mask != 0
        guard isMixed || outside else { return }
        recordFindings(String(String.UnicodeScalarView(s[range])), mixed: isMixed, outside: outside, sentence: sentence, alphabet: alphabet)
    }

    /// The pre-check over `s[range]`: ``EncodingSuspects/mayStart(_:_:)`` at a scalar after a lead or at an always-suspicious one.
    @inline(never)
    private static func mayBeMisdecoded(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, _ table: UnsafePointer<UInt64>) -> Bool {
        var previous: UInt64 = 0
        for i in range {
            let e = ScalarFacts.of(s[i].value, table)
            if (e | previous) & (ScalarFacts.leadBit | ScalarFacts.alwaysBit) != 0,
                EncodingSuspects.mayStart(i > range.lowerBound ? s[i - 1].value : 0, s[i].value)
            {
                return true
            }
            previous = e & ScalarFacts.leadBit
        }
        return false
    }

    /// Whether a letter run of the token `s[range]` mixes Latin and Cyrillic (``WordScan``'s runs:
    /// run ends split them, marks continue them). Asked only of tokens with letters of both.
    @inline(never)
    private static func hasMixedRun(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, _ table: UnsafePointer<UInt64>) -> Bool {
        let runBits = ScalarFacts.latinBit | ScalarFacts.cyrillicBit
        var run: UInt64 = 0
        for i in range {
            let e = ScalarFacts.of(s[i].value, table)
            if e & ScalarFacts.endRunBit != 0 {
                if run & runBits == runBits { return true }
                run = 0
            } else {
                run |= e
            }
        }
        return run & runBits == runBits
    }

    /// Whether a link may start at the letter `s[i]` (``Tokenizer``'s `linkEnd`): its run of
    /// non-space scalars holds an `@`, or holds a `:` and starts with h, f or w (without `@`
    /// only a URL prefix makes a link, and only these letters start one), or is shaped `www.…`.
    /// Callers ask only at letters the tokenizer tries: all in a sentence with an `@`, else h, f, w.
    @inline(never)
    private static func mayBeLink(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int, _ n: Int, _ table: UnsafePointer<UInt64>) -> Bool {
        var j = i
        var marks: UInt64 = 0
        while j < n {
            let e = ScalarFacts.of(s[j].value, table)
            if e & ScalarFacts.spaceBit != 0 { break }
            marks |= e
            j += 1
        }
        if marks & ScalarFacts.atBit != 0 { return true }
        let urlStart = ScalarFacts.of(s[i].value, table) & ScalarFacts.urlStartBit != 0
        if urlStart && marks & ScalarFacts.colonBit != 0 { return true }
        return (s[i] == "w" || s[i] == "W") && j - i > 4 && s[i + 3] == "."
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

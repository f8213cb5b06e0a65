import CorpusModel
import CorpusText

extension BlockFacts {
    /// Analyses the sentence `bytes[range]` (valid UTF-8, cut at scalar starts) in one pass
    /// over its bytes: its hash, its tokens by ``Tokenizer``'s rules (with the mis-decoding
    /// pre-check), and each word's hash and letters by ``WordScan``'s — the figures of the
    /// general path (``Tokenizer/forEachToken(in:range:_:)`` over decoded scalars, then
    /// ``WordScan`` per word), without decoding the paragraph into an array, a call per
    /// token or a second walk over the words.
    ///
    /// Returns false, having recorded nothing, for a sentence that may hold a
    /// link (``mayBeLink(_:_:_:)``): those take the general path.
    mutating func scanFast(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, sentence: Int, alphabet: Alphabet?) -> Bool {
        guard let base = bytes.baseAddress, !range.isEmpty else {
            sentences.append(SentenceFacts(tokens: 0, hash: TextHash.finish(0xcbf2_9ce4_8422_2325)))
            return true
        }
        // The one-scalar tokens are counted on the stack, out of the loop's registers.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 8) { kinds in
            kinds.initialize(repeating: 0)
            return scanFast(base + range.lowerBound, base + range.upperBound, sentence: sentence, alphabet: alphabet,
                            kinds: kinds.baseAddress!)
        }
    }

    /// ``scanFast(_:_:sentence:alphabet:)`` over the bytes `start..<end`, counting one-scalar tokens at `kinds`.
    ///
    /// One loop, its state in locals. The scalar at `q` is decoded and classified once (`v`,
    /// `w`, `e`): a space or a one-scalar token is settled at once; a word or number runs the
    /// inner loop over word scalars of one or two bytes (a decode, two hash steps, an or and
    /// one addition each), which leaves it at a joiner, a longer scalar or the token's end
    /// (handing that scalar on, classified). The letter lanes in `packed` are emptied after a
    /// token when one reaches 128, so a token shorter than 128 bytes cannot make them carry.
    private mutating func scanFast(
        _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, sentence: Int, alphabet: Alphabet?,
        kinds: UnsafeMutablePointer<Int>
    ) -> Bool {
        let table = ScalarFacts.table
        let mask = ScalarFacts.mask(for: alphabet)
        let scripts = ScalarFacts.latinBit | ScalarFacts.cyrillicBit
        let recentSlots = recent?.slots
        let prime: UInt64 = 0x100_0000_01b3
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
        let hashesBefore = wordHashes.count, mixedBefore = mixed.count, foreignBefore = foreign.count
        let totalsBefore = letterTotals
        // The first and last token with a lead pair: the pre-check walks only from one to the other (without an
        // always-suspicious scalar, a pair lies inside such a token or at the scalar right after it).
        var pairsFrom: UnsafePointer<UInt8>?, pairsTo = start
        var q = start
        var (v, w) = ValidUTF8.decode(q)
        var e = ScalarFacts.of(v, table)
        scan: while true {
            all |= e
            if e & ScalarFacts.spaceBit != 0 {
                h = (h ^ UInt64(v)) &* prime
                q += w
                guard q < end else { break scan }
                (v, w) = ValidUTF8.decode(q)
                e = ScalarFacts.of(v, table)
                continue scan
            }
            // With an `@` anywhere the tokenizer looks for a link at every letter: the general path.
            if e & (ScalarFacts.atBit | ScalarFacts.urlStartBit) != 0
                && (e & ScalarFacts.atBit != 0 || Self.mayBeLink(q, end, table))
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
                q += w
                if v == 0x2E && q + 1 < end && q[0] == 0x2E && q[1] == 0x2E {
                    // `...` and longer runs of dots: one token (`.` is one byte, so bytes are scalars here).
                    while q < end && q[0] == 0x2E {
                        h = (h ^ 0x2E) &* prime
                        q += 1
                    }
                    kinds[TokenKind.punctuation.index] &+= 1
                } else {
                    kinds[Int((e >> ScalarFacts.kindShift) & 7)] &+= 1
                }
                guard q < end else { break scan }
                (v, w) = ValidUTF8.decode(q)
                e = ScalarFacts.of(v, table)
                continue scan
            }
            // A word or number: word scalars, and joiners between them (``Tokenizer/joins(_:_:_:)``).
            let tokenStart = q, packedBefore = loop.packed
            var wordHash: UInt64 = 0xcbf2_9ce4_8422_2325
            var seen: UInt64 = 0
            var atEnd = false
            token: while true {
                let stop: Stop
                (q, h, wordHash, seen, stop) = Self.wordScalars(q, end, h, wordHash, seen, &loop)
                guard q < end else {
                    atEnd = true
                    break token
                }
                // `q` (`v`, `w`, `e`) is a longer scalar, or no word scalar: a joiner may continue the token.
                if stop.width != 0 {
                    (v, w, e) = (stop.value, stop.width, stop.entry)
                } else {
                    (v, w) = ValidUTF8.decode(q)
                    e = ScalarFacts.of(v, table)
                }
                guard _slowPath(ScalarFacts.isWord(e) || (e >> ScalarFacts.joinShift) & 3 != 0 && Self.joins(q, w, end, e, table))
                else { break token }
                (h, wordHash, seen, loop.packed) = addOne(v, e, h, wordHash, seen, loop.packed)
                q += w
            }
            all |= seen
            // Rare tokens (long, holding a lead, mixing scripts, with letters outside the alphabet) are settled out
            // of line; one test keeps them off the common path.
            if _slowPath(seen & (ScalarFacts.leadBit | mask) != 0 || ~seen & scripts == 0 || q - tokenStart >= 128) {
                let found = rareToken(tokenStart, q, seen: seen, next: atEnd ? nil : e, packedBefore: packedBefore, loop: &loop,
                                      mask: mask, sentence: sentence, alphabet: alphabet)
                if found != 0 {
                    all |= found
                    if pairsFrom == nil { pairsFrom = tokenStart }
                    pairsTo = q
                }
            }
            if loop.packed & 0x8080_8080_8080 != 0 {
                Self.unpack(loop.packed, into: &letterTotals)
                loop.packed = 0
            }
            // Letters are never run ends, so `seen` has the letter bit exactly when the token has a letter.
            if seen & ScalarFacts.letterBit != 0 {
                words &+= 1
                // ``RecentWords/isNew(_:)`` on the raw hash: a word seen lately is not finished at all.
                var isNew = true
                if let recentSlots { isNew = RecentWords.isNew(wordHash, in: RecentWords.set(of: wordHash, in: recentSlots)) }
                // Few words are new lately: most never reach the array (which starts with room for 16).
                if isNew {
                    if let recent {
                        recent.log(wordHash, at: logged)
                        logged &+= 1
                    }
                    if wordHashes.capacity == 0 { wordHashes.reserveCapacity(16) }
                    wordHashes.append(TextHash.finish(wordHash))
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
        if all & (ScalarFacts.leadPairBit | ScalarFacts.alwaysBit) != 0 && Self.mayBeMisdecoded(start, end, table, pairs: pairsFrom.map { $0..<pairsTo }, all: all) {
            for found in EncodingSuspects.find(in: UTF8Scalars.string(start, end)) {
                suspects.append(Suspect(sentence: sentence, suspect: found))
            }
        }
        kinds[TokenKind.word.index] &+= words
        kinds[TokenKind.number.index] &+= numbers
        // All eight lanes at once (the last two are never counted, so 0): a loop over `TokenKind.allCases`
        // fetched that array, a retain and a release, for every sentence.
        let counted = SIMD8<Int>(UnsafeBufferPointer(start: kinds, count: 8))
        kindCounts &+= counted
        sentences.append(SentenceFacts(tokens: counted.wrappedSum(), hash: TextHash.finish(h)))
        return true
    }

    /// The rare cases of a token `start..<end` (or-ed entries `seen`), out of the scan's loop: a token of
    /// 128 bytes or more has its letters counted again one by one (the lanes, at `packedBefore` when it
    /// started, could carry); a lead with a scalar that may follow one, in the token or as the scalar
    /// `next` after it, gives ``ScalarFacts/leadPairBit`` (returned, for the pre-check); a word mixing
    /// Latin and Cyrillic or holding letters outside the alphabet is recorded.
    @inline(never)
    private mutating func rareToken(
        _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, seen: UInt64, next: UInt64?, packedBefore: UInt64,
        loop: inout WordLoop, mask: UInt64, sentence: Int, alphabet: Alphabet?
    ) -> UInt64 {
        if end - start >= 128 {
            loop.packed = packedBefore
            countLetters(start, end)
        }
        var found: UInt64 = 0
        if seen & ScalarFacts.leadBit != 0 {
            if seen & ScalarFacts.suspectBit != 0
                || (next ?? 0) & ScalarFacts.suspectBit != 0 && Self.lastIsLead(end, loop.table)
            {
                found = ScalarFacts.leadPairBit
            }
        }
        // Letters are never run ends, so `seen` has the letter bit exactly when the token has a letter.
        if seen & ScalarFacts.letterBit != 0
            && (seen & ScalarFacts.latinBit != 0 && seen & ScalarFacts.cyrillicBit != 0 || seen & mask != 0)
        {
            recordWord(start, end, seen: seen, mask: mask, sentence: sentence, alphabet: alphabet)
        }
        return found
    }

    /// What ``wordScalars(_:_:_:_:_:_:)`` keeps in memory: the letter lanes, and the table.
    struct WordLoop {
        var packed: UInt64 = 0
        let table: UnsafePointer<UInt64>
    }

    /// The scalar ``wordScalars(_:_:_:_:_:_:)`` stopped at, decoded and classified (`width` 0: not decoded,
    /// a scalar of three or four bytes or the end), so the scan does not decode it again.
    struct Stop {
        var value: UInt32
        var width: Int
        var entry: UInt64
    }

    /// The hot loop: adds the word scalars of one or two bytes from `q` on (up to `end`) to the
    /// sentence hash `h`, the word hash, the or-ed entries and `loop`'s letter lanes, and returns
    /// where they stop with the three values and the scalar there (``Stop``). Inlined into the
    /// scan at its one call: out of line it
    /// cost a call, six saved registers and the spills around it per word (100 MiB, 20 alternated
    /// runs: CPU 0.483 → 0.463 s; an earlier scan, with more state live around the call, had lost
    /// registers to it).
    ///
    /// Runs of Cyrillic letters (U+0400–U+04FF, lead bytes D0–D3: nearly every letter of a Kazakh
    /// or Russian word) go four, then two at a time: one load and mask test finds them, their
    /// values come out of the bytes in a few shifts for all lanes at once, and one test of two
    /// entries' and-ed sign bits says both are word scalars. The rest goes one scalar at a time.
    @inline(__always)
    private static func wordScalars(
        _ q: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, _ h: UInt64, _ wordHash: UInt64, _ seen: UInt64,
        _ loop: inout WordLoop
    ) -> (UnsafePointer<UInt8>, UInt64, UInt64, UInt64, Stop) {
        let table = loop.table
        let prime: UInt64 = 0x100_0000_01b3
        var q = q, h = h, wordHash = wordHash, seen = seen, packed = loop.packed
        /// Adds the word scalar `v` with entry `e`.
        @inline(__always)
        func add(_ v: Int, _ e: UInt64) {
            h = (h ^ UInt64(truncatingIfNeeded: v)) &* prime
            wordHash = (wordHash ^ UInt64(UInt32(truncatingIfNeeded: e))) &* prime
            packed &+= ScalarFacts.lanes(UInt32(truncatingIfNeeded: v), table)
        }
        while end - q >= 8 {
            // Little-endian: each 16-bit lane is a lead byte, then a continuation byte.
            let x = UInt64(littleEndian: UnsafeRawPointer(q).loadUnaligned(as: UInt64.self))
            guard x & 0xC0FC_C0FC_C0FC_C0FC == 0x80D0_80D0_80D0_80D0 else { break }
            let values = (x >> 8) & 0x003F_003F_003F_003F | (x & 0x0003_0003_0003_0003) << 6 | 0x0400_0400_0400_0400
            // Two and two, so fewer values are live at once (the loop's state stays in registers).
            let v0 = Int(values & 0xFFFF), v1 = Int((values >> 16) & 0xFFFF)
            let e0 = table[v0], e1 = table[v1]
            guard ScalarFacts.isWord(e0 & e1) else { break }
            add(v0, e0)
            add(v1, e1)
            seen |= e0 | e1
            let v2 = Int((values >> 32) & 0xFFFF), v3 = Int(values >> 48)
            let e2 = table[v2], e3 = table[v3]
            guard ScalarFacts.isWord(e2 & e3) else {
                q += 4
                break
            }
            add(v2, e2)
            add(v3, e3)
            seen |= e2 | e3
            q += 8
        }
        if end - q >= 4 {
            let x = UInt32(littleEndian: UnsafeRawPointer(q).loadUnaligned(as: UInt32.self))
            if x & 0xC0FC_C0FC == 0x80D0_80D0 {
                let values = (x >> 8) & 0x003F_003F | (x & 0x0003_0003) << 6 | 0x0400_0400
                let v0 = Int(values & 0xFFFF), v1 = Int(values >> 16)
                let e0 = table[v0], e1 = table[v1]
                if ScalarFacts.isWord(e0 & e1) {
                    add(v0, e0)
                    add(v1, e1)
                    seen |= e0 | e1
                    q += 4
                }
            }
        }
        var stop = Stop(value: 0, width: 0, entry: 0)
        while q < end {
            var v = UInt32(q[0])
            var w = 1
            if v >= 0x80 {
                // Two bytes (Cyrillic, Latin with accents): the table covers them all; longer ones stop here.
                guard v < 0xE0 else { break }
                v = (v & 0x1F) << 6 | UInt32(q[1] & 0x3F)
                w = 2
            }
            let e = table[Int(v)]
            guard ScalarFacts.isWord(e) else {
                stop = Stop(value: v, width: w, entry: e)
                break
            }
            add(Int(v), e)
            seen |= e
            q += w
        }
        loop.packed = packed
        return (q, h, wordHash, seen, stop)
    }

    /// Whether the non-word scalar at `q` (`w` bytes, entry `e`), after a word scalar, joins the word
    /// scalars around it (``Tokenizer/joins(_:_:_:)``).
    @inline(never)
    private static func joins(_ q: UnsafePointer<UInt8>, _ w: Int, _ end: UnsafePointer<UInt8>, _ e: UInt64, _ table: UnsafePointer<UInt64>) -> Bool {
        let join = (e >> ScalarFacts.joinShift) & 3
        guard join != 0 && q + w < end else { return false }
        let before = ScalarFacts.of(ValidUTF8.decode(ValidUTF8.start(before: q)).value, table)
        let after = ScalarFacts.of(ValidUTF8.decode(q + w).value, table)
        let need = join == 1 ? ScalarFacts.wordBit : join == 2 ? ScalarFacts.letterBit : ScalarFacts.digitBit
        return ScalarFacts.isWord(before) && after & need != 0 && (join == 1 || before & need != 0)
    }

    /// Whether the scalar before `q` (a token's last) is a lead of a mis-decoded pair.
    @inline(never)
    private static func lastIsLead(_ q: UnsafePointer<UInt8>, _ table: UnsafePointer<UInt64>) -> Bool {
        ScalarFacts.of(ValidUTF8.decode(ValidUTF8.start(before: q)).value, table) & ScalarFacts.leadBit != 0
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

    /// Adds the letters of the scalars `start..<end` to ``letterTotals`` one by one (for a token too long for the lanes).
    @inline(never)
    private mutating func countLetters(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) {
        var totals = letterTotals
        UTF8Scalars.forEach(start, end) { v, _ in
            let e = ScalarFacts.of(v, ScalarFacts.table)
            Self.unpack(WordScan.spread[Int((e >> ScalarFacts.countShift) & 63)], into: &totals)
        }
        letterTotals = totals
    }

    /// Records the word `start..<end` when a letter run mixes Latin and Cyrillic or a letter is outside the alphabet.
    @inline(never)
    private mutating func recordWord(
        _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, seen: UInt64, mask: UInt64, sentence: Int, alphabet: Alphabet?
    ) {
        let scripts = ScalarFacts.latinBit | ScalarFacts.cyrillicBit
        let isMixed = seen & scripts == scripts && Self.hasMixedRun(start, end, ScalarFacts.table)
        let outside = seen & mask != 0
        guard isMixed || outside else { return }
        recordFindings(UTF8Scalars.string(start, end), mixed: isMixed, outside: outside, sentence: sentence, alphabet: alphabet)
    }

    /// The pre-check over `start..<end`: ``EncodingSuspects/mayStart(_:_:)`` at a scalar after a lead or at an
    /// always-suspicious one.
    ///
    /// With no always-suspicious scalar in the sentence (`all`, its or-ed entries), a pair can only lie inside a
    /// token with a lead pair or at the scalar after one, so only `pairs` (from the first such token's start to
    /// the last one's end) and the scalar after it are walked: on clean Kazakh text, where `С` before `і` makes
    /// such tokens common, the whole sentence was walked for 1,500 of 33,000 sentences, 8.7 M instructions of 10 MiB.
    /// A token starts after a scalar that is not a word scalar, so never after a lead (leads are letters).
    @inline(never)
    private static func mayBeMisdecoded(
        _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, _ table: UnsafePointer<UInt64>, pairs: Range<UnsafePointer<UInt8>>?,
        all: UInt64
    ) -> Bool {
        var start = start, end = end
        if let pairs, all & ScalarFacts.alwaysBit == 0 {
            start = pairs.lowerBound
            end = min(end, pairs.upperBound + 1)
        }
        var previous: UInt64 = 0, previousValue: UInt32 = 0
        var found = false
        var q = start
        while q < end && !found {
            let (v, w) = ValidUTF8.decode(q)
            let e = ScalarFacts.of(v, table)
            if (e | previous) & (ScalarFacts.leadBit | ScalarFacts.alwaysBit) != 0, EncodingSuspects.mayStart(previousValue, v) {
                found = true
            }
            previous = e & ScalarFacts.leadBit
            previousValue = v
            q += w
        }
        return found
    }

    /// Whether a letter run of the token `start..<end` mixes Latin and Cyrillic (``WordScan``'s runs:
    /// run ends split them, marks continue them). Asked only of tokens with letters of both.
    @inline(never)
    private static func hasMixedRun(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, _ table: UnsafePointer<UInt64>) -> Bool {
        let runBits = ScalarFacts.latinBit | ScalarFacts.cyrillicBit
        var run: UInt64 = 0
        var mixed = false
        UTF8Scalars.forEach(start, end) { v, _ in
            let e = ScalarFacts.of(v, table)
            if e & ScalarFacts.endRunBit != 0 {
                if run & runBits == runBits { mixed = true }
                run = 0
            } else {
                run |= e
            }
        }
        return mixed || run & runBits == runBits
    }

    /// Whether a link may start at the letter at `q` (``Tokenizer``'s `linkEnd`): its run of
    /// non-space scalars holds an `@`, or holds a `:` and starts with h, f or w (without `@`
    /// only a URL prefix makes a link, and only these letters start one), or is shaped `www.…`.
    /// Callers ask only at letters the tokenizer tries: all in a sentence with an `@`, else h, f, w.
    @inline(never)
    private static func mayBeLink(_ q: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, _ table: UnsafePointer<UInt64>) -> Bool {
        var j = q
        var marks: UInt64 = 0
        var scalars = 0
        // The fourth scalar's first byte (`www.`: a `.` there).
        var fourth: UInt8 = 0
        while j < end {
            let (v, w) = ValidUTF8.decode(j)
            let e = ScalarFacts.of(v, table)
            if e & ScalarFacts.spaceBit != 0 { break }
            if scalars == 3 { fourth = j[0] }
            marks |= e
            scalars += 1
            j += w
        }
        if marks & ScalarFacts.atBit != 0 { return true }
        let urlStart = ScalarFacts.of(ValidUTF8.decode(q).value, table) & ScalarFacts.urlStartBit != 0
        if urlStart && marks & ScalarFacts.colonBit != 0 { return true }
        return (q[0] == 0x77 || q[0] == 0x57) && scalars > 4 && fourth == 0x2E
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

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

    /// How the scalar joins word scalars around it (2 bits, ``Tokenizer/joins(_:_:_:)`` sampled):
    /// 0 never, 1 before any word scalar (hyphens), 2 between letters (apostrophes), 3 between digits.
    static let joinShift: UInt64 = 44

    /// ``Tokenizer/kind(of:)`` of the scalar alone, as ``TokenKind/index``, from this bit up (3 bits).
    static let kindShift: UInt64 = 40

    static let tableSize = 0x500

    /// Per scalar below U+0500: its letter counts in ``WordScan/spread``'s byte lanes.
    nonisolated(unsafe) static let lanes: UnsafePointer<UInt64> = {
        let memory = UnsafeMutablePointer<UInt64>.allocate(capacity: tableSize)
        for v in 0..<tableSize { (memory + v).initialize(to: WordScan.spread[Int((table[v] >> 21) & 63)]) }
        return UnsafePointer(memory)
    }()

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
        v < UInt32(tableSize) ? table[Int(v)] : entry(v)
    }
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
        let table = ScalarFacts.table, lanes = ScalarFacts.lanes
        let mask = UInt64(WordScan.mask(for: alphabet))
        let n = range.upperBound
        // The sentence's hash, over all its scalars, is taken as the tokens are scanned.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        let hashesBefore = wordHashes.count, mixedBefore = mixed.count, foreignBefore = foreign.count
        func abort() -> Bool {
            if let recent { for h in wordHashes[hashesBefore...] { recent.forget(h) } }
            wordHashes.removeSubrange(hashesBefore...)
            mixed.removeSubrange(mixedBefore...)
            foreign.removeSubrange(foreignBefore...)
            return false
        }
        // `all` gathers what the pre-check needs of every scalar.
        var all: UInt64 = 0
        var kinds = SIMD8<Int>()  // tokens of one scalar, by kind
        var words = 0, numbers = 0  // counted apart: most tokens (a vector lane update goes through memory)
        var totals = letterTotals
        // Letters of the sentence's words in byte lanes (``lanes``), emptied before one can carry.
        // Only letters count, and a token with a letter is a word: numbers add nothing.
        var packed: UInt64 = 0
        var i = range.lowerBound
        while i < n {
            let v = s[i].value
            let e = ScalarFacts.of(v, table)
            all |= e & ScalarFacts.alwaysBit
            if e & ScalarFacts.spaceBit != 0 {
                h = (h ^ UInt64(v)) &* 0x100_0000_01b3
                i += 1
                continue
            }
            // With an `@` anywhere the tokenizer looks for a link at every letter: the general path.
            if e & ScalarFacts.atBit != 0 { return abort() }
            let start = i
            if e & ScalarFacts.urlStartBit != 0 && Self.mayBeLink(s, i, n, table) { return abort() }
            if e & ScalarFacts.wordBit != 0 {
                let token = Self.scanWordOrNumber(s, from: i, end: n, table: table, lanes: lanes, packed: &packed, totals: &totals,
                                                  sentenceHash: &h)
                i = token.end
                let seen = token.seen
                // The pre-check: a lead and a scalar that may follow one, in the word or just after it.
                if seen & ScalarFacts.leadBit != 0 {
                    let suspect = UInt64(WordScan.suspectBit)
                    if seen & suspect != 0
                        || i < n && ScalarFacts.of(s[i - 1].value, table) & ScalarFacts.leadBit != 0
                            && ScalarFacts.of(s[i].value, table) & suspect != 0
                    {
                        all |= ScalarFacts.leadBit
                    }
                }
                all |= seen & ScalarFacts.alwaysBit
                // Letters are never run ends, so `seen` has the letter bit exactly when the token has a letter.
                if seen & ScalarFacts.letterBit != 0 {
                    words &+= 1
                    let folded = TextHash.finish(token.hash)
                    if recent?.isNew(folded) ?? true { wordHashes.append(folded) }
                    let isMixed = seen & Self.mixedFlag != 0, outside = seen & mask != 0
                    if isMixed || outside {
                        let text = String(String.UnicodeScalarView(s[start..<i]))
                        recordFindings(text, mixed: isMixed, outside: outside, sentence: sentence, alphabet: alphabet)
                    }
                } else {
                    numbers &+= 1
                }
                continue
            }
            h = (h ^ UInt64(v)) &* 0x100_0000_01b3
            if v == 0x2E && i + 2 < n && s[i + 1] == "." && s[i + 2] == "." {
                // `...` and longer runs of dots: one token.
                i += 1
                while i < n && s[i] == "." {
                    h = (h ^ 0x2E) &* 0x100_0000_01b3
                    i += 1
                }
                kinds[TokenKind.punctuation.index] &+= 1
                continue
            }
            i += 1
            kinds[Int((e >> ScalarFacts.kindShift) & 7)] &+= 1
        }
        Self.unpack(packed, into: &totals)
        letterTotals = totals
        // The mis-decoding pre-check (``EncodingSuspects/mayStart(_:_:)``) can hold only at a scalar that may
        // follow a lead right after one (leads are letters: in a word, next to its last scalar) or at an
        // always-suspicious scalar; `all` has ``ScalarFacts/leadBit`` only when a word has both.
        if all & (ScalarFacts.leadBit | ScalarFacts.alwaysBit) != 0 && Self.mayBeMisdecoded(s, range, table) {
            for found in EncodingSuspects.find(in: String(String.UnicodeScalarView(s[range]))) {
                suspects.append(Suspect(sentence: sentence, suspect: found))
            }
        }
        kinds[TokenKind.word.index] &+= words
        kinds[TokenKind.number.index] &+= numbers
        var count = 0
        for k in tokenKinds.indices {
            tokenKinds[k] += kinds[k]
            count += kinds[k]
        }
        sentences.append(SentenceFacts(tokens: count, hash: TextHash.finish(h)))
        return true
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

    /// Set in a token's or-ed entries when one of its letter runs mixes Latin and Cyrillic (a bit no entry has).
    private static let mixedFlag: UInt64 = 1 << 63

    /// A word or number token being scanned: its folded hash and all its entries or-ed.
    struct TokenState {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var seen: UInt64 = 0

        /// Adds scalar `v` with entry `e` (``WordScan/add(_:table:)``'s rules); its letters go to `packed`
        /// (`lanes` is zero for any scalar that is not a letter).
        @inline(__always)
        mutating func add(_ e: UInt64, lanes: UInt64, packed: inout UInt64) {
            hash = (hash ^ (e & 0x1F_FFFF)) &* 0x100_0000_01b3
            seen |= e
            packed &+= lanes
        }
    }

    /// Whether a letter run of the token `s[range]` mixes Latin and Cyrillic (``WordScan``'s runs:
    /// run ends split them, marks continue them). Asked only of tokens with letters of both.
    @inline(never)
    private static func hasMixedRun(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, _ table: UnsafePointer<UInt64>) -> Bool {
        let runBits = UInt64(WordScan.latinBit | WordScan.cyrillicBit)
        var run: UInt64 = 0
        for i in range {
            let e = ScalarFacts.of(s[i].value, table)
            if e & UInt64(WordScan.endRunBit) != 0 {
                if run & runBits == runBits { return true }
                run = 0
            } else {
                run |= e
            }
        }
        return run & runBits == runBits
    }

    /// The word or number token starting at the word scalar `s[i]`, by the tokenizer's rules
    /// (word scalars, and joiners between them): where it ends, its hash, its entries or-ed
    /// (with ``mixedFlag``); its letters go to `packed`/`totals` (whose lanes stay below 128), its
    /// scalars into `sentenceHash`. Scalars of the table go through
    /// ``scanWordScalars(_:from:end:table:lanes:token:packed:totals:sentenceHash:)``; joiners and scalars above it here.
    /// Called only for tokens that cannot start a link (see ``mayBeLink(_:_:_:_:)``).
    @inline(__always)
    private static func scanWordOrNumber(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, from i: Int, end n: Int, table: UnsafePointer<UInt64>,
        lanes: UnsafePointer<UInt64>, packed: inout UInt64, totals: inout LetterTotals, sentenceHash: inout UInt64
    ) -> (end: Int, hash: UInt64, seen: UInt64) {
        var token = TokenState()
        let start = i
        var i = i
        while true {
            i = scanWordScalars(s, from: i, end: n, table: table, lanes: lanes, token: &token, packed: &packed, totals: &totals,
                                sentenceHash: &sentenceHash)
            guard i < n else { break }
            // `s[i]` is above the table, or no word scalar: a joiner may continue the token (``Tokenizer/joins(_:_:_:)``).
            let v = s[i].value
            let e = ScalarFacts.of(v, table)
            if e & ScalarFacts.wordBit == 0 {
                let join = (e >> ScalarFacts.joinShift) & 3
                guard join != 0 && i + 1 < n else { break }
                let before = ScalarFacts.of(s[i - 1].value, table), after = ScalarFacts.of(s[i + 1].value, table)
                let need = join == 1 ? ScalarFacts.wordBit : join == 2 ? ScalarFacts.letterBit : ScalarFacts.digitBit
                guard before & ScalarFacts.wordBit != 0 && after & need != 0 && (join == 1 || before & need != 0) else { break }
            }
            sentenceHash = (sentenceHash ^ UInt64(v)) &* 0x100_0000_01b3
            token.add(e, lanes: WordScan.spread[Int((e >> 21) & 63)], packed: &packed)
            if e & UInt64(WordScan.hanBit) != 0 { totals.han += 1 }
            if packed & 0x8080_8080_8080 != 0 {
                unpack(packed, into: &totals)
                packed = 0
            }
            i += 1
        }
        // Most words have letters of one script: only a token with both is walked again for its runs.
        let scripts = UInt64(WordScan.latinBit | WordScan.cyrillicBit)
        if token.seen & scripts == scripts && hasMixedRun(s, start..<i, table) { token.seen |= mixedFlag }
        return (i, token.hash, token.seen)
    }

    /// Adds the word scalars of the table from `s[i]` on to `token` and `sentenceHash`, and returns
    /// where they end: the hot loop, with no call in it. The letter lanes are emptied into `totals`
    /// once every 100 scalars (they enter below 128, so they never carry in between).
    @inline(never)
    private static func scanWordScalars(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, from i: Int, end n: Int, table: UnsafePointer<UInt64>,
        lanes: UnsafePointer<UInt64>, token: inout TokenState, packed: inout UInt64, totals: inout LetterTotals,
        sentenceHash: inout UInt64
    ) -> Int {
        let limit = UInt32(ScalarFacts.tableSize)
        // ``TokenState/add(_:lanes:packed:)`` with the state in locals (registers).
        var wordHash = token.hash, seen = token.seen
        var p = packed
        var h = sentenceHash
        var i = i
        var more = true
        while more && i < n {
            let stop = min(n, i &+ 100)
            while i < stop {
                let v = s[i].value
                guard v < limit else {
                    more = false
                    break
                }
                let e = table[Int(v)]
                guard e & ScalarFacts.wordBit != 0 else {
                    more = false
                    break
                }
                h = (h ^ UInt64(v)) &* 0x100_0000_01b3
                wordHash = (wordHash ^ (e & 0x1F_FFFF)) &* 0x100_0000_01b3
                seen |= e
                p &+= lanes[Int(v)]
                i &+= 1
            }
            if p & 0x8080_8080_8080 != 0 {
                unpack(p, into: &totals)
                p = 0
            }
        }
        token = TokenState(hash: wordHash, seen: seen)
        packed = p
        sentenceHash = h
        return i
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

import CorpusModel
import CorpusText

/// What one block contributes to a report, computed on its own (so blocks are
/// analysed on all cores) and merged in order by ``CorpusTally``.
struct BlockFacts: Sendable {
    struct SentenceFacts: Sendable {
        var tokens: Int
        var hash: UInt64
    }

    struct MixedToken: Sendable {
        var sentence: Int
        var token: String
        var latin: String
        var fixable: Bool
    }

    struct ForeignLetter: Sendable {
        var sentence: Int
        var letter: String
        var word: String
    }

    struct Suspect: Sendable {
        var sentence: Int
        var suspect: EncodingSuspect
    }

    var paragraphHash: UInt64 = 0
    var sentences: [SentenceFacts] = []
    /// The folded hashes of the words, in order (without those ``RecentWords`` knew, when given one).
    var wordHashes: [UInt64] = []
    /// Tokens by ``TokenKind/index`` (lanes 6 and 7 unused): a value, so no array per block.
    var kindCounts = SIMD8<Int>()
    /// ``kindCounts`` as an array in `TokenKind.allCases` order.
    var tokenKinds: [Int] { (0..<TokenKind.allCases.count).map { kindCounts[$0] } }
    var characters = 0
    /// Letters: cyrillic, latin, other, Kazakh-specific Cyrillic, non-ASCII Latin, Kazakh Latin, Han.
    var letters: [Int] {
        let t = letterTotals
        return [t.cyrillic, t.latin, t.other, t.kazakhSpecific, t.latinWide, t.kazakhLatin, t.han]
    }
    /// ``letters`` as fields, so counting a word touches no array.
    var letterTotals: LetterTotals = (cyrillic: 0, latin: 0, other: 0, kazakhSpecific: 0, latinWide: 0, kazakhLatin: 0, han: 0)
    typealias LetterTotals = (cyrillic: Int, latin: Int, other: Int, kazakhSpecific: Int, latinWide: Int, kazakhLatin: Int, han: Int)
    var mixed: [MixedToken] = []
    var foreign: [ForeignLetter] = []
    var suspects: [Suspect] = []
    /// The block is a bare page number (`12`, `- 12 -`, `12 бет`): page furniture.
    var isPageNumber = false

    /// The batch's recent word hashes, while the block is analysed.
    private(set) var recent: RecentWords?

    /// Whether sentences without tokens go through ``scanFast(_:_:sentence:alphabet:)``.
    private var useFastScan = true

    /// The sentences of a text block, cut here (see ``init(_:alphabet:language:fastScan:recentWords:)``), as
    /// ranges of its UTF-8 bytes: the few sentence texts a report quotes are copied back out of the block's text.
    private(set) var cut: [Range<Int>]?

    /// Analyses `block`; `alphabet` is the document language's, if known.
    ///
    /// Text blocks are segmented here by ``SentenceSegmenter``'s rules for
    /// `language` (ids `BLOCK.sN`, as the `segment` transform gives them) and
    /// sentences without tokens are tokenized by ``Tokenizer``'s rules: the
    /// figures are those of `segment` and `tokenize`, but each sentence is
    /// scanned once over its UTF-8 bytes and no sentence or token string is built.
    /// `fastScan: false` analyses every sentence by ``Tokenizer/forEachToken(in:range:_:)`` and
    /// ``WordScan`` over decoded scalars (the reference the one-pass ``scanFast(_:_:sentence:alphabet:)``
    /// is tested against). With `recentWords`, a word hash it has seen lately is not kept again (the
    /// tally needs each word type once; the first occurrence of every hash is kept, in order).
    init(_ block: Block, alphabet: Alphabet?, language: String, fastScan: Bool = true, recentWords: RecentWords? = nil) throws {
        try withUnsafePointer(to: block) {
            try analyse($0, alphabet: alphabet, language: language, fastScan: fastScan, recentWords: recentWords)
        }
    }

    /// No facts yet: to be filled in place by ``analyse(_:alphabet:language:cutter:fastScan:recentWords:)``.
    init() {}

    /// Fills empty facts (``init()``) with those of `block`, as ``init(_:alphabet:language:fastScan:recentWords:)``
    /// does. In place, so a batch's facts are made in their array: made by the init (or returned by a
    /// throwing closure) they were copied into it, a retain and a release of each of their arrays.
    ///
    /// `cutter`, when given, is the one for `language` (looked up once for many blocks).
    mutating func analyse(
        _ block: UnsafePointer<Block>, alphabet: Alphabet?, language: String, cutter: ParagraphScan.SentenceCutter? = nil,
        fastScan: Bool = true, recentWords: RecentWords? = nil
    ) throws {
        useFastScan = fastScan
        recent = recentWords
        defer { recent = nil }
        var shortText: String?
        // Through a pointer: a block passed by value was copied on its way here (a retain and release of
        // its text, made on the reading thread).
        switch block.pointee.content {
        case .sentences(let list):
            sentences.reserveCapacity(list.count)
            for (index, sentence) in list.enumerated() {
                if let tokens = sentence.tokens {
                    let scalars = Tokenizer.scalars(of: sentence.text)
                    characters += scalars.count
                    analyse(scalars, scalars.indices, tokens: tokens, sentence: index, alphabet: alphabet)
                } else {
                    var text = sentence.text
                    text.withUTF8 { analyse($0, $0.indices, sentence: index, alphabet: alphabet) }
                }
            }
            if list.count == 1 { shortText = list[0].text }
        case .text(let text):
            // Cut first, then scanned: a throwing closure that changed `self` made the init copy it.
            let ranges = try Self.withBytes(of: text) { bytes in
                if let cutter { return cutter.byteRanges(bytes) }
                return try ParagraphScan.sentenceByteRanges(bytes, language: language)
            }
            sentences.reserveCapacity(ranges.count)
            Self.withBytes(of: text) { bytes in
                // The sentences' characters: the paragraph's, in one count, less those between its sentences
                // (a count per sentence cost more in calls and short tails than in bytes).
                characters += UTF8Scalars.count(bytes)
                /// Takes away the scalars of `gap` (whitespace between sentences: mostly one space), byte by byte.
                func remove(_ gap: Range<Int>) {
                    for i in gap where bytes[i] & 0xC0 != 0x80 { characters -= 1 }
                }
                var gapStart = 0
                for range in ranges {
                    remove(gapStart..<range.lowerBound)
                    gapStart = range.upperBound
                }
                remove(gapStart..<bytes.count)
                for index in ranges.indices { analyse(bytes, ranges[index], sentence: index, alphabet: alphabet, counted: true) }
            }
            cut = ranges
            if text.utf8.count <= 96 { shortText = text }
        }
        // A paragraph's hash is that of its sentences' hashes in order (each text is hashed once).
        paragraphHash = sentences.count == 1 ? sentences[0].hash : TextHash.combine(sentences.lazy.map(\.hash))
        if let shortText, shortText.utf8.count <= 96 { isPageNumber = PageFurniture.isPageNumber(shortText) }
    }

    /// Calls `body` with the UTF-8 bytes of `text` in place (a native string's own storage; a copy made
    /// contiguous otherwise): `withUTF8` needs a `var`, a copy of the block's text, whose retain and release,
    /// on the analysis thread, moved the reading thread's string header to that thread's cache.
    @inline(__always)
    static func withBytes<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return try copy.withUTF8(body)
    }

    /// The text of sentence `i` of `block` (cut here for text blocks).
    func sentenceText(_ i: Int, of block: Block) -> String {
        if let cut, i < cut.count, case .text(var text) = block.content {
            return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[cut[i]]), as: UTF8.self) }
        }
        if case .sentences(let list) = block.content, i < list.count { return list[i].text }
        return block.plainText
    }

    /// Sentence `i` of `block` as a report quotes it: ``CorpusTally/clip(_:to:)`` of its text, in one walk
    /// over at most `limit` scalars of a text block's bytes. The whole text of a long sentence, made to be
    /// cut, cost a copy and a validation of all its bytes, on the thread that also reads the input.
    func sentenceQuote(_ i: Int, of block: Block, limit: Int) -> String {
        guard let cut, i < cut.count, case .text(var text) = block.content else {
            return CorpusTally.clip(sentenceText(i, of: block), to: limit)
        }
        let range = cut[i]
        // Where the first `limit` scalars end: the first byte of the next one (nil: the sentence ends first).
        let end = text.withUTF8 { UTF8Scalars.end(ofFirst: limit, in: $0, range) }
        // A slice of the string at scalar boundaries is copied without validating its bytes again.
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let to = utf8.index(from, offsetBy: (end ?? range.upperBound) - range.lowerBound)
        return end == nil ? String(text[from..<to]) : String(text[from..<to]) + "…"
    }

    /// The block's sentences joined by single spaces, cut after `limit` scalars (a report quotes at most
    /// `limit - 1` of them, then `…`, so it cannot tell the cut text from the whole). For text blocks one
    /// pass over the sentences' UTF-8, as far as the limit.
    func paragraphText(of block: Block, limit: Int) -> String {
        guard let cut, case .text(var text) = block.content else {
            return (0..<sentences.count).map { sentenceText($0, of: block) }.joined(separator: " ")
        }
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            var emitted = 0
            for (k, range) in cut.enumerated() where emitted < limit {
                if k > 0 {
                    out.append(0x20)
                    emitted += 1
                }
                var i = range.lowerBound
                // Up to `limit` scalars in all: a scalar is its first byte and the continuation bytes after it.
                while i < range.upperBound && emitted < limit {
                    i += 1
                    while i < range.upperBound && bytes[i] & 0xC0 == 0x80 { i += 1 }
                    emitted += 1
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<i]))
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The id of sentence `i` of `block`: `BLOCK.sN` for text blocks cut here.
    func sentenceID(_ i: Int, of block: Block) -> String {
        if cut != nil { return CorpusID.sentence(block.id, i + 1) }
        if case .sentences(let list) = block.content, i < list.count { return list[i].id }
        return block.id
    }

    /// Analyses the sentence `bytes[range]` (valid UTF-8): in one pass over its bytes
    /// (``scanFast(_:_:sentence:alphabet:)``), or decoded by the general path (a sentence that may
    /// hold a link, or every sentence with `fastScan: false`).
    /// `counted`: its characters are counted already (with the paragraph's).
    private mutating func analyse(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, sentence: Int, alphabet: Alphabet?, counted: Bool = false
    ) {
        let piece = UnsafeBufferPointer(rebasing: bytes[range])
        if !counted { characters += UTF8Scalars.count(piece) }
        if useFastScan && scanFast(bytes, range, sentence: sentence, alphabet: alphabet) { return }
        let scalars = UTF8Scalars.scalars(piece)
        analyse(scalars, scalars.indices, tokens: nil, sentence: sentence, alphabet: alphabet)
    }

    /// Analyses the sentence `range` of `s` by the general path (its scalars are counted by the caller).
    private mutating func analyse(_ s: [Unicode.Scalar], _ range: Range<Int>, tokens: [Token]?, sentence: Int, alphabet: Alphabet?) {
        s.withUnsafeBufferPointer { analyse($0, range, tokens: tokens, sentence: sentence, alphabet: alphabet) }
    }

    private mutating func analyse(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, tokens: [Token]?, sentence: Int, alphabet: Alphabet?) {
        // One pass: the sentence's hash and the mis-decoding pre-check.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var previous: UInt32 = 0
        var suspicious = false
        let table = WordScan.table
        for i in range {
            let v = s[i].value
            h = (h ^ UInt64(v)) &* 0x100_0000_01b3
            if v >= 0x80 && !suspicious && (v >= UInt32(WordScan.tableSize) || table[Int(v)] & WordScan.suspectBit != 0) {
                suspicious = EncodingSuspects.mayStart(previous, v)
            }
            previous = v
        }
        if suspicious {
            for found in EncodingSuspects.find(in: String(String.UnicodeScalarView(s[range]))) {
                suspects.append(Suspect(sentence: sentence, suspect: found))
            }
        }
        let mask = WordScan.mask(for: alphabet)
        var count = 0
        if let tokens {
            count = tokens.count
            for token in tokens {
                kindCounts[token.kind.index] += 1
                guard token.kind == .word else { continue }
                word(token.form.unicodeScalars, sentence: sentence, mask: mask, alphabet: alphabet)
            }
        } else {
            var kinds = SIMD8<Int>()  // counted here, not in the array, per token
            Tokenizer().forEachToken(in: s, range: range) { token, kind in
                kinds[kind.index] &+= 1
                if kind == .word { word(s, token, sentence: sentence, mask: mask, table: table, alphabet: alphabet) }
            }
            kindCounts &+= kinds
            count = kinds.wrappedSum()
        }
        sentences.append(SentenceFacts(tokens: count, hash: TextHash.finish(h)))
    }

    /// Hashes a word form, counts its letters, and records it when it mixes
    /// scripts or holds letters outside the alphabet (letters are counted in words only).
    private mutating func word<C: Collection<Unicode.Scalar>>(_ form: C, sentence: Int, mask: UInt32, alphabet: Alphabet?) {
        var scan = WordScan(mask: mask)
        let table = WordScan.table
        for c in form { scan.add(c, table: table) }
        record(scan, sentence: sentence, alphabet: alphabet) { String(String.UnicodeScalarView(form)) }
    }

    /// ``word(_:sentence:mask:alphabet:)`` for the word `range` of `s` (the hot path of text blocks).
    @inline(__always)
    private mutating func word(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, sentence: Int, mask: UInt32, table: UnsafePointer<UInt32>,
        alphabet: Alphabet?
    ) {
        var scan = WordScan(mask: mask)
        scan.add(s, range, table: table)
        record(scan, sentence: sentence, alphabet: alphabet) { String(String.UnicodeScalarView(s[range])) }
    }

    /// Adds a scanned word's hash and letters, and records it when it mixes
    /// scripts or holds letters outside the alphabet; `form` is called only then.
    @inline(__always)
    private mutating func record(_ scan: WordScan, sentence: Int, alphabet: Alphabet?, form: () -> String) {
        var scan = scan
        let result = scan.finish()
        if recent?.isNew(scan.rawHash) ?? true { wordHashes.append(result.hash) }
        letterTotals.cyrillic += scan.cyrillicLetters
        letterTotals.latin += scan.latinLetters
        letterTotals.other += scan.otherLetters
        letterTotals.kazakhSpecific += scan.kazakhSpecific
        letterTotals.latinWide += scan.latinWide
        letterTotals.kazakhLatin += scan.kazakhLatin
        letterTotals.han += scan.han
        guard result.mixed || result.outside else { return }
        recordFindings(form(), mixed: result.mixed, outside: result.outside, sentence: sentence, alphabet: alphabet)
    }

    /// Records a word that mixes scripts or holds letters outside the alphabet.
    mutating func recordFindings(_ text: String, mixed: Bool, outside: Bool, sentence: Int, alphabet: Alphabet?) {
        if mixed { addMixed(text, sentence: sentence) }
        if outside, let alphabet {
            for c in text.unicodeScalars where LetterScript.of(c) == .cyrillic && !alphabet.contains(c) {
                foreign.append(ForeignLetter(sentence: sentence, letter: String(c), word: text))
            }
        }
    }

    private mutating func addMixed(_ token: String, sentence: Int) {
        for run in LatinLookalikes.mixedRuns(in: token) {
            mixed.append(MixedToken(sentence: sentence, token: token, latin: run.latin, fixable: run.fixable))
        }
    }
}

/// One pass over a word: its folded hash, its letters by script, whether a
/// letter run mixes Cyrillic and Latin, whether a Cyrillic letter is outside
/// the alphabet. Scalars below U+0500 (ASCII, Latin, Cyrillic: nearly all of
/// a Kazakh, Russian or English text) go through one table (``table``) that
/// holds their folded value and what they count as; the rest are judged by
/// ``addByProperties(_:)``, the rules the table was built from.
struct WordScan {
    /// Table entries: the folded scalar in the low 21 bits, then what the scalar counts as.
    static let latinBit: UInt32 = 1 << 21, latinWideBit: UInt32 = 1 << 22, kazakhLatinBit: UInt32 = 1 << 23
    static let cyrillicBit: UInt32 = 1 << 24, kazakhSpecificBit: UInt32 = 1 << 25, otherBit: UInt32 = 1 << 26
    /// The scalar ends a letter run (a space, a digit, punctuation); entries with no bit above 20 continue it.
    static let endRunBit: UInt32 = 1 << 27
    /// A Cyrillic letter (of U+0400–U+04FF) outside the Russian, outside the Kazakh alphabet.
    static let notRussianBit: UInt32 = 1 << 28, notKazakhBit: UInt32 = 1 << 29
    /// The scalar can follow another in a mis-decoded stretch: without it,
    /// ``EncodingSuspects/mayStart(_:_:)`` is false whatever came before.
    static let suspectBit: UInt32 = 1 << 30
    /// A Han ideograph (counted apart from other letters).
    static let hanBit: UInt32 = 1 << 31
    static let tableSize = 0x500

    /// One entry per scalar below U+0500, in memory that is never freed, so the hot loop reads it without retaining an array.
    nonisolated(unsafe) static let table: UnsafePointer<UInt32> = {
        let memory = UnsafeMutablePointer<UInt32>.allocate(capacity: tableSize)
        for v in 0..<UInt32(tableSize) { (memory + Int(v)).initialize(to: entry(v)) }
        return UnsafePointer(memory)
    }()

    /// The table entry of `v` (any scalar value), from the rules of ``addByProperties(_:)`` and the alphabets.
    static func entry(_ v: UInt32) -> UInt32 {
        let lowered = TextHash.lowered(v)
        precondition(lowered < 1 << 21)
        guard let c = Unicode.Scalar(v) else { return lowered | endRunBit }
        var bits: UInt32 = 0
        if v < 0x80 {
            let lower = v | 0x20
            bits = lower >= 0x61 && lower <= 0x7A ? latinBit : endRunBit
        } else if v >= 0x400 && v <= 0x4FF {
            // Cyrillic marks (U+0482–U+0489) continue the run and count as nothing.
            if !(0x482...0x489).contains(v) {
                bits = cyrillicBit
                if !Alphabet.russian.contains(c) { bits |= notRussianBit }
                if !Alphabet.kazakh.contains(c) { bits |= notKazakhBit }
                if Alphabet.isKazakhSpecific(c) { bits |= kazakhSpecificBit }
            }
        } else {
            switch LetterScript.of(c) {
            case .cyrillic?: bits = cyrillicBit
            case .latin?: bits = latinBit | latinWideBit | (LetterCounts.isKazakhLatin(c) ? kazakhLatinBit : 0)
            case .other?: bits = otherBit | (isHan(v) ? hanBit : 0)
            case nil: bits = c.properties.generalCategory == .nonspacingMark ? 0 : endRunBit
            }
        }
        if v >= 0x80 && (v <= 0x9F || v == 0x402 || v == 0xFFFD || v == 0x20AC || EncodingSuspects.cp1251High.contains(v)
            || EncodingSuspects.cp1252High.contains(v))
        {
            bits |= suspectBit
        }
        return lowered | bits
    }

    @inline(__always)
    static func isHan(_ v: UInt32) -> Bool { (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) }

    /// The table bit of `alphabet` (0: no alphabet check).
    static func mask(for alphabet: Alphabet?) -> UInt32 {
        switch alphabet {
        case .russian?: notRussianBit
        case .kazakh?: notKazakhBit
        case nil: 0
        }
    }

    let mask: UInt32
    /// Letters in the ``LetterCounts`` layout, as fields (no array per word).
    var cyrillicLetters = 0, latinLetters = 0, otherLetters = 0, kazakhSpecific = 0, latinWide = 0, kazakhLatin = 0, han = 0
    private var h: UInt64 = 0xcbf2_9ce4_8422_2325
    /// ``latinBit`` and ``cyrillicBit`` of the letters of the current run.
    private var run: UInt32 = 0
    private(set) var mixed = false, outside = false

    init(mask: UInt32) { self.mask = mask }

    /// Adds one scalar; `table` is ``table`` (passed in so the hot loop does not touch a lazy global).
    @inline(__always)
    mutating func add(_ c: Unicode.Scalar, table: UnsafePointer<UInt32>) {
        let v = c.value
        guard v < UInt32(Self.tableSize) else { return addByProperties(c) }
        let e = table[Int(v)]
        h = (h ^ UInt64(e & 0x1F_FFFF)) &* 0x100_0000_01b3
        if e & Self.endRunBit != 0 {
            endRun()
            return
        }
        latinLetters &+= Int(truncatingIfNeeded: (e >> 21) & 1)
        latinWide &+= Int(truncatingIfNeeded: (e >> 22) & 1)
        kazakhLatin &+= Int(truncatingIfNeeded: (e >> 23) & 1)
        cyrillicLetters &+= Int(truncatingIfNeeded: (e >> 24) & 1)
        kazakhSpecific &+= Int(truncatingIfNeeded: (e >> 25) & 1)
        otherLetters &+= Int(truncatingIfNeeded: (e >> 26) & 1)
        run |= e & (Self.latinBit | Self.cyrillicBit)
        if e & mask != 0 { outside = true }
    }

    /// Bit k of the six count bits (``latinBit``…``otherBit``, shifted down) spread to byte k, so one
    /// addition counts a scalar in all six.
    nonisolated(unsafe) static let spread: UnsafePointer<UInt64> = {
        let memory = UnsafeMutablePointer<UInt64>.allocate(capacity: 64)
        for bits in 0..<64 {
            var lanes: UInt64 = 0
            for k in 0..<6 where bits & (1 << k) != 0 { lanes |= 1 << (8 * k) }
            (memory + bits).initialize(to: lanes)
        }
        return UnsafePointer(memory)
    }()

    /// ``add(_:table:)`` for each scalar of `s[range]`, with the state in
    /// registers: the six counts go in byte lanes of one word, emptied every 255 scalars.
    @inline(__always)
    mutating func add(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>, table: UnsafePointer<UInt32>) {
        let spread = Self.spread
        var h = self.h, run = self.run, mixed = self.mixed
        var seen: UInt32 = 0
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            var packed: UInt64 = 0
            let stop = min(end, i + 255)
            while i < stop {
                let c = s[i]
                i += 1
                let v = c.value
                guard v < UInt32(Self.tableSize) else {
                    (self.h, self.run, self.mixed) = (h, run, mixed)
                    addByProperties(c)
                    (h, run, mixed) = (self.h, self.run, self.mixed)
                    continue
                }
                let e = table[Int(v)]
                h = (h ^ UInt64(e & 0x1F_FFFF)) &* 0x100_0000_01b3
                if e & Self.endRunBit != 0 {
                    if run == Self.latinBit | Self.cyrillicBit { mixed = true }
                    run = 0
                    continue
                }
                packed &+= spread[Int((e >> 21) & 63)]
                run |= e & (Self.latinBit | Self.cyrillicBit)
                seen |= e
            }
            latinLetters &+= Int(packed & 0xFF)
            latinWide &+= Int((packed >> 8) & 0xFF)
            kazakhLatin &+= Int((packed >> 16) & 0xFF)
            cyrillicLetters &+= Int((packed >> 24) & 0xFF)
            kazakhSpecific &+= Int((packed >> 32) & 0xFF)
            otherLetters &+= Int((packed >> 40) & 0xFF)
        }
        (self.h, self.run, self.mixed) = (h, run, mixed)
        if seen & mask != 0 { outside = true }
    }

    /// ``add(_:table:)`` for a scalar from U+0500 up, by Unicode properties.
    private mutating func addByProperties(_ c: Unicode.Scalar) {
        let v = c.value
        h = (h ^ UInt64(TextHash.lowered(v))) &* 0x100_0000_01b3
        switch LetterScript.of(c) {
        case .cyrillic?:
            cyrillicLetters += 1
            run |= Self.cyrillicBit
        case .latin?:
            latinLetters += 1
            latinWide += 1
            if LetterCounts.isKazakhLatin(c) { kazakhLatin += 1 }
            run |= Self.latinBit
        case .other?:
            otherLetters += 1
            if Self.isHan(v) { han += 1 }
        case nil:
            if c.properties.generalCategory != .nonspacingMark { endRun() }
        }
    }

    @inline(__always)
    private mutating func endRun() {
        if run == Self.latinBit | Self.cyrillicBit { mixed = true }
        run = 0
    }

    mutating func finish() -> (hash: UInt64, mixed: Bool, outside: Bool) {
        endRun()
        return (TextHash.finish(h), mixed, outside)
    }

    /// The word's folded FNV value before ``TextHash/finish(_:)`` (what ``RecentWords`` holds).
    var rawHash: UInt64 { h }
}

extension TokenKind {
    /// The kind's position in `allCases`, for counting arrays.
    var index: Int {
        switch self {
        case .word: 0
        case .number: 1
        case .punctuation: 2
        case .symbol: 3
        case .url: 4
        case .other: 5
        }
    }
}

/// The letter counts a block, a document and the corpus keep, by position.
enum LetterCounts {
    static let width = 7

    /// Letters of the Kazakh Latin alphabet (2021) that English lacks: á ǵ ń ó ú ı ş and capitals.
    @inline(__always)
    static func isKazakhLatin(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0xE1, 0xC1, 0x1F5, 0x1F4, 0x144, 0x143, 0xF3, 0xD3, 0xFA, 0xDA, 0x131, 0x15F, 0x15E: return true
        default: return false
        }
    }

    /// The language guess for counts in this layout.
    static func guess(_ l: [Int]) -> String {
        LanguageGuess.guess(cyrillic: l[0], latin: l[1], other: l[2], kazakhSpecific: l[3], kazakhLatin: l[5],
                            nonASCIILatin: l[4], han: l[6])
    }
}

/// The word hashes an analysis thread has kept lately: a four-way table (the
/// low bits of the hash pick a set of four slots in one cache line, the
/// newest first), so a frequent word is handed to the tally about once per
/// table instead of at every occurrence. (Direct-mapped, the 1,645 word types
/// of the 10 MiB benchmark corpus missed 112 K of its 677 K words, as frequent
/// words sharing a slot put each other out; four ways miss ~20 K.) It holds the
/// raw (unfinished) folded FNV values, so a word seen lately costs no
/// ``TextHash/finish(_:)``; equal raw values give equal word hashes, and a
/// raw 0 is never taken as seen. Used by one thread at a time (unchecked
/// `Sendable`: it is handed over, never shared).
final class RecentWords: @unchecked Sendable {
    static let size = 4096, ways = 4
    /// One raw hash per slot (0: empty), ``ways`` slots a set, 64-byte aligned; the sentence scan
    /// probes them itself with ``set(of:in:)`` and ``isNew(_:in:)``.
    let slots: UnsafeMutablePointer<UInt64>
    /// The raw hashes the sentence being scanned put in, so a sentence taken back forgets them (``log(_:at:)``).
    private(set) var journal: UnsafeMutablePointer<UInt64>
    private var journalCapacity = 64

    init() {
        slots = UnsafeMutableRawPointer.allocate(byteCount: Self.size * 8, alignment: 64)
            .bindMemory(to: UInt64.self, capacity: Self.size)
        slots.initialize(repeating: 0, count: Self.size)
        journal = .allocate(capacity: journalCapacity)
    }

    deinit {
        slots.deallocate()
        journal.deallocate()
    }

    /// The first slot of `raw`'s set.
    @inline(__always)
    static func set(of raw: UInt64, in slots: UnsafeMutablePointer<UInt64>) -> UnsafeMutablePointer<UInt64> {
        slots + (Int(truncatingIfNeeded: raw) & (size / ways - 1)) &* ways
    }

    /// Whether the raw hash `raw` is not in its set `set`; it is from now on.
    ///
    /// The four slots are compared without a branch (they share a cache line): which slot holds a
    /// frequent word is unpredictable (the first for about half the probes), so a test per slot
    /// mispredicted often, each time after the word hash's whole multiply chain. The one branch
    /// left, on a miss, is rarely taken.
    @inline(__always)
    static func isNew(_ raw: UInt64, in set: UnsafeMutablePointer<UInt64>) -> Bool {
        let nearest = min(min(set[0] ^ raw, set[1] ^ raw), min(set[2] ^ raw, set[3] ^ raw))
        if _fastPath(nearest == 0 && raw != 0) { return false }
        return insert(raw, in: set)
    }

    /// ``isNew(_:in:)`` on a miss: `raw` is put first, the others one down, the last falling out (a hit
    /// moves nothing: the set keeps the order its hashes came in, which spares a hit any writes).
    @inline(never)
    static func insert(_ raw: UInt64, in set: UnsafeMutablePointer<UInt64>) -> Bool {
        var k = ways - 1
        while k > 0 {
            set[k] = set[k - 1]
            k -= 1
        }
        set[0] = raw
        return true
    }

    /// Whether the raw hash `raw` is not among the recent ones; it is from now on.
    @inline(__always)
    func isNew(_ raw: UInt64) -> Bool { Self.isNew(raw, in: Self.set(of: raw, in: slots)) }

    /// Forgets `raw` (a word whose record was taken back), so it counts as new again.
    func forget(_ raw: UInt64) {
        let set = Self.set(of: raw, in: slots)
        for k in 0..<Self.ways where set[k] == raw { set[k] = 0 }
    }

    /// Keeps `raw` as the sentence's `index`th new word (the journal grows as needed).
    @inline(__always)
    func log(_ raw: UInt64, at index: Int) {
        if index >= journalCapacity { growJournal() }
        journal[index] = raw
    }

    @inline(never)
    private func growJournal() {
        let bigger = UnsafeMutablePointer<UInt64>.allocate(capacity: journalCapacity * 2)
        bigger.moveInitialize(from: journal, count: journalCapacity)
        journal.deallocate()
        journal = bigger
        journalCapacity *= 2
    }
}

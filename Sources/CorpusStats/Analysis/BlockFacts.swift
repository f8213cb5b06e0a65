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
    var wordHashes: [UInt64] = []
    var tokenKinds = [Int](repeating: 0, count: TokenKind.allCases.count)
    var characters = 0
    /// Letters: cyrillic, latin, other, Kazakh-specific Cyrillic, non-ASCII Latin, Kazakh Latin, Han.
    var letters = [Int](repeating: 0, count: LetterCounts.width)
    var mixed: [MixedToken] = []
    var foreign: [ForeignLetter] = []
    var suspects: [Suspect] = []
    /// The block is a bare page number (`12`, `- 12 -`, `12 бет`): page furniture.
    var isPageNumber = false

    /// The sentences of a text block, cut here (see ``init(_:alphabet:language:)``).
    private(set) var cut: (scalars: [Unicode.Scalar], ranges: [Range<Int>])?

    /// Analyses `block`; `alphabet` is the document language's, if known.
    ///
    /// Text blocks are segmented here by ``SentenceSegmenter``'s rules for
    /// `language` (ids `BLOCK.sN`, as the `segment` transform gives them) and
    /// sentences without tokens are tokenized by ``Tokenizer``'s rules: the
    /// figures are those of `segment` and `tokenize`, but each paragraph is
    /// decoded once and no sentence or token string is built.
    init(_ block: Block, alphabet: Alphabet?, language: String) throws {
        var shortText: String?
        switch block.content {
        case .sentences(let list):
            sentences.reserveCapacity(list.count)
            for (index, sentence) in list.enumerated() {
                let scalars = Tokenizer.scalars(of: sentence.text)
                analyse(scalars, scalars.indices, tokens: sentence.tokens, sentence: index, alphabet: alphabet)
            }
            if list.count == 1 { shortText = list[0].text }
        case .text(let text):
            let all = Tokenizer.scalars(of: text)
            let ranges = try SentenceSegmenter().sentenceRanges(in: all, language: language)
            sentences.reserveCapacity(ranges.count)
            for (index, range) in ranges.enumerated() {
                analyse(all, range, tokens: nil, sentence: index, alphabet: alphabet)
            }
            cut = (all, ranges)
            shortText = text
        }
        // A paragraph's hash is that of its sentences' hashes in order (each text is hashed once).
        paragraphHash = sentences.count == 1 ? sentences[0].hash : TextHash.combine(sentences.map(\.hash))
        if let shortText, shortText.utf8.count <= 96 { isPageNumber = PageFurniture.isPageNumber(shortText) }
    }

    /// The text of sentence `i` of `block` (cut here for text blocks).
    func sentenceText(_ i: Int, of block: Block) -> String {
        if let cut, i < cut.ranges.count { return String(String.UnicodeScalarView(cut.scalars[cut.ranges[i]])) }
        if case .sentences(let list) = block.content, i < list.count { return list[i].text }
        return block.plainText
    }

    /// The id of sentence `i` of `block`: `BLOCK.sN` for text blocks cut here.
    func sentenceID(_ i: Int, of block: Block) -> String {
        if cut != nil { return CorpusID.sentence(block.id, i + 1) }
        if case .sentences(let list) = block.content, i < list.count { return list[i].id }
        return block.id
    }

    /// Analyses the sentence `range` of `s`.
    private mutating func analyse(_ s: [Unicode.Scalar], _ range: Range<Int>, tokens: [Token]?, sentence: Int, alphabet: Alphabet?) {
        characters += range.count
        // One pass: the sentence's hash and the mis-decoding pre-check.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var previous: UInt32 = 0
        var suspicious = false
        for c in s[range] {
            let v = c.value
            h = (h ^ UInt64(v)) &* 0x100_0000_01b3
            if v >= 0x80 && !suspicious { suspicious = EncodingSuspects.mayStart(previous, v) }
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
                tokenKinds[token.kind.index] += 1
                guard token.kind == .word else { continue }
                word(token.form.unicodeScalars, sentence: sentence, mask: mask, alphabet: alphabet)
            }
        } else {
            s.withUnsafeBufferPointer { buffer in
                Tokenizer().forEachToken(in: s, range: range) { token, kind in
                    count += 1
                    tokenKinds[kind.index] += 1
                    if kind == .word { word(buffer[token], sentence: sentence, mask: mask, alphabet: alphabet) }
                }
            }
        }
        sentences.append(SentenceFacts(tokens: count, hash: TextHash.finish(h)))
    }

    /// Hashes a word form, counts its letters, and records it when it mixes
    /// scripts or holds letters outside the alphabet (letters are counted in words only).
    @inline(__always)
    private mutating func word<S: Sequence<Unicode.Scalar>>(_ form: S, sentence: Int, mask: UInt8, alphabet: Alphabet?) {
        var scan = WordScan(mask: mask)
        WordScan.cyrillic.withUnsafeBufferPointer { table in
            for c in form { scan.add(c, table: table) }
        }
        let result = scan.finish()
        wordHashes.append(result.hash)
        letters[0] += scan.cyrillicLetters
        letters[1] += scan.latinLetters
        letters[2] += scan.otherLetters
        letters[3] += scan.kazakhSpecific
        letters[4] += scan.latinWide
        letters[5] += scan.kazakhLatin
        letters[6] += scan.han
        guard result.mixed || result.outside else { return }
        let text = String(String.UnicodeScalarView(Array(form)))
        if result.mixed { addMixed(text, sentence: sentence) }
        if result.outside, let alphabet {
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
/// the alphabet. Cyrillic letters go through a 256-entry table.
struct WordScan {
    /// Bits per scalar of U+0400–U+04FF: 1 Russian alphabet, 2 Kazakh alphabet, 4 Kazakh-specific, 8 a letter.
    static let cyrillic: [UInt8] = (0..<256).map { k in
        let v = UInt32(0x400 + k)
        guard !(0x482...0x489).contains(v), let c = Unicode.Scalar(v) else { return 0 }
        var bits: UInt8 = 8
        if Alphabet.russian.contains(c) { bits |= 1 }
        if Alphabet.kazakh.contains(c) { bits |= 2 }
        if Alphabet.isKazakhSpecific(c) { bits |= 4 }
        return bits
    }

    /// The table bit of `alphabet` (0: no alphabet check).
    static func mask(for alphabet: Alphabet?) -> UInt8 {
        switch alphabet {
        case .russian?: 1
        case .kazakh?: 2
        case nil: 0
        }
    }

    let mask: UInt8
    /// Letters in the ``LetterCounts`` layout, as fields (no array per word).
    var cyrillicLetters = 0, latinLetters = 0, otherLetters = 0, kazakhSpecific = 0, latinWide = 0, kazakhLatin = 0, han = 0
    private var h: UInt64 = 0xcbf2_9ce4_8422_2325
    private var runCyrillic = false, runLatin = false
    private(set) var mixed = false, outside = false

    init(mask: UInt8) { self.mask = mask }

    /// Adds one scalar; `table` is ``cyrillic`` (passed in so the hot loop does not touch a lazy global).
    @inline(__always)
    mutating func add(_ c: Unicode.Scalar, table: UnsafeBufferPointer<UInt8>) {
        let v = c.value
        h = (h ^ UInt64(TextHash.lowered(v))) &* 0x100_0000_01b3
        if v < 0x80 {
            let lower = v | 0x20
            if lower >= 0x61 && lower <= 0x7A {
                latinLetters += 1
                runLatin = true
            } else {
                endRun()
            }
        } else if v >= 0x400 && v <= 0x4FF {
            let bits = table[Int(v - 0x400)]
            guard bits & 8 != 0 else { return }  // Cyrillic marks continue the run
            cyrillicLetters += 1
            runCyrillic = true
            if bits & 4 != 0 { kazakhSpecific += 1 }
            if mask != 0 && bits & mask == 0 { outside = true }
        } else {
            switch LetterScript.of(c) {
            case .cyrillic?:
                cyrillicLetters += 1
                runCyrillic = true
            case .latin?:
                latinLetters += 1
                latinWide += 1
                if LetterCounts.isKazakhLatin(c) { kazakhLatin += 1 }
                runLatin = true
            case .other?:
                otherLetters += 1
                if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) { han += 1 }
            case nil:
                if c.properties.generalCategory != .nonspacingMark { endRun() }
            }
        }
    }

    @inline(__always)
    private mutating func endRun() {
        if runCyrillic && runLatin { mixed = true }
        runCyrillic = false
        runLatin = false
    }

    mutating func finish() -> (hash: UInt64, mixed: Bool, outside: Bool) {
        endRun()
        return (TextHash.finish(h), mixed, outside)
    }
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

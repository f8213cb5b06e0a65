import CorpusModel

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

    /// Analyses `block`; `alphabet` is the document language's, if known.
    init(_ block: Block, alphabet: Alphabet?) {
        let texts: [(String, [Token]?)]
        switch block.content {
        case .sentences(let list): texts = list.map { ($0.text, $0.tokens) }
        case .text(let text): texts = [(text, nil)]
        }
        sentences.reserveCapacity(texts.count)
        for (index, (text, tokens)) in texts.enumerated() {
            let count = scanTokens(tokens, text: text, sentence: index)
            scanText(text, sentence: index, alphabet: alphabet)
            sentences.append(SentenceFacts(tokens: count, hash: TextHash.of(text)))
        }
        let plain = texts.count == 1 ? texts[0].0 : block.plainText
        paragraphHash = TextHash.of(plain)
        isPageNumber = PageFurniture.isPageNumber(plain)
    }

    /// Counts tokens by kind, hashes word forms, finds mixed-script words; returns the token count.
    private mutating func scanTokens(_ tokens: [Token]?, text: String, sentence: Int) -> Int {
        guard let tokens else {
            // Not tokenized (the planner normally tokenizes): count space-separated pieces as words.
            let pieces = text.split(separator: " ")
            tokenKinds[TokenKind.word.index] += pieces.count
            for p in pieces { wordHashes.append(TextHash.ofFolded(String(p))) }
            return pieces.count
        }
        for token in tokens {
            tokenKinds[token.kind.index] += 1
            guard token.kind == .word else { continue }
            wordHashes.append(TextHash.ofFolded(token.form))
            if LatinLookalikes.hasMixedRun(token.form[...].unicodeScalars) {
                for run in LatinLookalikes.mixedRuns(in: token.form) {
                    mixed.append(MixedToken(sentence: sentence, token: token.form, latin: run.latin, fixable: run.fixable))
                }
            }
        }
        return tokens.count
    }

    /// Counts characters and letters by script; finds letters outside the alphabet and mis-decoded text.
    private mutating func scanText(_ text: String, sentence: Int, alphabet: Alphabet?) {
        var chars = 0, cyr = 0, lat = 0, other = 0, kazakh = 0, latinWide = 0, kazakhLatin = 0, han = 0
        var outside = false
        for c in text.unicodeScalars {
            chars += 1
            switch LetterScript.of(c) {
            case .cyrillic?:
                cyr += 1
                if Alphabet.isKazakhSpecific(c) { kazakh += 1 }
                if let alphabet, !alphabet.contains(c) { outside = true }
            case .latin?:
                lat += 1
                if c.value >= 0x80 {
                    latinWide += 1
                    if LetterCounts.isKazakhLatin(c) { kazakhLatin += 1 }
                }
            case .other?:
                other += 1
                if (0x4E00...0x9FFF).contains(c.value) || (0x3400...0x4DBF).contains(c.value) { han += 1 }
            case nil: break
            }
        }
        characters += chars
        letters[0] += cyr
        letters[1] += lat
        letters[2] += other
        letters[3] += kazakh
        letters[4] += latinWide
        letters[5] += kazakhLatin
        letters[6] += han
        if outside, let alphabet {
            var word = String.UnicodeScalarView()
            var strange: [Unicode.Scalar] = []
            for c in text.unicodeScalars + [" "] {
                if LetterScript.of(c) != nil {
                    word.append(c)
                    if LetterScript.of(c) == .cyrillic && !alphabet.contains(c) { strange.append(c) }
                    continue
                }
                for letter in strange {
                    foreign.append(ForeignLetter(sentence: sentence, letter: String(letter), word: String(word)))
                }
                word = String.UnicodeScalarView()
                strange.removeAll()
            }
        }
        if EncodingSuspects.mayContain(text) {
            for s in EncodingSuspects.find(in: text) { suspects.append(Suspect(sentence: sentence, suspect: s)) }
        }
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

import CorpusModel

/// The running totals of a report: counts, the sentence-length histogram,
/// bounded samples and hash tables. Memory is bounded: samples are capped and
/// the hash tables stop taking new keys at their limits.
///
/// Tallies merge, so inputs can be counted on several threads (`--jobs`) and
/// added up in input order.
struct CorpusTally: Sendable {
    /// At most this many examples of each finding are kept.
    static let exampleLimit = 20
    /// Shortest and longest sentences kept.
    static let extremes = 5
    /// Histogram cells: lengths 0…999 exactly, then one cell for 1000 and more.
    static let lengthCells = 1001

    var documents: [DocumentTally] = []
    /// Blocks by kind, in ``BlockKind/allNames`` order (counted by position: no string hashing per block).
    var kindCounts = [Int](repeating: 0, count: BlockKind.allNames.count)
    /// Blocks by kind name, for the kinds seen.
    var blocksByKind: [String: Int] {
        var out: [String: Int] = [:]
        for (name, n) in zip(BlockKind.allNames, kindCounts) where n > 0 { out[name] = n }
        return out
    }
    var sentences = 0
    var tokenKinds = [Int](repeating: 0, count: TokenKind.allCases.count)
    var characters = 0
    var letters = [Int](repeating: 0, count: LetterCounts.width)
    var wordTypes = HashCounter(limit: 2 << 20)
    var lengthCounts = [Int](repeating: 0, count: lengthCells)
    var shortest: [SentenceSample] = []
    var longest: [SentenceSample] = []
    var mixed = FindingTally<MixedExample>()
    var mixedFixable = 0
    var foreign = FindingTally<ForeignExample>()
    var foreignLetters: [String: Int] = [:]
    var encoding = FindingTally<EncodingExample>()
    var encodingKinds: [String: Int] = [:]
    var encodingSentences = 0
    var paragraphs = DuplicateTally()
    var sentenceRepeats = DuplicateTally()
    var pageNumberBlocks = 0

    /// Starts a document.
    mutating func begin(_ start: DocumentStart, input: String) {
        documents.append(DocumentTally(id: start.id, input: input, declared: start.metadata.language))
    }

    /// Adds the first `facts.count` blocks and their facts, in order, taking both arrays (each
    /// should be the only reference to its buffer), and returns the facts, spent: the caller frees
    /// them on the thread that made them.
    ///
    /// Each element is moved out and added as a local value. Borrowed from the arrays (or read through
    /// unsafe pointers) each block and its facts were copied before the call: a retain and a release of
    /// each of their buffers, most of them made on the analysis thread, so each an atomic operation on
    /// a cache line of the other core. Freed here, the facts' arrays went back to the analysing
    /// thread's malloc arena, whose lock that thread holds while it allocates: on 100 MiB about ten
    /// thousand futex calls, mostly the two threads waiting for each other there.
    mutating func add(_ blocks: consuming [Block], _ facts: consuming [BlockFacts]) -> [BlockFacts] {
        var blocks = blocks, facts = facts
        blocks.removeSubrange(facts.count...)
        var spent: [BlockFacts] = []
        spent.reserveCapacity(facts.count)
        warm(facts)
        // Reversed through the buffers, whose swaps move elements (`Array.swapAt` copies them).
        blocks.withUnsafeMutableBufferPointer { $0.reverse() }
        facts.withUnsafeMutableBufferPointer { $0.reverse() }
        while let block = blocks.popLast(), let blockFacts = facts.popLast() {
            add(block, blockFacts)
            spent.append(blockFacts)
        }
        return spent
    }

    /// Touches the duplicate tables' slots of a batch's paragraphs and sentences before they are added.
    ///
    /// On a large corpus those tables outgrow the caches (24 bytes a distinct sentence), and each
    /// probe missed: one load from memory after another, on the thread that also reads the input.
    /// Here the loads do not depend on each other, so the processor runs many at once.
    private mutating func warm(_ facts: [BlockFacts]) {
        var any: UInt64 = 0
        facts.withUnsafeBufferPointer { facts in
            for f in facts.indices {
                any |= paragraphs.counter.peek(facts[f].paragraphHash)
                facts[f].sentences.withUnsafeBufferPointer { sentences in
                    for s in sentences { any |= sentenceRepeats.counter.peek(s.hash) }
                }
            }
        }
        warmth = any
    }

    /// What ``warm(_:)`` read, kept so its loads are not optimized away.
    private var warmth: UInt64 = 0

    /// Adds one block and its facts; `document` is the index of the open document.
    mutating func add(_ block: Block, _ facts: BlockFacts) {
        if documents.isEmpty { documents.append(DocumentTally(id: "doc", input: "", declared: nil)) }
        let d = documents.count - 1
        documents[d].blocks += 1
        let ordinal = documents[d].blocks
        kindCounts[block.kind.index] += 1
        if facts.isPageNumber { pageNumberBlocks += 1 }
        sentences += facts.sentences.count
        documents[d].sentences += facts.sentences.count
        var tokens = 0
        for i in tokenKinds.indices {
            tokenKinds[i] += facts.kindCounts[i]
            tokens += facts.kindCounts[i]
        }
        documents[d].tokens += tokens
        characters += facts.characters
        documents[d].characters += facts.characters
        let t = facts.letterTotals
        /// Adds the block's letters in the ``LetterCounts`` layout (no array made per block).
        func addLetters(to l: inout [Int]) {
            l[0] += t.cyrillic
            l[1] += t.latin
            l[2] += t.other
            l[3] += t.kazakhSpecific
            l[4] += t.latinWide
            l[5] += t.kazakhLatin
            l[6] += t.han
        }
        addLetters(to: &letters)
        addLetters(to: &documents[d].letters)
        for h in facts.wordHashes { wordTypes.add(h) }

        func text(_ i: Int) -> String { facts.sentenceText(i, of: block) }
        func quote(_ i: Int, limit: Int) -> String { facts.sentenceQuote(i, of: block, limit: limit) }
        func id(_ i: Int) -> String { facts.sentenceID(i, of: block) }

        paragraphs.add(facts.paragraphHash, place: Place.pack(document: d, block: ordinal, sentence: 0),
                       id: { block.id },
                       quote: { Self.clip(facts.paragraphText(of: block, limit: DuplicateTally.textLimit + 1), to: DuplicateTally.textLimit) })
        for (i, s) in facts.sentences.enumerated() {
            lengthCounts[min(s.tokens, Self.lengthCells - 1)] += 1
            considerExtreme(s.tokens, i, quote: { quote($0, limit: Self.sampleLimit) }, id: id)
            sentenceRepeats.add(s.hash, place: Place.pack(document: d, block: ordinal, sentence: i + 1),
                                id: { id(i) }, quote: { quote(i, limit: DuplicateTally.textLimit) })
        }
        for m in facts.mixed {
            mixed.add(MixedExample(id: id(m.sentence), token: m.token, latin: m.latin))
            if m.fixable { mixedFixable += 1 }
        }
        for f in facts.foreign {
            foreign.add(ForeignExample(id: id(f.sentence), letter: f.letter, word: f.word))
            foreignLetters[f.letter, default: 0] += 1
            documents[d].foreignLetters += 1
        }
        var lastSentence = -1
        for s in facts.suspects {
            encoding.add(EncodingExample(id: id(s.sentence), kind: s.suspect.kind.rawValue, text: s.suspect.text,
                                         context: Self.context(of: s.suspect.text, in: text(s.sentence))))
            encodingKinds[s.suspect.kind.rawValue, default: 0] += 1
            if s.sentence != lastSentence { encodingSentences += 1 }
            lastSentence = s.sentence
        }
    }

    /// Keeps sentence `i` (of `length` tokens) among the shortest or longest; `quote` gives its text clipped.
    private mutating func considerExtreme(_ length: Int, _ i: Int, quote: (Int) -> String, id: (Int) -> String) {
        if shortest.count < Self.extremes || length < shortest[shortest.count - 1].tokens {
            insert(into: &shortest, SentenceSample(id: id(i), tokens: length, text: quote(i)), by: <)
        }
        if longest.count < Self.extremes || length > longest[longest.count - 1].tokens {
            insert(into: &longest, SentenceSample(id: id(i), tokens: length, text: quote(i)), by: >)
        }
    }

    /// Inserts keeping order (earlier samples first among equals) and the cap.
    private func insert(into list: inout [SentenceSample], _ sample: SentenceSample, by before: (Int, Int) -> Bool) {
        var at = list.count
        while at > 0 && before(sample.tokens, list[at - 1].tokens) { at -= 1 }
        list.insert(sample, at: at)
        if list.count > Self.extremes { list.removeLast() }
    }

    /// Adds a tally of later inputs (for `--jobs`): counts add up, samples keep input order.
    mutating func merge(_ other: CorpusTally) {
        let offset = UInt64(documents.count)
        documents += other.documents
        for i in kindCounts.indices { kindCounts[i] += other.kindCounts[i] }
        sentences += other.sentences
        for i in tokenKinds.indices { tokenKinds[i] += other.tokenKinds[i] }
        characters += other.characters
        for i in letters.indices { letters[i] += other.letters[i] }
        wordTypes.merge(other.wordTypes, documentOffset: 0)
        for i in lengthCounts.indices { lengthCounts[i] += other.lengthCounts[i] }
        for s in other.shortest { insert(into: &shortest, s, by: <) }
        for s in other.longest { insert(into: &longest, s, by: >) }
        mixed.merge(other.mixed)
        mixedFixable += other.mixedFixable
        foreign.merge(other.foreign)
        for (k, n) in other.foreignLetters { foreignLetters[k, default: 0] += n }
        encoding.merge(other.encoding)
        for (k, n) in other.encodingKinds { encodingKinds[k, default: 0] += n }
        encodingSentences += other.encodingSentences
        paragraphs.merge(other.paragraphs, documentOffset: offset)
        sentenceRepeats.merge(other.sentenceRepeats, documentOffset: offset)
        pageNumberBlocks += other.pageNumberBlocks
    }

    /// A sample sentence (shortest, longest) is quoted up to this many scalars.
    static let sampleLimit = 300

    /// A sentence cut to `limit` characters for a report, then `…`.
    static func clip(_ text: String, to limit: Int = sampleLimit) -> String {
        // No more bytes than the limit: no more scalars either.
        guard text.utf8.count > limit else { return text }
        var copy = text
        let cut = copy.withUTF8 { UTF8Scalars.end(ofFirst: limit, in: $0, $0.indices) }
        guard let cut else { return text }
        // A slice at a scalar boundary is copied without validating its bytes again.
        return String(text[..<text.utf8.index(text.utf8.startIndex, offsetBy: cut)]) + "…"
    }

    /// Up to 30 characters either side of `needle` in `text`.
    static func context(of needle: String, in text: String) -> String {
        let hay = Array(text.unicodeScalars), pin = Array(needle.unicodeScalars)
        guard !pin.isEmpty, hay.count >= pin.count,
            let at = (0...(hay.count - pin.count)).first(where: { hay[$0..<($0 + pin.count)].elementsEqual(pin) })
        else { return clip(text, to: 80) }
        let from = max(0, at - 30), to = min(hay.count, at + pin.count + 30)
        return String(String.UnicodeScalarView(hay[from..<to]))
    }
}

extension BlockKind {
    /// The kind's position in ``BlockKind/allNames``, for counting by kind.
    var index: Int {
        switch self {
        case .heading: 0
        case .paragraph: 1
        case .quote: 2
        case .listItem: 3
        case .note: 4
        }
    }
}

/// The counts of one document.
struct DocumentTally: Sendable {
    var id: String
    var input: String
    var declared: String?
    var blocks = 0
    var sentences = 0
    var tokens = 0
    var characters = 0
    /// Letters as ``LetterCounts`` lays them out.
    var letters = [Int](repeating: 0, count: LetterCounts.width)
    var foreignLetters = 0
}

/// A sentence kept as the shortest or longest.
struct SentenceSample: Sendable {
    var id: String
    var tokens: Int
    var text: String
}

/// A count of findings with the first few examples.
struct FindingTally<Example: Sendable>: Sendable {
    var count = 0
    var examples: [Example] = []

    mutating func add(_ example: Example) {
        count += 1
        if examples.count < CorpusTally.exampleLimit { examples.append(example) }
    }

    mutating func merge(_ other: FindingTally) {
        count += other.count
        examples += other.examples.prefix(max(0, CorpusTally.exampleLimit - examples.count))
    }
}

struct MixedExample: Sendable { var id, token, latin: String }
struct ForeignExample: Sendable { var id, letter, word: String }
struct EncodingExample: Sendable { var id, kind, text, context: String }

/// Repeated texts by hash: every hash's count, and the text and ids of the
/// first repeated groups (up to ``sampleLimit``).
struct DuplicateTally: Sendable {
    static let sampleLimit = 10_000
    static let idsPerGroup = 5
    /// A group's text is cut to this many scalars (``CorpusTally/clip(_:to:)``).
    static let textLimit = 200

    struct Group: Sendable {
        var text: String?
        var ids: [String]
    }

    var counter = HashCounter(limit: 2 << 20)
    var groups: [UInt64: Group] = [:]
    /// Counts one occurrence of `hash` at `place`; `quote` gives the text as a group quotes it
    /// (clipped to ``textLimit``), asked only when a group is made.
    mutating func add(_ hash: UInt64, place: UInt64, id: () -> String, quote: () -> String) {
        let n = counter.add(hash, place: place)
        // A group is made at the second occurrence (or never, once there are `sampleLimit`), and takes the
        // id of each later one up to `idsPerGroup`: from the `idsPerGroup + 2`nd on there is nothing to do.
        guard n >= 2 && n <= Self.idsPerGroup + 1 else { return }
        if var g = groups[hash] {
            if g.ids.count < Self.idsPerGroup {
                g.ids.append(id())
                groups[hash] = g
            }
        } else if groups.count < Self.sampleLimit {
            groups[hash] = Group(text: quote(), ids: [id()])
        }
    }

    mutating func merge(_ other: DuplicateTally, documentOffset: UInt64) {
        counter.merge(other.counter, documentOffset: documentOffset)
        for (h, g) in other.groups {
            if var mine = groups[h] {
                mine.ids += g.ids.prefix(max(0, Self.idsPerGroup - mine.ids.count))
                groups[h] = mine
            } else if groups.count < Self.sampleLimit {
                groups[h] = g
            }
        }
    }
}

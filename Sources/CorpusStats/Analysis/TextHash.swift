/// A deterministic 64-bit hash of text (FNV-1a over UTF-8, then a mixing
/// step), so that the hashes a report prints are the same on every run.
public enum TextHash {
    /// The hash of `text`'s UTF-8 bytes; never 0 (0 marks an empty table slot).
    @inline(__always)
    public static func of(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var copy = text
        copy.withUTF8 { bytes in
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        return finish(h)
    }

    /// The hash of a word folded to lower case (Latin and Cyrillic without a
    /// table lookup), so `Қазақ` and `қазақ` count as one word type.
    @inline(__always)
    public static func ofFolded(_ word: String) -> UInt64 { ofFolded(word.unicodeScalars) }

    /// ``ofFolded(_:)`` over scalars (a token cut out of a sentence without making a string).
    @inline(__always)
    public static func ofFolded<S: Sequence<Unicode.Scalar>>(_ word: S) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in word {
            h = (h ^ UInt64(lowered(c.value))) &* 0x100_0000_01b3
        }
        return finish(h)
    }

    @inline(__always)
    static func lowered(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x41...0x5A, 0x410...0x42F: return v + 0x20
        case 0x400...0x40F: return v + 0x50
        case 0x4C0: return 0x4CF
        case 0x4C1...0x4CE: return v & 1 == 1 ? v + 1 : v
        case 0x460...0x4FF: return v | 1
        case 0..<0x80, 0x430...0x45F: return v
        default:
            guard let c = Unicode.Scalar(v), c.properties.isUppercase,
                let lower = c.properties.lowercaseMapping.unicodeScalars.first
            else { return v }
            return lower.value
        }
    }

    @inline(__always)
    static func finish(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return z == 0 ? 1 : z
    }

    /// The hash of a sentence given as scalars (text blocks are cut into sentences as scalars).
    @inline(__always)
    static func ofScalars(_ s: [Unicode.Scalar]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in s { h = (h ^ UInt64(c.value)) &* 0x100_0000_01b3 }
        return finish(h)
    }

    /// One hash for a sequence of hashes (a paragraph from its sentences), order-sensitive.
    static func combine<S: Sequence<UInt64>>(_ hashes: S) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for x in hashes { h = finish(h ^ x) &+ 0x9E37_79B9_7F4A_7C15 }
        return finish(h)
    }

    /// The hash as 16 lower-case hex digits, as reports print it.
    public static func hex(_ h: UInt64) -> String {
        let digits = String(h, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// An open-addressing table from 64-bit hashes to a count and the place of
/// the first occurrence: the memory for duplicate detection and word types
/// (about 24 bytes a distinct key, one slot holding all three, so a probe of
/// a large table touches one cache line), without hashing the hashes again.
///
/// It stops taking new keys at `limit` (counts of known keys still grow), and
/// says so with ``saturated``, so memory stays bounded on any corpus.
struct HashCounter: Sendable {
    private struct Slot {
        var key: UInt64
        var first: UInt64
        var count: UInt32
    }

    private var slots: [Slot]
    private(set) var count = 0
    private(set) var saturated = false
    let limit: Int

    init(limit: Int, capacity: Int = 1024) {
        self.limit = limit
        slots = Array(repeating: Slot(key: 0, first: 0, count: 0), count: capacity)
    }

    /// Counts one occurrence of `key` first seen at `place`; returns the new count (0 when not taken).
    @discardableResult
    mutating func add(_ key: UInt64, place: UInt64 = 0, times: UInt32 = 1) -> UInt32 {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        let taken: UInt32? = slots.withUnsafeMutableBufferPointer { slots in
            while true {
                let k = slots[slot].key
                if k == key {
                    slots[slot].count &+= times
                    return slots[slot].count
                }
                if k == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
        if let taken { return taken }
        if count >= limit {
            saturated = true
            return 0
        }
        slots[slot] = Slot(key: key, first: place, count: times)
        count += 1
        if count * 10 > slots.count * 7 { grow() }
        return times
    }

    /// Reads the slot where a probe for `key` starts and returns its key (for ``CorpusTally/add(_:_:)``'s
    /// warm-up: loads of many keys' slots, none waiting for another, bring them into the cache together).
    @inline(__always)
    func peek(_ key: UInt64) -> UInt64 {
        slots.withUnsafeBufferPointer { $0[Int(truncatingIfNeeded: key) & ($0.count - 1)].key }
    }

    /// The count and first place of `key`, if known.
    func lookup(_ key: UInt64) -> (count: UInt32, first: UInt64)? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot].key != 0 {
            if slots[slot].key == key { return (slots[slot].count, slots[slot].first) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Every key with its count and first place.
    func forEach(_ body: (UInt64, UInt32, UInt64) -> Void) {
        for s in slots where s.key != 0 { body(s.key, s.count, s.first) }
    }

    /// Adds every key of `other`, whose places are moved by `placeShift` documents.
    mutating func merge(_ other: HashCounter, documentOffset: UInt64) {
        other.forEach { key, n, first in add(key, place: first &+ (documentOffset << Place.documentShift), times: n) }
        if other.saturated { saturated = true }
    }

    private mutating func grow() {
        let old = slots
        let capacity = slots.count * 2
        slots = Array(repeating: Slot(key: 0, first: 0, count: 0), count: capacity)
        for s in old where s.key != 0 {
            var slot = Int(truncatingIfNeeded: s.key) & (capacity - 1)
            while slots[slot].key != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = s
        }
    }
}

/// A paragraph's or sentence's place packed in 64 bits: document index
/// (24 bits), block number in the document (28 bits), sentence number (12 bits, 0 = the block).
enum Place {
    static let documentShift: UInt64 = 40

    static func pack(document: Int, block: Int, sentence: Int) -> UInt64 {
        UInt64(min(document, (1 << 24) - 1)) << documentShift
            | UInt64(min(block, (1 << 28) - 1)) << 12
            | UInt64(min(sentence, (1 << 12) - 1))
    }

    static func unpack(_ p: UInt64) -> (document: Int, block: Int, sentence: Int) {
        (Int(p >> documentShift), Int((p >> 12) & ((1 << 28) - 1)), Int(p & 0xFFF))
    }
}

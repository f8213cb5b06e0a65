/// The ids given out in one document, in memory that does not grow with the
/// usual numbered ids: `p1`, `p2`, … `doc.p9` are kept as runs of numbers per
/// prefix; any other id is kept as a stable 64-bit FNV-1a hash (a false match
/// only renames an id). A 1 GiB document with a million `p` ids needs a few
/// bytes instead of the 24 MiB a hash per id took at its peak.
struct IDSet {
    /// Prefix → the run of numbers inserted with it (every number in it was inserted).
    private var runs: [String: ClosedRange<UInt64>] = [:]
    private var hashes = Set<UInt64>()
    /// More prefixes than this go to the hashes (ids like `a1`, `b1`, `c1` … gain nothing from runs).
    private static let maximumPrefixes = 64

    static func hash(_ id: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    /// `id` as a prefix and the decimal number that ends it, when that number has
    /// no leading zero (so `p01` and `p1` stay different ids) and fits 18 digits.
    static func numbered(_ id: String) -> (prefix: Substring, number: UInt64)? {
        let utf8 = id.utf8
        var start = utf8.endIndex
        var digits = 0
        while start > utf8.startIndex {
            let before = utf8.index(before: start)
            let b = utf8[before]
            guard b >= 0x30 && b <= 0x39 else { break }
            start = before
            digits += 1
            if digits > 18 { return nil }
        }
        guard digits > 0 else { return nil }
        if utf8[start] == 0x30 && digits > 1 { return nil }
        var number: UInt64 = 0
        for b in utf8[start...] { number = number * 10 + UInt64(b - 0x30) }
        return (id[..<start], number)
    }

    func contains(_ id: String) -> Bool {
        if let (prefix, number) = Self.numbered(id), let run = runs[String(prefix)], run.contains(number) { return true }
        return hashes.contains(Self.hash(id))
    }

    mutating func insert(_ id: String) {
        if let (prefix, number) = Self.numbered(id) {
            let key = String(prefix)
            if let run = runs[key] {
                if run.contains(number) { return }
                if number == run.upperBound &+ 1 {
                    runs[key] = run.lowerBound...number
                    return
                }
                if number &+ 1 == run.lowerBound {
                    runs[key] = number...run.upperBound
                    return
                }
            } else if runs.count < Self.maximumPrefixes {
                runs[key] = number...number
                return
            }
        }
        hashes.insert(Self.hash(id))
    }

    mutating func removeAll(keepingCapacity: Bool) {
        runs.removeAll(keepingCapacity: keepingCapacity)
        hashes.removeAll(keepingCapacity: keepingCapacity)
    }
}

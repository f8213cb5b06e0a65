/// The ids given out in one document, in memory that does not grow with the
/// usual numbered ids: `p1`, `p2`, … `doc.p9` are kept as runs of numbers per
/// prefix; any other id is kept as a stable 64-bit FNV-1a hash (a false match
/// only renames an id). A 1 GiB document with a million `p` ids needs a few
/// bytes instead of the 24 MiB a hash per id took at its peak.
struct IDSet {
    /// Prefixes with the run of numbers inserted with each (every number in a run was
    /// inserted); few, so a linear search beats hashing the prefix.
    private var runs: [(prefix: [UInt8], numbers: ClosedRange<UInt64>)] = []
    private var hashes = Set<UInt64>()
    /// More prefixes than this go to the hashes (ids like `a1`, `b1`, `c1` … gain nothing from runs).
    private static let maximumPrefixes = 16

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    /// How many bytes of `id` come before the decimal number that ends it, and that
    /// number, when it has no leading zero (so `p01` and `p1` stay different ids) and
    /// fits 18 digits.
    static func numbered(_ id: UnsafeBufferPointer<UInt8>) -> (prefixCount: Int, number: UInt64)? {
        var start = id.count
        while start > 0, id[start - 1] >= 0x30, id[start - 1] <= 0x39 {
            start -= 1
            if id.count - start > 18 { return nil }
        }
        let digits = id.count - start
        guard digits > 0, id[start] != 0x30 || digits == 1 else { return nil }
        var number: UInt64 = 0
        for i in start..<id.count { number = number * 10 + UInt64(id[i] - 0x30) }
        return (start, number)
    }

    /// ``numbered(_:)`` for a `String`, as its prefix and number (for tests).
    static func numbered(_ id: String) -> (prefix: String, number: UInt64)? {
        var s = id
        return s.withUTF8 { bytes in
            numbered(bytes).map { (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<$0.prefixCount]), as: UTF8.self), $0.number) }
        }
    }

    func contains(_ id: String) -> Bool {
        var s = id
        return s.withUTF8 { bytes in
            if let (count, number) = Self.numbered(bytes), let i = runIndex(UnsafeBufferPointer(rebasing: bytes[..<count])),
                runs[i].numbers.contains(number)
            {
                return true
            }
            return hashes.contains(Self.hash(bytes))
        }
    }

    mutating func insert(_ id: String) {
        var s = id
        s.withUTF8 { bytes in
            if let (count, number) = Self.numbered(bytes) {
                let prefix = UnsafeBufferPointer(rebasing: bytes[..<count])
                if let i = runIndex(prefix) {
                    let run = runs[i].numbers
                    if run.contains(number) { return }
                    if number == run.upperBound &+ 1 {
                        runs[i].numbers = run.lowerBound...number
                        return
                    }
                    if number &+ 1 == run.lowerBound {
                        runs[i].numbers = number...run.upperBound
                        return
                    }
                } else if runs.count < Self.maximumPrefixes {
                    runs.append((Array(prefix), number...number))
                    return
                }
            }
            hashes.insert(Self.hash(bytes))
        }
    }

    private func runIndex(_ prefix: UnsafeBufferPointer<UInt8>) -> Int? {
        for i in runs.indices where runs[i].prefix.count == prefix.count {
            if runs[i].prefix.withUnsafeBufferPointer({ $0.elementsEqual(prefix) }) { return i }
        }
        return nil
    }

    mutating func removeAll(keepingCapacity: Bool) {
        runs.removeAll(keepingCapacity: keepingCapacity)
        hashes.removeAll(keepingCapacity: keepingCapacity)
    }
}

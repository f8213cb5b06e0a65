import CorpusModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Keys (or other short names) matched against raw bytes: the length and the
/// first eight bytes as one integer decide, `memcmp` checks the rest.
///
/// The tables are built once per program and never freed: plain pointers, so
/// passing a table costs no reference counting on the hot path.
struct JSONKeyTable: @unchecked Sendable {  // immutable after init
    let count: Int
    private let names: UnsafeMutablePointer<StaticString>
    private let lengths: UnsafeMutablePointer<Int>
    private let heads: UnsafeMutablePointer<UInt64>

    init(_ list: [StaticString]) {
        count = list.count
        names = .allocate(capacity: count)
        lengths = .allocate(capacity: count)
        heads = .allocate(capacity: count)
        for (i, name) in list.enumerated() {
            (names + i).initialize(to: name)
            (lengths + i).initialize(to: name.utf8CodeUnitCount)
            (heads + i).initialize(to: Self.head(name.utf8Start, name.utf8CodeUnitCount))
        }
    }

    @inline(__always)
    private static func head(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0
        for k in 0..<min(n, 8) { h |= UInt64(p[k]) << (8 * UInt64(k)) }
        return h
    }

    /// The index of the name `raw` spells, or -1.
    @inline(__always)
    func index(of raw: UnsafeBufferPointer<UInt8>) -> Int {
        let n = raw.count
        guard n > 0, let p = raw.baseAddress else { return -1 }
        let h = Self.head(p, n)
        var i = 0
        while i < count {
            if lengths[i] == n && heads[i] == h && (n <= 8 || memcmp(names[i].utf8Start + 8, p + 8, n - 8) == 0) { return i }
            i += 1
        }
        return -1
    }
}

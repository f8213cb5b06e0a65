import CorpusModel

/// The ids `PREFIX.sN` (or `.pN`) of one block's sentences or one document's
/// blocks: the same strings as ``CorpusID/sentence(_:_:)`` and
/// ``CorpusID/block(_:_:)``, built from bytes.
///
/// String interpolation cost ~560 instructions an id, once per sentence;
/// this copies the prefix bytes once and writes the digits by hand (ids up
/// to 15 bytes are small strings, with no allocation).
struct NumberedIDs {
    /// The prefix's UTF-8 bytes followed by `.` and the marker.
    private var head: [UInt8]
    private let ascii: Bool

    /// Ids `prefix.<marker>N`; `marker` is ASCII (`s`, `p`).
    init(_ prefix: String, marker: Unicode.Scalar) {
        head = Array(prefix.utf8)
        ascii = head.allSatisfy { $0 < 0x80 }
        head.append(0x2E)
        head.append(UInt8(marker.value))
    }

    /// The id numbered `number` (≥ 0, as the model's ids are 1-based).
    func id(_ number: Int) -> String {
        precondition(number >= 0)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: head.count + 20) { buffer in
            let base = buffer.baseAddress!
            head.withUnsafeBufferPointer { base.update(from: $0.baseAddress!, count: $0.count) }
            var digits = 0
            var n = number
            repeat {
                digits += 1
                n /= 10
            } while n > 0
            n = number
            var at = head.count + digits
            repeat {
                at -= 1
                base[at] = UInt8(truncatingIfNeeded: 0x30 + n % 10)
                n /= 10
            } while n > 0
            let bytes = UnsafeBufferPointer(start: base, count: head.count + digits)
            // The prefix came from a `String` (valid UTF-8) and the rest is ASCII.
            return String(copying: unsafe UTF8Span(unchecked: Span(_unsafeElements: bytes), isKnownASCII: ascii))
        }
    }
}

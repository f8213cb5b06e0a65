/// Reading UTF-8 that is known valid (a `String`'s bytes, or bytes
/// ``UTF8Validation`` passed) one scalar at a time, with no checks: the one
/// decoder of the byte paths (the text reader, the segmenter, `stats`' sentence
/// scan). Valid UTF-8 gives every lead byte its continuation bytes and never
/// encodes a surrogate or a value past U+10FFFF, so nothing is tested.
public enum ValidUTF8 {
    /// The scalar value starting at `p` and its width in bytes.
    @inlinable @inline(__always)
    public static func decode(_ p: UnsafePointer<UInt8>) -> (value: UInt32, width: Int) {
        let b0 = UInt32(p[0])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(p[1] & 0x3F), 2) }
        return decodeLong(p, b0)
    }

    /// ``decode(_:)`` for scalars of three and four bytes: out of line, as they
    /// are rare in the texts this is tuned for (Cyrillic and Latin letters are one
    /// or two bytes), which keeps the hot loops that inline ``decode(_:)`` small.
    @usableFromInline @inline(never)
    static func decodeLong(_ p: UnsafePointer<UInt8>, _ b0: UInt32) -> (value: UInt32, width: Int) {
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | UInt32(p[1] & 0x3F) << 6 | UInt32(p[2] & 0x3F), 3) }
        return ((b0 & 0x07) << 18 | UInt32(p[1] & 0x3F) << 12 | UInt32(p[2] & 0x3F) << 6 | UInt32(p[3] & 0x3F), 4)
    }

    /// The scalar starting at `p`, as a `Unicode.Scalar`, and its width in bytes.
    @inlinable @inline(__always)
    public static func scalar(_ p: UnsafePointer<UInt8>) -> (scalar: Unicode.Scalar, width: Int) {
        let (value, width) = decode(p)
        return (unsafeBitCast(value, to: Unicode.Scalar.self), width)
    }

    /// The first byte of the scalar that ends just before `p` (there must be one).
    @inlinable @inline(__always)
    public static func start(before p: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
        var q = p - 1
        while q.pointee & 0xC0 == 0x80 { q -= 1 }
        return q
    }
}

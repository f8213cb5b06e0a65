#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Hands libxml2 element text as ASCII and gives the callbacks the real bytes back: the
/// TEI reader's parsing costs a fifth of what it did on non-Latin text.
///
/// libxml2 2.9.14 scans character data quickly only while it is ASCII: from the first
/// other byte of a text node on it decodes, checks and copies one character at a time
/// (about 60 instructions a character, over half the reader's time on Kazakh TEI). This
/// mask feeds it a copy of the input in which each non-ASCII character of a text run is
/// one placeholder byte, and ``restore(_:at:)`` finds the original bytes of the text a
/// callback receives by its offset in the fed stream. One byte per character keeps
/// libxml2's line and column counts (it counts characters), so every error location and
/// message stays the same.
///
/// Only runs libxml2 would take as they are get masked: text inside the root element,
/// between a tag's `>` and the next `<`, at most 64 KiB, holding only well-formed UTF-8
/// XML characters, tabs, line feeds and printable ASCII (no `&`, CR, `]]>` or control
/// bytes), and not right after markup whose bytes are not UTF-8 (libxml2 quotes the four
/// bytes at such an error). Markup, attribute values, comments and every other run pass
/// unchanged, and so does the whole input when it may not be UTF-8 (a BOM other than
/// UTF-8's, an `encoding` other than UTF-8) or declares a DOCTYPE (whose internal subset
/// this scanner does not follow).
final class CharacterDataMask {
    // Touched on every byte and text callback, on one thread: no dynamic exclusivity checks.
    /// What stands for each masked character: any printable ASCII byte that is not markup
    /// (`a`; the four-character path below stores it as 0x61616161).
    static let placeholder = UInt8(ascii: "a")
    /// Longer runs pass unchanged, so libxml2's size limits see the bytes they always saw.
    static let longestRun = 64 << 10

    private enum Mode { case undecided, content, markupStart, startTag, endTag, comment, instruction, cdata, off }
    @exclusivity(unchecked) private var mode = Mode.undecided
    /// Open elements (0: before or after the root element, where nothing is masked).
    @exclusivity(unchecked) private var depth = 0
    @exclusivity(unchecked) private var quote: UInt8 = 0
    @exclusivity(unchecked) private var previous: UInt8 = 0
    /// Bytes of the construct's terminator (`-->`, `?>`, `]]>`) seen just now.
    @exclusivity(unchecked) private var matched = 0
    /// The run going on now is too long to mask (or the input ended inside it).
    @exclusivity(unchecked) private var rawRun = false
    /// The markup just read holds bytes that are not UTF-8: the next run passes unchanged.
    @exclusivity(unchecked) private var tainted = false
    @exclusivity(unchecked) private var utf8 = UTF8Check()

    /// Input bytes not yet fed (a run still waiting for its `<`), then the new chunk.
    @exclusivity(unchecked) private var source = ByteBuffer()
    @exclusivity(unchecked) private var output = ByteBuffer()
    /// Bytes handed to libxml2 so far: the fed-stream offset of the next output byte.
    @exclusivity(unchecked) private(set) var fed = 0

    /// A masked run: where it is in the fed stream and where its real bytes are in `originals`.
    private struct Run {
        var start: Int
        var end: Int
        var original: Int
        var originalEnd: Int
    }
    @exclusivity(unchecked) private var runs: [Run] = []
    @exclusivity(unchecked) private var firstRun = 0
    @exclusivity(unchecked) private var originals = ByteBuffer()
    /// Where the last restored text ended, in both streams (a run reported in pieces).
    @exclusivity(unchecked) private var cursorFed = -1
    @exclusivity(unchecked) private var cursorOriginal = 0

    /// Whether masking is on for this input (false once it is known not to be).
    var isActive: Bool { mode != .off }

    deinit {
        source.free()
        output.free()
        originals.free()
    }

    // MARK: feeding

    /// Masks `chunk` (after any bytes held back) and passes what can be fed now to `feed`.
    func mask(_ chunk: UnsafeRawBufferPointer, _ feed: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        guard let base = chunk.baseAddress, chunk.count > 0 else { return }
        source.append(base.assumingMemoryBound(to: UInt8.self), chunk.count)
        try run(atEnd: false, feed)
    }

    /// Feeds whatever is still held back (the input has ended).
    func finish(_ feed: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try run(atEnd: true, feed)
    }

    private func run(atEnd: Bool, _ feed: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        compactRuns()
        output.count = 0
        output.reserve(source.count)
        let used = process(atEnd: atEnd)
        source.removeFirst(used)
        guard output.count > 0 else { return }
        let out = UnsafeBufferPointer(start: output.base, count: output.count)
        fed += output.count
        try feed(out)
    }

    /// Drops the runs libxml2 has reported and the original bytes only they needed.
    private func compactRuns() {
        if firstRun >= runs.count {
            runs.removeAll(keepingCapacity: true)
            firstRun = 0
            originals.count = 0
            return
        }
        guard firstRun > 0 else { return }
        let shift = runs[firstRun].original
        runs.removeFirst(firstRun)
        firstRun = 0
        originals.removeFirst(shift)
        for i in runs.indices {
            runs[i].original -= shift
            runs[i].originalEnd -= shift
        }
        cursorOriginal -= shift
    }

    /// Masks `source` as far as it can be decided; returns how many bytes were used.
    private func process(atEnd: Bool) -> Int {
        guard let src = source.base, source.count > 0 else { return 0 }
        let n = source.count
        if mode == .undecided {
            mode = Self.decide(UnsafeBufferPointer(start: src, count: n), atEnd: atEnd)
            if mode == .undecided { return 0 }
        }
        var i = 0
        while i < n {
            switch mode {
            case .undecided, .off:
                copy(src + i, n - i)
                i = n
            case .content:
                let lt = Self.find(UInt8(ascii: "<"), src, from: i, to: n)
                if lt == n {
                    if depth == 0 || rawRun || atEnd || n - i > Self.longestRun {
                        copy(src + i, n - i)
                        rawRun = depth > 0
                        i = n
                        continue
                    }
                    return i  // wait for the run's end
                }
                if depth == 0 || rawRun || tainted || lt - i > Self.longestRun {
                    copy(src + i, lt - i)
                } else {
                    maskRun(src, i, lt)
                }
                rawRun = false
                tainted = false
                i = lt
                mode = .markupStart
            case .markupStart:
                if n - i < 9 && !atEnd { return i }
                let rest = n - i
                let next = rest > 1 ? src[i + 1] : 0
                if next == UInt8(ascii: "/") {
                    mode = .endTag
                    copy(src + i, 2)
                    i += 2
                } else if next == UInt8(ascii: "?") {
                    mode = .instruction
                    matched = 0
                    copy(src + i, 2)
                    i += 2
                } else if next == UInt8(ascii: "!") {
                    if Self.startsWith(src + i, rest, "<!--") {
                        mode = .comment
                        matched = 0
                        copy(src + i, 4)
                        i += 4
                    } else if Self.startsWith(src + i, rest, "<![CDATA[") {
                        mode = .cdata
                        matched = 0
                        copy(src + i, 9)
                        i += 9
                    } else {
                        mode = .off  // a DOCTYPE (or not XML): everything else unchanged
                    }
                } else {
                    mode = .startTag
                    quote = 0
                    previous = UInt8(ascii: "<")
                    copy(src + i, 1)
                    i += 1
                }
            case .startTag:
                var j = i
                var ended = false
                while j < n {
                    let b = src[j]
                    j += 1
                    checkUTF8(b)
                    if quote != 0 {
                        if b == quote { quote = 0 }
                    } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                        quote = b
                    } else if b == UInt8(ascii: ">") {
                        if previous != UInt8(ascii: "/") { depth += 1 }
                        ended = true
                        break
                    }
                    previous = b
                }
                copy(src + i, j - i)
                i = j
                if ended { endMarkup() }
            case .endTag:
                let gt = Self.find(UInt8(ascii: ">"), src, from: i, to: n)
                let end = min(gt + 1, n)
                checkUTF8(src, i, end)
                copy(src + i, end - i)
                i = end
                if gt < n {
                    depth = max(0, depth - 1)
                    endMarkup()
                }
            case .comment, .instruction, .cdata:
                let closing = UInt8(ascii: mode == .comment ? "-" : mode == .cdata ? "]" : "?")
                let needed = mode == .instruction ? 1 : 2
                var j = i
                var ended = false
                while j < n {
                    let b = src[j]
                    j += 1
                    checkUTF8(b)
                    if b == closing {
                        matched = min(matched + 1, needed)
                    } else if b == UInt8(ascii: ">") && matched == needed {
                        ended = true
                        break
                    } else {
                        matched = 0
                    }
                }
                copy(src + i, j - i)
                i = j
                if ended { endMarkup() }
            }
        }
        return i
    }

    private func endMarkup() {
        if utf8.need > 0 {
            tainted = true
            utf8 = UTF8Check()
        }
        mode = .content
    }

    private func checkUTF8(_ src: UnsafeMutablePointer<UInt8>, _ from: Int, _ to: Int) {
        for j in from..<to { checkUTF8(src[j]) }
    }

    /// Follows one byte of markup through the UTF-8 check; a byte that breaks it
    /// taints the markup (the next run then passes unchanged).
    @inline(__always)
    private func checkUTF8(_ b: UInt8) {
        if b >= 0x80 || utf8.need > 0, !utf8.take(b) { tainted = true }
    }

    /// Masks the run `src[start..<end]` (end: its `<`), or copies it unchanged when libxml2
    /// would have anything to check or report in it.
    private func maskRun(_ src: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int) {
        let out = output.base! + output.count
        let length = Self.maskedLength(src, start, end, into: out)
        guard length > 0 else {
            copy(src + start, end - start)
            return
        }
        let fedStart = fed + output.count
        output.count += length
        runs.append(Run(start: fedStart, end: fedStart + length, original: originals.count, originalEnd: originals.count + (end - start)))
        originals.append(src + start, end - start)
    }

    /// Writes the masked run `src[start..<end]` to `out` and returns its length; 0 when the
    /// run has nothing to mask or must pass unchanged. `src[end]` is the run's `<`, which is
    /// no UTF-8 continuation byte, so a character cut by it fails its check first.
    @inline(__always)
    private static func maskedLength(
        _ src: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int, into out: UnsafeMutablePointer<UInt8>
    ) -> Int {
        var p = UnsafePointer(src + start)
        let e = UnsafePointer(src + end)
        var q = out
        var masked = false
        while p < e {
            // Four two-byte characters at once while eight bytes remain: each a lead
            // 0xC2–0xDF (0xC0 and 0xC1 have no bit of 0x1E set) and a continuation byte.
            while e - p >= 8 {
                let word = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
                guard word & 0xC0E0_C0E0_C0E0_C0E0 == 0x80C0_80C0_80C0_80C0 else { break }
                let leads = word & 0x001E_001E_001E_001E
                guard (leads &- 0x0001_0001_0001_0001) & ~leads & 0x8000_8000_8000_8000 == 0 else { break }
                UnsafeMutableRawPointer(q).storeBytes(of: 0x6161_6161 as UInt32, as: UInt32.self)
                q += 4
                p += 8
                masked = true
            }
            if p == e { break }
            // Two bytes at once (the second may be the run's `<`): a two-byte character
            // (Cyrillic, Greek, Latin with marks…) is a lead 0xC2–0xDF and a continuation.
            let pair = UInt16(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt16.self))
            if pair & 0xC0E0 == 0x80C0 && pair & 0x1E != 0 {
                q.pointee = placeholder
                q += 1
                p += 2
                masked = true
                continue
            }
            let b = UInt8(truncatingIfNeeded: pair)
            if b &- 0x20 < 0x60 && b != UInt8(ascii: "&") && b != UInt8(ascii: "]") {  // printable ASCII
                q.pointee = b
                q += 1
                p += 1
                continue
            }
            let length = otherCharacterLength(p, e)
            if length == 0 { return 0 }
            if b >= 0x80 {
                q.pointee = placeholder
                masked = true
            } else {
                q.pointee = b
            }
            q += 1
            p += length
        }
        return masked ? q - out : 0
    }

    /// The length of the character at `p` (before `end`) that is neither a two-byte
    /// character nor printable ASCII other than `&` and `]`, when libxml2's fast path takes
    /// it as it is; else 0.
    @inline(never)
    private static func otherCharacterLength(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Int {
        let b = p[0]
        if b == 0x0A || b == 0x09 { return 1 }
        if b == UInt8(ascii: "]") {
            // `]]>` is an error libxml2 reports: such a run passes unchanged.
            return p[1] == UInt8(ascii: "]") && p + 2 < end && p[2] == UInt8(ascii: ">") ? 0 : 1
        }
        if b < 0x80 { return 0 }  // `&`, CR and control bytes
        return xmlCharacterLength(UnsafeMutablePointer(mutating: p), 0, end - p)
    }

    private func copy(_ p: UnsafeMutablePointer<UInt8>, _ count: Int) {
        guard count > 0 else { return }
        (output.base! + output.count).update(from: p, count: count)
        output.count += count
    }

    // MARK: restoring

    /// The real bytes of `text`, which libxml2 passed from `offset` in the fed stream: the
    /// original of a masked run, else `text` itself (unmasked text, or a copy libxml2 made);
    /// nil if the text crosses the end of a masked run (the scanner and libxml2 would
    /// disagree about where text is: never silently passed on).
    func restore(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> UnsafeBufferPointer<UInt8>? {
        while firstRun < runs.count && runs[firstRun].end <= offset { firstRun += 1 }
        guard firstRun < runs.count else { return text }
        let run = runs[firstRun]
        guard offset >= run.start else { return text }
        guard offset + text.count <= run.end else { return nil }
        let origin = originals.base!
        var from: Int
        if offset == run.start {
            from = run.original
        } else if offset == cursorFed {
            from = cursorOriginal
        } else {
            from = Self.skipCharacters(origin, from: run.original, count: offset - run.start)
        }
        let to = offset + text.count == run.end
            ? run.originalEnd : Self.skipCharacters(origin, from: from, count: text.count)
        cursorFed = offset + text.count
        cursorOriginal = to
        return UnsafeBufferPointer(start: origin + from, count: to - from)
    }

    /// The index `count` characters after `from` in well-formed UTF-8.
    private static func skipCharacters(_ p: UnsafeMutablePointer<UInt8>, from: Int, count: Int) -> Int {
        var i = from
        for _ in 0..<count {
            let b = p[i]
            i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        }
        return i
    }

    // MARK: helpers

    /// `.content` when libxml2 will read the input as UTF-8 without converting it, `.off`
    /// when it may not, `.undecided` when more bytes are needed to tell.
    private static func decide(_ head: UnsafeBufferPointer<UInt8>, atEnd: Bool) -> Mode {
        var start = 0
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { start = 3 }
        if head.count - start < 6 { return atEnd ? .off : .undecided }
        guard head[start] == UInt8(ascii: "<") else { return .off }
        guard matches(head, at: start, "<?xml"), TextAccumulator.isLayoutSpace(head[start + 5]) else { return .content }
        // The declaration, up to its `?>`, which must come early.
        let limit = min(head.count, start + 1024)
        var end = -1
        var k = start
        while k + 1 < limit {
            if head[k] == UInt8(ascii: "?") && head[k + 1] == UInt8(ascii: ">") { end = k; break }
            k += 1
        }
        if end < 0 { return head.count < start + 1024 && !atEnd ? .undecided : .off }
        // Its `encoding` pseudo-attribute, if any, must name UTF-8.
        var e = start
        while e < end && !matches(head, at: e, "encoding") { e += 1 }
        guard e < end else { return .content }
        var v = e + 8
        while v < end && TextAccumulator.isLayoutSpace(head[v]) { v += 1 }
        guard v < end, head[v] == UInt8(ascii: "=") else { return .off }
        v += 1
        while v < end && TextAccumulator.isLayoutSpace(head[v]) { v += 1 }
        guard v < end, head[v] == UInt8(ascii: "'") || head[v] == UInt8(ascii: "\"") else { return .off }
        let q = head[v]
        var w = v + 1
        while w < end && head[w] != q { w += 1 }
        guard w < end else { return .off }
        let name = String(decoding: UnsafeBufferPointer(rebasing: head[(v + 1)..<w]), as: UTF8.self).lowercased()
        return name == "utf-8" || name == "utf8" ? .content : .off
    }

    private static func matches(_ p: UnsafeBufferPointer<UInt8>, at i: Int, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard i + n <= p.count else { return false }
        let l = literal.utf8Start
        for k in 0..<n where p[i + k] != l[k] { return false }
        return true
    }

    /// The length of the UTF-8 character at `i` when it is well-formed, ends before `end` and
    /// is an XML character; else 0.
    @inline(__always)
    static func xmlCharacterLength(_ p: UnsafeMutablePointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let b0 = p[i]
        if b0 < 0xC2 { return 0 }
        if b0 < 0xE0 {
            guard i + 1 < end, p[i + 1] & 0xC0 == 0x80 else { return 0 }
            return 2
        }
        if b0 < 0xF0 {
            guard i + 2 < end else { return 0 }
            let b1 = p[i + 1]
            let b2 = p[i + 2]
            let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
            guard b1 >= low && b1 <= high, b2 & 0xC0 == 0x80 else { return 0 }
            if b0 == 0xEF && b1 == 0xBF && b2 >= 0xBE { return 0 }  // U+FFFE, U+FFFF
            return 3
        }
        if b0 < 0xF5 {
            guard i + 3 < end else { return 0 }
            let b1 = p[i + 1]
            let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
            guard b1 >= low && b1 <= high, p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80 else { return 0 }
            return 4
        }
        return 0
    }

    /// The first index of `byte` in `p[from..<to]`, or `to`.
    @inline(__always)
    static func find(_ byte: UInt8, _ p: UnsafeMutablePointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let hit = memchr(p + from, Int32(byte), to - from) else { return to }
        return hit.assumingMemoryBound(to: UInt8.self) - p
    }

    private static func startsWith(_ p: UnsafeMutablePointer<UInt8>, _ count: Int, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard count >= n else { return false }
        let l = literal.utf8Start
        for k in 0..<n where p[k] != l[k] { return false }
        return true
    }
}

/// Checks UTF-8 one byte at a time, across chunk boundaries.
private struct UTF8Check {
    var need = 0
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF

    /// False when `b` makes the bytes so far not UTF-8 (the check starts over after it).
    mutating func take(_ b: UInt8) -> Bool {
        if need == 0 {
            switch b {
            case 0..<0x80: return true
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: need = 2
            case 0xED: need = 2; high = 0x9F
            case 0xF0: need = 3; low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; high = 0x8F
            default: return false
            }
            return true
        }
        defer { low = 0x80; high = 0xBF }
        guard b >= low && b <= high else {
            need = 0
            return false
        }
        need -= 1
        return true
    }
}

/// A growable byte buffer in manually managed memory (its pointer stays valid while
/// libxml2's callbacks read from it).
private struct ByteBuffer {
    var base: UnsafeMutablePointer<UInt8>?
    var count = 0
    var capacity = 0

    mutating func reserve(_ n: Int) {
        guard n > capacity else { return }
        let newCapacity = max(n, capacity * 2, 4096)
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        if let old = base {
            p.update(from: old, count: count)
            old.deallocate()
        }
        base = p
        capacity = newCapacity
    }

    mutating func append(_ p: UnsafePointer<UInt8>, _ n: Int) {
        reserve(count + n)
        (base! + count).update(from: p, count: n)
        count += n
    }

    mutating func removeFirst(_ n: Int) {
        guard n > 0 else { return }
        if n < count { base!.update(from: base! + n, count: count - n) }
        count -= n
    }

    func free() { base?.deallocate() }
}

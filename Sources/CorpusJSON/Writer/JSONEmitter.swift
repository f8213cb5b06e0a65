import CorpusModel

/// A streaming JSON emitter over a ``ByteOutput``: fixed key order, pretty or
/// compact, no intermediate tree.
///
/// Hand-written because it is on the hot path: `JSONEncoder` is ~5x slower
/// and its key order changes from run to run (see RECIPES.md).
struct JSONEmitter {
    let output: ByteOutput
    let pretty: Bool
    private var depth = 0
    /// Per open container: whether it already holds a member.
    private var hasMember: [Bool] = []

    init(output: ByteOutput, pretty: Bool) {
        self.output = output
        self.pretty = pretty
    }

    mutating func beginObject() throws {
        try output.write(byte: UInt8(ascii: "{"))
        hasMember.append(false)
    }

    mutating func endObject() throws { try close(UInt8(ascii: "}")) }

    mutating func beginArray() throws {
        try output.write(byte: UInt8(ascii: "["))
        hasMember.append(false)
    }

    mutating func endArray() throws { try close(UInt8(ascii: "]")) }

    /// Starts a member of the current object: `"key": `.
    mutating func key(_ name: StaticString) throws {
        try separate()
        try output.write(byte: UInt8(ascii: "\""))
        try raw(name)
        try raw(pretty ? "\": " : "\":")
    }

    /// Writes a literal's bytes as they are (no `String` in between).
    @inline(__always)
    func raw(_ text: StaticString) throws {
        try output.write(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Starts an element of the current array.
    mutating func element() throws { try separate() }

    func string(_ value: String) throws { try JSONEmitter.writeString(value, to: output) }

    func bool(_ value: Bool) throws { try raw(value ? "true" : "false") }

    /// Writes the decimal digits of `value` from a stack buffer (no `String`).
    func int(_ value: Int) throws { try output.write(decimal: value) }

    /// Emits `"key": "value"` when value is non-nil.
    mutating func member(_ name: StaticString, _ value: String?) throws {
        guard let value else { return }
        try key(name)
        try string(value)
    }

    private mutating func separate() throws {
        if hasMember[hasMember.count - 1] { try output.write(byte: UInt8(ascii: ",")) }
        hasMember[hasMember.count - 1] = true
        if pretty { try newline(depth: hasMember.count) }
    }

    private mutating func close(_ byte: UInt8) throws {
        let hadMembers = hasMember.removeLast()
        if pretty && hadMembers { try newline(depth: hasMember.count) }
        try output.write(byte: byte)
    }

    /// A newline and two spaces per level, in one write.
    private func newline(depth: Int) throws {
        let indent = JSONEmitter.indentation
        if 1 + depth * 2 <= indent.utf8CodeUnitCount {
            try output.write(UnsafeRawBufferPointer(start: indent.utf8Start, count: 1 + depth * 2))
            return
        }
        try output.write(byte: 0x0A)
        for _ in 0..<depth { try raw("  ") }
    }

    private static let indentation: StaticString = "\n                                                                "

    /// The two-byte escapes of `"`, `\`, LF, CR, tab, backspace and form feed, in that order.
    private static let escapes: StaticString = #"\"\\\n\r\t\b\f"#

    /// Writes `value` as a JSON string: escapes `"`, `\` and controls; everything else raw UTF-8.
    static func writeString(_ value: String, to output: ByteOutput) throws {
        try output.write(byte: UInt8(ascii: "\""))
        var s = value
        try s.withUTF8 { utf8 in
            var runStart = 0
            var i = 0
            let n = utf8.count
            while i < n {
                // Eight bytes at a time while none needs an escape ('"', '\\', a control).
                if i + 8 <= n {
                    let w = UnsafeRawPointer(utf8.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    let quote = w ^ 0x2222_2222_2222_2222
                    let slash = w ^ 0x5C5C_5C5C_5C5C_5C5C
                    let special = ((quote &- 0x0101_0101_0101_0101) & ~quote)
                        | ((slash &- 0x0101_0101_0101_0101) & ~slash)
                        | ((w &- 0x2020_2020_2020_2020) & ~w)
                    if special & 0x8080_8080_8080_8080 == 0 {
                        i += 8
                        continue
                    }
                }
                let b = utf8[i]
                i += 1
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                let at = i - 1
                if runStart < at { try output.write(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(utf8)[runStart..<at])) }
                runStart = i
                switch b {
                case 0x22: try output.write(UnsafeRawBufferPointer(start: JSONEmitter.escapes.utf8Start, count: 2))
                case 0x5C: try output.write(UnsafeRawBufferPointer(start: JSONEmitter.escapes.utf8Start + 2, count: 2))
                case 0x0A: try output.write(UnsafeRawBufferPointer(start: JSONEmitter.escapes.utf8Start + 4, count: 2))
                case 0x0D: try output.write(UnsafeRawBufferPointer(start: JSONEmitter.escapes.utf8Start + 6, count: 2))
                case 0x09: try output.write(UnsafeRawBufferPointer(start: JSONEmitter.escapes.utf8Start + 8, count: 2))
                case 0x08: try output.write(UnsafeRawBufferPointer(start: JSONEmitter.escapes.utf8Start + 10, count: 2))
                case 0x0C: try output.write(UnsafeRawBufferPointer(start: JSONEmitter.escapes.utf8Start + 12, count: 2))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    try output.write([0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
            }
            if runStart < utf8.count {
                try output.write(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(utf8)[runStart...]))
            }
        }
        try output.write(byte: UInt8(ascii: "\""))
    }
}

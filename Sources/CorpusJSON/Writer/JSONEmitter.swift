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
        try output.write(UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        try output.write(pretty ? "\": " : "\":")
    }

    /// Starts an element of the current array.
    mutating func element() throws { try separate() }

    func string(_ value: String) throws { try JSONEmitter.writeString(value, to: output) }

    func bool(_ value: Bool) throws { try output.write(value ? "true" : "false") }

    func int(_ value: Int) throws { try output.write(String(value)) }

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

    private func newline(depth: Int) throws {
        try output.write(byte: 0x0A)
        for _ in 0..<depth { try output.write("  ") }
    }

    /// Writes `value` as a JSON string: escapes `"`, `\` and controls; everything else raw UTF-8.
    static func writeString(_ value: String, to output: ByteOutput) throws {
        try output.write(byte: UInt8(ascii: "\""))
        var s = value
        try s.withUTF8 { utf8 in
            var runStart = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                if runStart < i { try output.write(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(utf8)[runStart..<i])) }
                runStart = i + 1
                switch b {
                case 0x22: try output.write("\\\"")
                case 0x5C: try output.write("\\\\")
                case 0x0A: try output.write("\\n")
                case 0x0D: try output.write("\\r")
                case 0x09: try output.write("\\t")
                case 0x08: try output.write("\\b")
                case 0x0C: try output.write("\\f")
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

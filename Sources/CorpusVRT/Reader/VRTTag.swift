import CorpusModel

/// One structure line: `<name a="v">`, `</name>` or `<name …/>`, attribute values decoded.
struct VRTTag {
    enum Shape { case open, close, empty }
    var name: String
    var shape: Shape
    var attributes: [(name: String, value: String)]

    func value(_ key: String) -> String? { attributes.first { $0.name == key }?.value }

    /// Parses a line starting with `<`; the error says which column broke it.
    init(_ line: ArraySlice<UInt8>, fail: (String, Int) -> CorpusError) throws {
        var i = line.startIndex + 1
        let end = line.endIndex
        guard end - line.startIndex >= 3, line[end - 1] == 0x3E else {
            throw fail("a structure line must end with '>'", end - line.startIndex + 1)
        }
        var shape = Shape.open
        if line[i] == 0x2F {
            shape = .close
            i += 1
        }
        var last = end - 1  // the '>'
        if shape == .open, line[last - 1] == 0x2F {
            shape = .empty
            last -= 1
        }
        let nameStart = i
        while i < last, !Self.isSpace(line[i]) { i += 1 }
        guard i > nameStart else { throw fail("a structure line needs an element name", nameStart - line.startIndex + 1) }
        name = String(decoding: line[nameStart..<i], as: UTF8.self)
        self.shape = shape
        attributes = []
        while true {
            while i < last, Self.isSpace(line[i]) { i += 1 }
            if i >= last { break }
            guard shape != .close else { throw fail("a closing tag has no attributes", i - line.startIndex + 1) }
            let keyStart = i
            while i < last, line[i] != 0x3D, !Self.isSpace(line[i]) { i += 1 }
            let key = String(decoding: line[keyStart..<i], as: UTF8.self)
            guard i + 1 < last, line[i] == 0x3D, line[i + 1] == 0x22 || line[i + 1] == 0x27 else {
                throw fail("attribute '\(key)' needs a quoted value (key=\"value\")", i - line.startIndex + 1)
            }
            let quote = line[i + 1]
            i += 2
            let valueStart = i
            while i < last, line[i] != quote { i += 1 }
            guard i < last else { throw fail("the value of attribute '\(key)' is not closed", valueStart - line.startIndex) }
            attributes.append((key, try Self.decode(line[valueStart..<i], column: valueStart - line.startIndex + 1, fail: fail)))
            i += 1
        }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    /// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and numeric references.
    static func decode(_ bytes: ArraySlice<UInt8>, column: Int, fail: (String, Int) -> CorpusError) throws -> String {
        guard bytes.contains(0x26) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            guard b == 0x26 else {
                out.append(b)
                i += 1
                continue
            }
            guard let semicolon = bytes[i...].firstIndex(of: 0x3B), semicolon - i <= 10 else {
                throw fail("'&' must start an entity (&amp; &lt; &gt; &quot; &apos; &#N;)", column + (i - bytes.startIndex))
            }
            let entity = String(decoding: bytes[(i + 1)..<semicolon], as: UTF8.self)
            switch entity {
            case "amp": out.append(0x26)
            case "lt": out.append(0x3C)
            case "gt": out.append(0x3E)
            case "quot": out.append(0x22)
            case "apos": out.append(0x27)
            default:
                var scalar: Unicode.Scalar?
                let hex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
                let digits = entity.dropFirst(hex ? 2 : 1)
                if entity.hasPrefix("#"), !digits.isEmpty, digits.allSatisfy({ hex ? $0.isHexDigit : $0.isASCII && $0.isNumber }) {
                    // Controls (TAB, LF, CR included) cannot be in a value: they would break the line.
                    scalar = UInt32(digits, radix: hex ? 16 : 10).flatMap(Unicode.Scalar.init).flatMap { $0.value < 0x20 ? nil : $0 }
                }
                guard let scalar else {
                    throw fail("unknown entity '&\(entity);'", column + (i - bytes.startIndex))
                }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            i = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

import CorpusModel

/// A JSON value with ordered object members, for reports whose key order is
/// part of the documented format.
public indirect enum ReportJSON: Sendable, Equatable {
    case object([(String, ReportJSON)])
    case array([ReportJSON])
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null

    public static func == (a: ReportJSON, b: ReportJSON) -> Bool { a.serialized() == b.serialized() }

    /// The value as JSON text, indented by two spaces when `pretty`.
    public func serialized(pretty: Bool = true) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(into: &out, depth: 0, pretty: pretty)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the value as UTF-8 bytes, made into one string at the end: appended to a `String` piece by
    /// piece, the report's text cost more than the rest of the report together (a few ms, on one thread).
    private func write(into out: inout [UInt8], depth: Int, pretty: Bool) {
        /// A new line and the indent of a member at `level`.
        func newLine(_ level: Int) {
            guard pretty else { return }
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: 2 * level))
        }
        switch self {
        case .object(let members):
            if members.isEmpty { out += "{}".utf8; return }
            out.append(0x7B)
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(0x2C) }
                newLine(depth + 1)
                JSONStringLiteral.append(key, to: &out)
                out += pretty ? ": ".utf8 : ":".utf8
                value.write(into: &out, depth: depth + 1, pretty: pretty)
            }
            newLine(depth)
            out.append(0x7D)
        case .array(let items):
            if items.isEmpty { out += "[]".utf8; return }
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                newLine(depth + 1)
                item.write(into: &out, depth: depth + 1, pretty: pretty)
            }
            newLine(depth)
            out.append(0x5D)
        case .string(let s): JSONStringLiteral.append(s, to: &out)
        case .int(let n): out += String(n).utf8
        case .double(let x): out += (x.isFinite ? String((x * 100).rounded() / 100) : "null").utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .null: out += "null".utf8
        }
    }
}

extension ReportJSON {
    /// The member `key` of an object, or nil.
    public subscript(key: String) -> ReportJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The elements of an array (empty for anything else).
    public var items: [ReportJSON] {
        if case .array(let a) = self { return a }
        return []
    }

    /// The number of an `.int`, or nil.
    public var int: Int? {
        if case .int(let n) = self { return n }
        return nil
    }

    /// The text of a `.string`, or nil.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

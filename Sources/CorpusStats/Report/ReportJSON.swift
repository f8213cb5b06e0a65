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
        var out = ""
        write(into: &out, depth: 0, pretty: pretty)
        return out
    }

    private func write(into out: inout String, depth: Int, pretty: Bool) {
        let pad = pretty ? "\n" + String(repeating: "  ", count: depth + 1) : ""
        let close = pretty ? "\n" + String(repeating: "  ", count: depth) : ""
        switch self {
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                out += (i > 0 ? "," : "") + pad
                Self.quote(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, depth: depth + 1, pretty: pretty)
            }
            out += close + "}"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                out += (i > 0 ? "," : "") + pad
                item.write(into: &out, depth: depth + 1, pretty: pretty)
            }
            out += close + "]"
        case .string(let s): Self.quote(s, into: &out)
        case .int(let n): out += String(n)
        case .double(let x): out += x.isFinite ? String((x * 100).rounded() / 100) : "null"
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    private static func quote(_ s: String, into out: inout String) { JSONStringLiteral.append(s, to: &out) }
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

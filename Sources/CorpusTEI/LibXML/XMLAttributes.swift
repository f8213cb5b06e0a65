/// The attributes of one start tag, borrowed from libxml2 for the duration of the callback.
///
/// libxml2 passes five pointers per attribute: local name, prefix, URI, value
/// start, value end. Values are copied only when asked for.
struct XMLAttributes {
    let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    let count: Int

    /// The attribute `localName` with no prefix (`type`, `join`, `break`).
    func value(_ localName: StaticString) -> String? {
        guard let base else { return nil }
        for i in 0..<count {
            let p = base + i * 5
            if p[1] == nil, xmlStringEquals(p[0], localName) { return Self.copyValue(p) }
        }
        return nil
    }

    /// The attribute `xml:localName` (`xml:id`, `xml:lang`).
    func xmlValue(_ localName: StaticString) -> String? {
        guard let base else { return nil }
        for i in 0..<count {
            let p = base + i * 5
            if xmlStringEquals(p[1], "xml"), xmlStringEquals(p[0], localName) { return Self.copyValue(p) }
        }
        return nil
    }

    /// Every attribute as `(qualified name, value)`, in document order.
    func all() -> [(name: String, value: String)] {
        guard let base else { return [] }
        var out: [(String, String)] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            let p = base + i * 5
            let local = xmlStringCopy(p[0]) ?? ""
            let name = xmlStringCopy(p[1]).map { "\($0):\(local)" } ?? local
            out.append((name, Self.copyValue(p)))
        }
        return out
    }

    private static func copyValue(_ p: UnsafeMutablePointer<UnsafePointer<UInt8>?>) -> String {
        guard let start = p[3], let end = p[4], end > start else { return "" }
        return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
    }
}

/// The namespace an element belongs to, as far as the TEI reader cares.
enum XMLNamespaceKind {
    case none, tei, xinclude, other
}

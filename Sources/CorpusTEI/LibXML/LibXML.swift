internal import CLibXML2

/// The process-wide libxml2 set-up: initialised once, lazily and thread-safely.
enum LibXML {
    /// A global `let` initialiser runs exactly once, on first use, under a lock.
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Call before any other libxml2 function.
    static func ensureInitialised() { _ = initialised }

    /// The only parser options CorpusKit ever uses: no network, and nothing that
    /// loads a DTD, substitutes entities, lifts size limits or recovers from errors.
    static let safeParseOptions: Int32 = Int32(XML_PARSE_NONET.rawValue)

    /// The TEI namespace URI.
    static let teiNamespace = "http://www.tei-c.org/ns/1.0"
    /// The XInclude namespace URI (2001; the 2003 one is also accepted).
    static let xincludeNamespaces = ["http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude"]
}

/// Compares a NUL-terminated libxml2 string with ASCII/UTF-8 `literal` without allocating.
@inline(__always)
func xmlStringEquals(_ p: UnsafePointer<UInt8>?, _ literal: StaticString) -> Bool {
    guard let p else { return false }
    let n = literal.utf8CodeUnitCount
    let l = literal.utf8Start
    for i in 0..<n where p[i] != l[i] { return false }
    return p[n] == 0
}

/// Copies a NUL-terminated libxml2 string into a Swift `String` (nil stays nil).
@inline(__always)
func xmlStringCopy(_ p: UnsafePointer<UInt8>?) -> String? {
    guard let p else { return nil }
    return String(cString: p)
}

import CorpusModel

/// Checks, while streaming, the TEI rules the writer guarantees: a TEI-namespaced
/// `TEI`/`teiCorpus` root, `teiHeader/fileDesc/titleStmt`, `s` only inside
/// paragraph-like elements, `xml:id` an NCName and unique, `xml:lang` a BCP 47 tag.
final class TEIStructureChecker: SAXEventHandler {
    private let fileName: String
    var locate: () -> SourceLocation? = { nil }
    private(set) var diagnostics: [Diagnostic] = []
    private let limit = 1000

    private var stack: [String] = []
    private var ids = Set<String>()
    /// For each open `fileDesc`: whether its first child was seen and was `titleStmt`.
    private var fileDescFirstChild: [String?] = []
    private var headerSeen: [Bool] = []
    /// For each open `TEI`: where it starts and whether it has a `text` child.
    private var textSeen: [(location: SourceLocation?, seen: Bool)] = []

    /// Elements that cannot hold `s` directly.
    private static let notSentenceParents: Set<String> = [
        "TEI", "teiCorpus", "text", "front", "body", "back", "group", "div", "div1", "div2", "div3", "div4", "div5",
        "div6", "div7", "list", "lg", "sp", "listBibl", "table", "row", "teiHeader", "fileDesc", "s",
    ]

    init(fileName: String) { self.fileName = fileName }

    private func report(_ message: String, _ severity: Diagnostic.Severity = .error) {
        guard diagnostics.count < limit else { return }
        diagnostics.append(Diagnostic(severity: severity, message: message, file: fileName, location: locate()))
    }

    func startElement(_ name: String, namespace: XMLNamespaceKind, attributes: XMLAttributes) throws {
        if stack.isEmpty {
            if name != "TEI" && name != "teiCorpus" {
                report("the root element is <\(name)>; a TEI P5 document starts with <TEI> or <teiCorpus>")
            } else if namespace != .tei {
                report("<\(name)> is not in the TEI namespace: add xmlns=\"http://www.tei-c.org/ns/1.0\"")
            }
        }
        let parent = stack.last
        if parent == "fileDesc", !fileDescFirstChild.isEmpty, fileDescFirstChild[fileDescFirstChild.count - 1] == nil {
            fileDescFirstChild[fileDescFirstChild.count - 1] = name
            if name != "titleStmt" {
                report("<fileDesc> must start with <titleStmt> (found <\(name)>)")
            }
        }
        if (parent == "TEI" || parent == "teiCorpus"), let seen = headerSeen.last, !seen {
            headerSeen[headerSeen.count - 1] = true
            if name != "teiHeader" { report("<\(parent ?? "")> must start with <teiHeader> (found <\(name)>)") }
        }
        if parent == "TEI" || parent == "TEI.2" {
            if name == "text" {
                if !textSeen.isEmpty { textSeen[textSeen.count - 1].seen = true }
            } else if ["front", "body", "back", "group"].contains(name) {
                report("<\(name)> directly inside <\(parent ?? "TEI")>: it belongs in <text>")
                if !textSeen.isEmpty { textSeen[textSeen.count - 1].seen = true }  // one problem, one message
            }
        }
        if name == "s", namespace == .tei || namespace == .none, let parent, Self.notSentenceParents.contains(parent) {
            report("<s> directly inside <\(parent)>: a sentence belongs in a paragraph-like element (p, ab, head, l, item, …)")
        }
        if let id = attributes.xmlValue("id") {
            if !CorpusID.isNCName(id) {
                report("xml:id \"\(id)\" is not an XML NCName (it must start with a letter or _ and contain no colon or space)")
            } else if !ids.insert(id).inserted {
                report("xml:id \"\(id)\" is used twice; ids must be unique in a file")
            }
        }
        if let lang = attributes.xmlValue("lang"), !lang.isEmpty, !LanguageTag.isWellFormed(lang) {
            report("xml:lang \"\(lang)\" is not a BCP 47 language tag (e.g. kk, kk-KZ; use '-' not '_')")
        }
        stack.append(name)
        if name == "fileDesc" { fileDescFirstChild.append(nil) }
        if name == "TEI" || name == "teiCorpus" { headerSeen.append(false) }
        if name == "TEI" || name == "TEI.2" { textSeen.append((locate(), false)) }
    }

    func endElement(_ name: String, namespace: XMLNamespaceKind) throws {
        if name == "fileDesc", let first = fileDescFirstChild.popLast(), first == nil {
            report("<fileDesc> has no <titleStmt>")
        }
        if name == "TEI" || name == "teiCorpus", let seen = headerSeen.popLast(), !seen {
            report("<\(name)> has no <teiHeader>")
        }
        if name == "TEI" || name == "TEI.2", let (location, seen) = textSeen.popLast(), !seen {
            if diagnostics.count < limit {
                diagnostics.append(Diagnostic(
                    severity: .error, message: "<\(name)> has no <text>: a TEI document keeps its text in <text>",
                    file: fileName, location: location))
            }
        }
        stack.removeLast()
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) throws {}

    func unexpandedEntity(_ name: String, systemID: String?) throws {
        if let systemID {
            report("external entity '&\(name);' (SYSTEM \"\(systemID)\") is not loaded, for safety")
        } else {
            report("entity '&\(name);' is not declared in the document (external DTDs are not read); its text was not checked", .warning)
        }
    }
}

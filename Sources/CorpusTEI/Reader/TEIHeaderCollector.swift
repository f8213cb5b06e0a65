import CorpusModel

/// Turns a `teiHeader` into ``Metadata``: known fields by name, every other text
/// and attribute into `extra` as `path` / `path@attribute` pairs (paths relative
/// to `teiHeader`, e.g. `fileDesc/publicationStmt/publisher`), in document order.
///
/// Fields: `titleStmt/title` (the first without a `type` or with `type="main"`) →
/// title; `titleStmt/author` → authors; `availability/licence` (its text, or its
/// `@target`) or else `availability/p` → licence; the first text under
/// `sourceDesc` → source; `profileDesc/creation/date` (text, else `@when`) → date;
/// `langUsage/language/@ident` → language; `notesStmt/note[@n]` → `extra[n]`.
final class TEIHeaderCollector {
    private(set) var metadata = Metadata()
    private var path: [String] = []

    private struct Capture {
        var depth: Int
        var key: String
        var name: String
        var attributes: [(name: String, value: String)]
        var text = TextAccumulator()
    }
    private var capture: Capture?
    /// Text outside any captured element, and the `extra` pair it fills: libxml2 may pass
    /// one text node in several pieces (it splits at its buffer's end, at the first
    /// non-ASCII character of some runs, at entities), which make one value.
    private var loose = TextAccumulator()
    private var looseIndex: Int?

    /// Elements whose whole content is one value (mixed content, names with parts).
    private static let captured: Set<String> = [
        "title", "author", "editor", "licence", "date", "language", "idno", "publisher", "distributor",
        "authority", "pubPlace", "p", "note", "item", "head", "bibl", "term", "name", "persName", "orgName",
        "placeName", "resp", "edition", "extent", "measure", "catDesc", "ab", "quote", "change", "classCode",
        "catRef", "rs", "label", "desc", "country", "settlement", "region", "addrLine", "email", "sponsor",
        "funder", "principal", "meeting", "biblScope", "citedRange", "textLang", "span", "ref",
    ]
    /// Inline elements inside a captured value that do not separate words.
    private static let inline: Set<String> = ["hi", "emph", "foreign", "abbr", "expan", "ref", "g", "c", "seg", "choice", "reg", "orig", "corr", "sic"]

    private var key: String { path.joined(separator: "/") }

    func start(_ name: String, attributes: XMLAttributes) {
        endLooseText()
        path.append(name)
        if capture != nil {
            if !Self.inline.contains(name) { capture?.text.boundary() }
            for a in attributes.all() { add("\(key)@\(a.name)", a.value) }
            return
        }
        let attrs = attributes.all()
        if Self.captured.contains(name) {
            capture = Capture(depth: path.count, key: key, name: name, attributes: attrs)
        } else {
            for a in attrs { add("\(key)@\(a.name)", a.value) }
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if capture != nil {
            capture?.text.append(text)
        } else if let i = looseIndex {
            loose.append(text)
            metadata.extra[i].value = String(decoding: loose.bytes, as: UTF8.self)
        } else if TextAccumulator.hasContent(text) {
            loose.reset()
            loose.append(text)
            add(key, String(decoding: loose.bytes, as: UTF8.self))
            looseIndex = metadata.extra.count - 1
        }
    }

    /// Ends a run of loose text: what follows is another value.
    func endLooseText() { looseIndex = nil }

    func lineBreak() {
        endLooseText()
        capture?.text.boundary()
    }

    func end(_ name: String) {
        endLooseText()
        if let c = capture {
            if c.depth == path.count {
                capture = nil
                finish(c)
            } else if !Self.inline.contains(name) {
                capture?.text.boundary()
            }
        }
        if !path.isEmpty { path.removeLast() }
    }

    /// Every free pair goes through here: a key is never empty (text or attributes
    /// directly in `teiHeader` are filed under `teiHeader`).
    private func add(_ key: String, _ value: String) {
        endLooseText()
        metadata.extra.append(MetadataPair(key.isEmpty ? "teiHeader" : key, value))
    }

    private func finish(_ c: Capture) {
        var capture = c
        let text = capture.text.take()
        var attrs = c.attributes
        func consume(_ name: String) -> String? {
            guard let i = attrs.firstIndex(where: { $0.name == name }) else { return nil }
            return attrs.remove(at: i).value
        }
        let parent = path.count >= 2 ? path[path.count - 2] : ""
        let inSourceDesc = path.contains("sourceDesc")
        var used = false
        switch c.name {
        case "title" where parent == "titleStmt" && !inSourceDesc:
            let type = attrs.first { $0.name == "type" }?.value
            if metadata.title == nil && (type == nil || type == "main") && !text.isEmpty {
                metadata.title = text
                used = true
            }
        case "author" where parent == "titleStmt" && !inSourceDesc:
            if !text.isEmpty {
                metadata.authors.append(text)
                used = true
            }
        case "licence" where path.contains("availability"):
            if metadata.licence == nil {
                if !text.isEmpty {
                    metadata.licence = text
                    used = true
                } else if let target = consume("target") {
                    metadata.licence = target
                    used = true
                }
            }
        case "p" where parent == "availability":
            if metadata.licence == nil && !text.isEmpty {
                metadata.licence = text
                used = true
            }
        case "date" where parent == "creation":
            if metadata.date == nil {
                if !text.isEmpty {
                    metadata.date = text
                    used = true
                } else if let when = consume("when") {
                    metadata.date = when
                    used = true
                }
            }
        case "language" where parent == "langUsage":
            if metadata.language == nil, let ident = attrs.first(where: { $0.name == "ident" })?.value,
                LanguageTag.isWellFormed(ident)
            {
                metadata.language = ident
                _ = consume("ident")
                used = text.isEmpty || text == ident
            }
        case "note" where parent == "notesStmt":
            if let n = attrs.first(where: { $0.name == "n" })?.value, !n.isEmpty {
                _ = consume("n")
                add(n, text)
                used = true
            }
        default:
            break
        }
        if !used && inSourceDesc && metadata.source == nil && !text.isEmpty {
            metadata.source = text
            used = true
        }
        for a in attrs { add("\(c.key)@\(a.name)", a.value) }
        if !used && !text.isEmpty { add(c.key, text) }
    }

    /// Sets the language from `TEI/@xml:lang` or `text/@xml:lang` when the header gave none;
    /// returns whether the value was used.
    func fallbackLanguage(_ tag: String) -> Bool {
        if metadata.language == nil && LanguageTag.isWellFormed(tag) {
            metadata.language = tag
            return true
        }
        return metadata.language == tag
    }

    func addExtra(_ key: String, _ value: String) { add(key, value) }

    /// Records a warning pair once.
    func addWarning(_ pair: MetadataPair) {
        endLooseText()
        if !metadata.extra.contains(pair) { metadata.extra.append(pair) }
    }
}

internal import CLibXML2

/// A RELAX NG schema cut down to the elements the documents use, so libxml2 compiles
/// in milliseconds what takes it seconds whole.
///
/// libxml2 spends almost all of a `tei_all` compile turning each element's content
/// model into an automaton and checking it is deterministic; TEI's models are
/// choices over hundreds of elements, so the work grows with the square of the
/// schema. A document uses a few dozen of them. Every element pattern whose name
/// no element of the documents has can never match there, so replacing it with
/// `<notAllowed/>` accepts and rejects exactly the same documents over those names:
/// a `choice` loses a branch no document could take, a `group` needing such an
/// element was already unsatisfiable. Names are compared by local name only, which
/// keeps more than needed (never less). Patterns with a name class (`anyName`,
/// `nsName`, `choice` of names) are always kept.
///
/// The `notAllowed`s stay where they are (inside defines). Simplifying them away
/// (RELAX NG 4.20) would let libxml2 compile more content models, and so name the
/// offending element more often, but some of those automata take libxml2 minutes
/// (a 19 KB letter with 66 TEI elements: 13 s and counting, against 0.06 s), so
/// libxml2 checks those models with its backtracking engine instead. Its messages
/// can then name an ancestor ("Element div has extra content: p") where the whole
/// schema names the element itself; `--whole-schema` or jing give those.
enum RelaxNGPruning {
    static let relaxNGNamespace = "http://relaxng.org/ns/structure/1.0"

    /// The local names of every element in `document`.
    static func elementNames(of document: XMLDocumentTree) -> Set<String> {
        var names = Set<String>()
        var stack: [xmlNodePtr] = []
        if let root = xmlDocGetRootElement(document.pointer) { stack.append(root) }
        while let node = stack.popLast() {
            if node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name {
                names.insert(String(cString: name))
            }
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE { stack.append(c) }
                child = c.pointee.next
            }
        }
        return names
    }

    /// Replaces, in the parsed schema `schema`, every `element` pattern with a plain
    /// name outside `keeping` by `notAllowed`; returns how many were replaced.
    @discardableResult
    static func prune(_ schema: xmlDocPtr, keeping: Set<String>) -> Int {
        var replaced = 0
        var stack: [xmlNodePtr] = []
        if let root = xmlDocGetRootElement(schema) { stack.append(root) }
        while let node = stack.popLast() {
            if isRelaxNG(node, "element"), let name = plainName(of: node), !keeping.contains(name),
               let notAllowed = xmlNewDocNode(schema, node.pointee.ns, "notAllowed", nil) {
                xmlReplaceNode(node, notAllowed)
                xmlFreeNode(node)
                replaced += 1
                continue
            }
            stack.append(contentsOf: elementChildren(node))
        }
        return replaced
    }

    /// The local part of an `element` pattern's name, from its `name` attribute or a
    /// `<name>` child; nil for any other name class (those are never pruned).
    private static func plainName(of element: xmlNodePtr) -> String? {
        if let value = xmlGetNoNsProp(element, "name") {
            defer { corpuskit_xmlFree(value) }
            return localPart(String(cString: value))
        }
        var child = element.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE {
                // The name class is the first element child.
                guard isRelaxNG(c, "name"), let text = xmlNodeGetContent(c) else { return nil }
                defer { corpuskit_xmlFree(text) }
                return localPart(String(cString: text))
            }
            child = c.pointee.next
        }
        return nil
    }

    private static func localPart(_ qualifiedName: String) -> String {
        let trimmed = qualifiedName.trimmingWhitespace
        guard let colon = trimmed.lastIndex(of: ":") else { return trimmed }
        return String(trimmed[trimmed.index(after: colon)...])
    }

    private static func isRelaxNG(_ node: xmlNodePtr, _ localName: StaticString) -> Bool {
        node.pointee.type == XML_ELEMENT_NODE
            && xmlStringEquals(node.pointee.name, localName)
            && node.pointee.ns.map { String(cString: $0.pointee.href) == relaxNGNamespace } == true
    }
}

/// The element children of `node`, in order.
private func elementChildren(_ node: xmlNodePtr) -> [xmlNodePtr] {
    var children: [xmlNodePtr] = []
    var child = node.pointee.children
    while let c = child {
        if c.pointee.type == XML_ELEMENT_NODE { children.append(c) }
        child = c.pointee.next
    }
    return children
}

extension String {
    /// The string without leading and trailing XML whitespace (space, TAB, CR, LF).
    fileprivate var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}

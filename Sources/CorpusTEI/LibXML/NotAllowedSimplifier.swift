internal import CLibXML2

/// Removes `notAllowed` from a RELAX NG schema tree the way the specification's
/// simplification does (section 4.20), so libxml2 never sees it inside a content
/// model:
///
/// - `group`, `interleave`, `oneOrMore`, `list`, `mixed`, `attribute` with a
///   `notAllowed` part, a `choice` of nothing but `notAllowed`, and a `ref` to a
///   define that is `notAllowed` are `notAllowed` themselves;
/// - a `choice` drops its `notAllowed` branches;
/// - `zeroOrMore` and `optional` of a `notAllowed` match only nothing: they are
///   dropped (an `empty` where nothing else would be left).
///
/// Defines are resolved to a fixed point (combined by `choice` or `interleave` as
/// they declare). Schemas with `include`, `externalRef`, `parentRef` or nested
/// grammars keep their defines as they are (only local rewrites), so a define
/// overridden elsewhere is never judged from one part alone.
struct NotAllowedSimplifier {
    private let schema: xmlDocPtr
    private var emptyDefines: Set<String> = []

    init(_ schema: xmlDocPtr) { self.schema = schema }

    mutating func run() {
        guard let root = xmlDocGetRootElement(schema) else { return }
        var defines: [String: [xmlNodePtr]] = [:]
        if Self.definesAreLocal(root) {
            for define in Self.descendants(of: root, named: "define") {
                guard let name = Self.attribute(define, "name") else { continue }
                defines[name, default: []].append(define)
            }
            resolveDefines(defines)
        }
        rewriteChildren(of: root)
        for name in emptyDefines {
            for define in defines[name] ?? [] {
                for child in elementChildren(define) {
                    xmlUnlinkNode(child)
                    xmlFreeNode(child)
                }
                xmlAddChild(define, newPattern("notAllowed", like: define))
            }
        }
    }

    // MARK: Deciding

    /// Marks defines `notAllowed` until nothing changes (only ever adding marks).
    private mutating func resolveDefines(_ defines: [String: [xmlNodePtr]]) {
        var changed = true
        while changed {
            changed = false
            for (name, parts) in defines where !emptyDefines.contains(name) {
                let combinedByChoice = parts.contains { Self.attribute($0, "combine") == "choice" }
                let partIsEmpty = parts.map { part in Self.patternChildren(part).contains { isNotAllowed($0) } }
                if combinedByChoice ? partIsEmpty.allSatisfy({ $0 }) : partIsEmpty.contains(true) {
                    emptyDefines.insert(name)
                    changed = true
                }
            }
        }
    }

    /// Whether the pattern `node` matches nothing at all (given the defines known so far).
    private func isNotAllowed(_ node: xmlNodePtr) -> Bool {
        guard let kind = Self.relaxNGName(node) else { return false }
        switch kind {
        case "notAllowed":
            return true
        case "ref":
            return Self.attribute(node, "name").map(emptyDefines.contains) ?? false
        case "choice":
            let branches = Self.patternChildren(node)
            return !branches.isEmpty && branches.allSatisfy { isNotAllowed($0) }
        case "group", "interleave", "oneOrMore", "list", "mixed":
            return Self.patternChildren(node).contains { isNotAllowed($0) }
        case "attribute":
            var parts = Self.patternChildren(node)
            if Self.attribute(node, "name") == nil, !parts.isEmpty { parts.removeFirst() }  // the name class
            return parts.contains { isNotAllowed($0) }
        default:
            return false  // element, text, empty, data, value, externalRef, parentRef, grammar
        }
    }

    // MARK: Rewriting

    private func rewriteChildren(of parent: xmlNodePtr) {
        for child in elementChildren(parent) {
            guard let kind = Self.relaxNGName(child) else { continue }
            switch kind {
            case "grammar", "define", "start", "div", "include":
                rewriteChildren(of: child)
                continue
            case "name", "anyName", "nsName", "except", "param", "value", "data", "notAllowed":
                continue
            default:
                break
            }
            if isNotAllowed(child) {
                replace(child, with: newPattern("notAllowed", like: child))
            } else if kind == "zeroOrMore" || kind == "optional", Self.patternChildren(child).contains(where: { isNotAllowed($0) }) {
                if Self.relaxNGName(parent) == "choice" {
                    replace(child, with: newPattern("empty", like: child))
                } else {
                    xmlUnlinkNode(child)
                    xmlFreeNode(child)
                    if Self.patternChildren(parent).allSatisfy({ ["name", "anyName", "nsName"].contains(Self.relaxNGName($0)) }) {
                        xmlAddChild(parent, newPattern("empty", like: parent))
                    }
                }
            } else {
                rewriteChildren(of: child)
                if kind == "choice" { dropNotAllowedBranches(of: child) }
            }
        }
    }

    private func dropNotAllowedBranches(of choice: xmlNodePtr) {
        let branches = Self.patternChildren(choice)
        let dead = branches.filter { Self.relaxNGName($0) == "notAllowed" }
        guard dead.count < branches.count else { return }
        for node in dead {
            xmlUnlinkNode(node)
            xmlFreeNode(node)
        }
    }

    private func replace(_ node: xmlNodePtr, with replacement: xmlNodePtr) {
        xmlReplaceNode(node, replacement)
        xmlFreeNode(node)
    }

    private func newPattern(_ name: String, like node: xmlNodePtr) -> xmlNodePtr {
        xmlNewDocNode(schema, node.pointee.ns, name, nil)
    }

    // MARK: Tree helpers

    /// The RELAX NG element name of `node`, nil for annotations from other namespaces.
    private static func relaxNGName(_ node: xmlNodePtr) -> String? {
        guard let ns = node.pointee.ns, String(cString: ns.pointee.href) == RelaxNGPruning.relaxNGNamespace,
              let name = node.pointee.name else { return nil }
        return String(cString: name)
    }

    /// The RELAX NG children of `node` (annotations skipped).
    private static func patternChildren(_ node: xmlNodePtr) -> [xmlNodePtr] {
        elementChildren(node).filter { relaxNGName($0) != nil }
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetNoNsProp(node, name) else { return nil }
        defer { corpuskit_xmlFree(value) }
        return String(cString: value).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).first.map(String.init)
    }

    private static func descendants(of root: xmlNodePtr, named name: StaticString) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var stack = [root]
        while let node = stack.popLast() {
            if RelaxNGPruning.isRelaxNG(node, name) { found.append(node) }
            stack.append(contentsOf: elementChildren(node))
        }
        return found
    }

    /// Whether every define and ref belongs to the one root grammar.
    private static func definesAreLocal(_ root: xmlNodePtr) -> Bool {
        guard RelaxNGPruning.isRelaxNG(root, "grammar") else { return false }
        var stack = elementChildren(root)
        while let node = stack.popLast() {
            for kind: StaticString in ["include", "externalRef", "parentRef", "grammar"] where RelaxNGPruning.isRelaxNG(node, kind) {
                return false
            }
            stack.append(contentsOf: elementChildren(node))
        }
        return true
    }
}

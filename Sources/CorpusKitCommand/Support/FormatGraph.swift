import CorpusKit
import CorpusPlugins

/// The registry as a graph for `corpuskit formats --graph`: readers lead
/// into the event stream at the capabilities they provide, transforms move
/// between capability states, writers leave from the state they need.
struct FormatGraph {
    struct Edge: Equatable {
        var from: String
        var to: String
        var label: String
    }

    var edges: [Edge] = []

    init(_ registry: FormatRegistry) {
        for name in registry.formatNames {
            if let reader = registry.reader(named: name) {
                edges.append(Edge(from: "format:" + name, to: Self.state(reader.provides), label: "read"))
            }
        }
        for t in registry.transforms {
            edges.append(Edge(from: Self.state(t.requires), to: Self.state(t.requires.union(t.provides)), label: t.name))
        }
        for name in registry.formatNames {
            if let writer = registry.writer(named: name) {
                edges.append(Edge(from: Self.state(writer.requires), to: "format:" + name, label: "write"))
            }
        }
    }

    /// A stream state: `events[blocks]`, `events[sentences]`, `events[sentences+tokens]`.
    static func state(_ caps: Capabilities) -> String { "events[\(caps.description)]" }

    private static func display(_ node: String) -> String {
        node.hasPrefix("format:") ? String(node.dropFirst("format:".count)) : node
    }

    /// One edge per line: `text --read--> events[blocks]`.
    var text: String {
        var lines = ["# readers lead into the event stream; transforms add what writers need; any state with more also serves less"]
        for e in edges { lines.append("\(Self.display(e.from)) --\(e.label)--> \(Self.display(e.to))") }
        return lines.joined(separator: "\n")
    }

    /// Graphviz DOT: formats are boxes, stream states ellipses, edges labelled.
    var dot: String {
        var lines = ["digraph corpuskit {", "  rankdir=LR;", "  node [fontname=\"Helvetica\"];"]
        var declared: Set<String> = []
        for e in edges {
            for node in [e.from, e.to] where !declared.contains(node) {
                declared.insert(node)
                let shape = node.hasPrefix("format:") ? "box" : "ellipse"
                lines.append("  \(Self.quote(node)) [label=\(Self.quote(Self.display(node))), shape=\(shape)];")
            }
        }
        for e in edges {
            lines.append("  \(Self.quote(e.from)) -> \(Self.quote(e.to)) [label=\(Self.quote(e.label))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    private static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

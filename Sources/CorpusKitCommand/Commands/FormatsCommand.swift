import ArgumentParser
import CorpusKit

/// `corpuskit formats`: the registry's graph, what each format reads and writes.
struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats",
        abstract: "List the formats and transforms, and what each reads, writes, provides and needs."
    )

    func run() throws {
        let registry = Corpus.standardRegistry
        var rows: [[String]] = [["FORMAT", "READ", "WRITE", "EXTENSIONS", "READER GIVES", "WRITER NEEDS", "DESCRIPTION"]]
        for name in registry.formatNames {
            let reader = registry.reader(named: name)
            let writer = registry.writer(named: name)
            let description = registry.description(of: name)
            rows.append([
                name, reader == nil ? "-" : "yes", writer == nil ? "-" : "yes",
                description?.extensions.map { "." + $0 }.joined(separator: " ") ?? "",
                reader?.provides.description ?? "-", writer?.requires.description ?? "-",
                description?.summary ?? "",
            ])
        }
        print(table(rows))
        if !registry.transforms.isEmpty {
            print("\nTransforms (inserted when a writer needs what they provide):")
            var t: [[String]] = [["NAME", "NEEDS", "PROVIDES", "DESCRIPTION"]]
            for transform in registry.transforms {
                t.append([transform.name, transform.requires.description, transform.provides.description, transform.summary])
            }
            print(table(t))
        }
        if !registry.validators.isEmpty {
            print("\nValidators: " + registry.validators.map(\.formatName).joined(separator: ", "))
        }
        print("\nAny readable format converts to any writable one; 'convert --explain' shows the chain.")
    }

    private func table(_ rows: [[String]]) -> String {
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[c] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

import CorpusModel
import Foundation
import Testing

@testable import CorpusTEI

/// Collects the warnings a read sends, so tests can check what the user is told.
final class WarningLog: @unchecked Sendable {
    private let lock = ConditionLock()
    private var items: [Diagnostic] = []

    var all: [Diagnostic] { lock.withLock { items } }

    var handler: WarningHandler {
        WarningHandler { [self] d in lock.withLock { items.append(d) } }
    }

    func options(_ values: [String: String] = [:]) -> FormatOptions { FormatOptions(values, onWarning: handler) }
}

/// Corpus roots (ParlaMint) read their `xi:include`d members by default, within
/// limits a hostile file cannot get around.
@Suite struct XIncludeTests {
    static let corpus = Fixtures.directory.appendingPathComponent("xinclude-corpus/corpus.xml").path

    @Test func corpusRootReadsItsMembersByDefault() throws {
        let log = WarningLog()
        let docs = try TEIReader().readDocuments(.file(Self.corpus), options: log.options())
        #expect(docs.map(\.id) == ["MiniParl_1", "MiniParl_2"])
        #expect(docs.map { $0.blocks.map(\.plainText) } == [
            ["Құрметті депутаттар, отырысты ашамын."], ["Күн тәртібіндегі бірінші мәселе."],
        ])
        #expect(docs.map(\.metadata.title) == ["Sitting 1", "Sitting 2"])
        #expect(log.all.isEmpty)
    }

    @Test func noXIncludeSkipsMembersAndSaysHowMany() throws {
        let log = WarningLog()
        let docs = try TEIReader().readDocuments(.file(Self.corpus), options: log.options(["xinclude": "false"]))
        #expect(docs.count == 1)  // the corpus header alone
        #expect(docs[0].metadata.title == "Mini parliamentary corpus")
        #expect(docs[0].metadata.extra.filter { $0.key == "xi:include" }.map(\.value) == ["sitting-1.xml", "sittings/sitting-2.xml"])
        #expect(log.all.map(\.message) == ["2 xi:include references skipped (xinclude=false): their documents are not read"])
        #expect(log.all.first?.file == Self.corpus)
        #expect(log.all.first?.severity == .warning)
    }

    /// The declared options say what the reader does: includes on by default, and no
    /// option (such as the old internal `xinclude-depth`) that could lift the depth cap.
    @Test func declaredOptionsMatchTheReader() throws {
        let specs = TEIReader().optionSpecs
        #expect(specs.first { $0.key == "xinclude" }?.defaultValue == "true")
        #expect(!specs.contains { $0.key.hasPrefix("xinclude-") })
        #expect(throws: CorpusError.self) { try FormatOptions(["xinclude-depth": "-100"]).check(against: specs) }
    }

    @Test func badXIncludeOptionIsAUsageError() throws {
        let error = #expect(throws: CorpusError.self) {
            try TEIReader().readDocuments(.file(Self.corpus), options: FormatOptions(["xinclude": "maybe"]))
        }
        #expect(error?.kind == .usage)
    }

    /// The real ParlaMint-TR root: its two members that are present are read; the
    /// two that are absent from the sample set are an error naming the first of them.
    @Test func realParlaMintRootReadsItsMembers() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["ParlaMint-TR.xml", "ParlaMint-TR_T27-tbmm-2018-07-07.xml", "ParlaMint-TR_T27-tbmm-2020-05-27.xml"] {
            try FileManager.default.copyItem(atPath: Fixtures.sample(name), toPath: dir.appendingPathComponent(name).path)
        }
        let root = dir.appendingPathComponent("ParlaMint-TR.xml").path
        let error = #expect(throws: CorpusError.self) { try TEIReader().readDocuments(.file(root)) }
        #expect(error?.message.contains("ParlaMint-TR_T27-tbmm-2018-07-23.xml") == true)
        #expect(error?.file == root)
        #expect(error?.location?.line == 2404)

        // Without the two missing members the corpus reads whole.
        var text = try String(contentsOfFile: root, encoding: .utf8)
        for missing in ["2018-07-23", "2020-06-17"] {
            text = text.replacingOccurrences(of: "  <xi:include href=\"ParlaMint-TR_T27-tbmm-\(missing).xml\"/>\n", with: "")
        }
        writeFile(root, text)
        let docs = try TEIReader().readDocuments(.file(root))
        #expect(docs.map(\.id) == ["ParlaMint-TR_T27-tbmm-2018-07-07", "ParlaMint-TR_T27-tbmm-2020-05-27"])
        let single = try TEIReader().readDocuments(.file(Fixtures.sample("ParlaMint-TR_T27-tbmm-2018-07-07.xml")))
        #expect(docs[0].blocks == single[0].blocks)
        #expect(docs[1].blocks.count > 0)
    }

    @Test func stdinCannotIncludeAndSaysWhy() throws {
        let xml = "<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><teiHeader/>\n<xi:include href=\"a.xml\"/></teiCorpus>"
        let error = #expect(throws: CorpusError.self) { try TEIReader().readDocuments(.string(xml, name: "<stdin>")) }
        #expect(error?.message.contains("no folder") == true)
        #expect(error?.location?.line == 2)
        let log = WarningLog()
        let docs = try TEIReader().readDocuments(.string(xml, name: "<stdin>"), options: log.options(["xinclude": "no"]))
        #expect(docs.count == 1)
        #expect(log.all.count == 1)
    }

    @Test func includeInsideADocumentIsSkippedWithAWarning() throws {
        let xml = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><teiHeader/><text><body><p>a</p>\n<xi:include href=\"b.xml\"/></body></text></TEI>"
        let log = WarningLog()
        let docs = try TEIReader().readDocuments(.string(xml, name: "in.xml"), options: log.options())
        #expect(docs.flatMap(\.blocks).map(\.plainText) == ["a"])
        #expect(log.all.count == 2)  // the include, then the count of skipped ones
        #expect(log.all.first?.location?.line == 2)
        #expect(log.all.first?.message.contains("b.xml") == true)
    }
}

/// A folder of hostile roots: every escape is refused with a located error, and
/// nothing outside the root's folder is read.
@Suite struct HostileXIncludeTests {
    /// `tree/inner/` holds the roots; `tree/secret.xml` is outside their folder.
    final class Tree {
        let top: URL
        let inner: URL

        init() throws {
            top = try Fixtures.temporaryDirectory()
            inner = top.appendingPathComponent("inner")
            try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
            writeFile(top.appendingPathComponent("secret.xml").path, Self.member("secret", "SECRET TEXT"))
            writeFile(inner.appendingPathComponent("member.xml").path, Self.member("member", "member text"))
        }

        deinit { try? FileManager.default.removeItem(at: top) }

        static func member(_ id: String, _ text: String) -> String {
            "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"\(id)\"><teiHeader/><text><body><p>\(text)</p></body></text></TEI>"
        }

        static func root(_ hrefs: [String]) -> String {
            "<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><teiHeader/>\n"
                + hrefs.map { "<xi:include href=\"\($0)\"/>" }.joined(separator: "\n") + "\n</teiCorpus>"
        }

        /// Writes a root including `hrefs` under `inner/` and returns its path.
        func writeRoot(_ name: String, _ hrefs: [String]) -> String {
            let path = inner.appendingPathComponent(name).path
            writeFile(path, Self.root(hrefs))
            return path
        }
    }

    func readAll(_ path: String) throws -> String {
        try TEIReader().readDocuments(.file(path)).flatMap(\.blocks).map(\.plainText).joined(separator: "\n")
    }

    @Test(arguments: [
        ("../secret.xml", CorpusError.Kind.unsafe, "outside the folder"),
        ("../../../../../../../../etc/passwd", .unsafe, "outside the folder"),
        ("/etc/passwd", .unsafe, "absolute paths"),
        ("%2Fetc/passwd", .unsafe, "absolute paths"),
        ("http://example.com/a.xml", .unsafe, "never URLs"),
        ("ftp://example.com/a.xml", .unsafe, "never URLs"),
        ("file:///etc/passwd", .unsafe, "never URLs"),
        ("file:member.xml", .unsafe, "never URLs"),
        ("", .structure, "the document itself"),
        ("member.xml#frag", .structure, "fragment"),
        ("member%00.xml", .structure, "not a valid URI reference"),
        ("member.xml", .structure, "already included once"),
    ])
    func escapesAreRefused(href: String, kind: CorpusError.Kind, says: String) throws {
        let tree = try Tree()
        let root = tree.writeRoot("root.xml", ["member.xml", href])
        let error = #expect(throws: CorpusError.self) { try readAll(root) }
        #expect(error?.kind == kind)
        #expect(error?.message.contains(says) == true, "\(error?.message ?? "")")
        #expect(error?.file == root)
        #expect(error?.location?.line == 3)
    }

    /// Ten includes of a file that includes the next ten times, eight levels deep, would
    /// read 10⁸ files: the second include of any file is refused, so a bomb stops at once.
    @Test func includeBombStopsAtTheFirstRepeat() throws {
        let tree = try Tree()
        for level in 0..<8 {
            writeFile(tree.inner.appendingPathComponent("b\(level).xml").path,
                      Tree.root(Array(repeating: "b\(level + 1).xml", count: 10)))
        }
        writeFile(tree.inner.appendingPathComponent("b8.xml").path, Tree.member("leaf", "leaf"))
        var documents = 0
        let sink = ClosureSink { if case .startDocument = $0 { documents += 1 } }
        let error = #expect(throws: CorpusError.self) {
            try TEIReader().read(.file(tree.inner.appendingPathComponent("b0.xml").path), options: FormatOptions(), into: sink)
        }
        #expect(error?.message.contains("b8.xml is already included once") == true, "\(error?.message ?? "")")
        #expect(documents == 1)
    }

    @Test func symbolicLinkOutOfTheTreeIsRefused() throws {
        let tree = try Tree()
        try FileManager.default.createSymbolicLink(
            atPath: tree.inner.appendingPathComponent("link.xml").path, withDestinationPath: "../secret.xml")
        try FileManager.default.createSymbolicLink(
            atPath: tree.inner.appendingPathComponent("up").path, withDestinationPath: "..")
        for href in ["link.xml", "up/secret.xml"] {
            let root = tree.writeRoot("root.xml", [href])
            let error = #expect(throws: CorpusError.self) { try readAll(root) }
            #expect(error?.kind == .unsafe)
            #expect(error?.message.contains("outside the folder") == true)
        }
    }

    @Test func symbolicLinkInsideTheTreeIsFollowed() throws {
        let tree = try Tree()
        try FileManager.default.createSymbolicLink(
            atPath: tree.inner.appendingPathComponent("alias.xml").path, withDestinationPath: "member.xml")
        let root = tree.writeRoot("root.xml", ["alias.xml"])
        #expect(try readAll(root) == "member text")
    }

    @Test func selfIncludeIsACycle() throws {
        let tree = try Tree()
        let root = tree.writeRoot("root.xml", ["root.xml"])
        let error = #expect(throws: CorpusError.self) { try readAll(root) }
        #expect(error?.kind == .structure)
        #expect(error?.message.contains("cycle") == true)
    }

    @Test func twoFileCycleIsNamed() throws {
        let tree = try Tree()
        _ = tree.writeRoot("a.xml", ["b.xml"])
        _ = tree.writeRoot("b.xml", ["a.xml"])
        let error = #expect(throws: CorpusError.self) { try readAll(tree.inner.appendingPathComponent("a.xml").path) }
        #expect(error?.kind == .structure)
        #expect(error?.message.contains("a.xml → b.xml → a.xml") == true, "\(error?.message ?? "")")
    }

    /// A chain `c0 → c1 → …`: at most 8 levels are followed, whatever the options say.
    @Test func deepChainStopsAtTheFixedDepth() throws {
        let tree = try Tree()
        let length = 12
        for i in 0..<length {
            let path = tree.inner.appendingPathComponent("c\(i).xml").path
            if i == length - 1 {
                writeFile(path, Tree.member("end", "end of chain"))
            } else {
                writeFile(path, Tree.root(["c\(i + 1).xml"]))
            }
        }
        let root = tree.inner.appendingPathComponent("c0.xml").path
        for options in [FormatOptions(), FormatOptions(["xinclude-depth": "-100"])] {
            let error = #expect(throws: CorpusError.self) { try TEIReader().readDocuments(.file(root), options: options) }
            #expect(error?.message.contains("more than \(XIncludeScope.maxDepth) levels") == true, "\(error?.message ?? "")")
        }
        // A chain within the limit is read.
        let short = tree.inner.appendingPathComponent("c\(length - 1 - XIncludeScope.maxDepth).xml").path
        #expect(try readAll(short) == "end of chain")
    }

    @Test func directoryOrDeviceIsNotIncluded() throws {
        let tree = try Tree()
        try FileManager.default.createDirectory(at: tree.inner.appendingPathComponent("dir.xml"), withIntermediateDirectories: true)
        let root = tree.writeRoot("root.xml", ["dir.xml"])
        let error = #expect(throws: CorpusError.self) { try readAll(root) }
        #expect(error?.message.contains("not a regular file") == true)
    }

    @Test func missingTargetUsesFallbackOrNamesIt() throws {
        let tree = try Tree()
        let root = tree.writeRoot("root.xml", ["nope.xml"])
        let error = #expect(throws: CorpusError.self) { try readAll(root) }
        #expect(error?.message.contains("nope.xml") == true)
        #expect(error?.location?.line == 2)
    }

    @Test func hrefRules() {
        #expect(XIncludeScope.hasScheme("http://x"))
        #expect(XIncludeScope.hasScheme("C:/x"))
        #expect(!XIncludeScope.hasScheme("a/b:c"))
        #expect(!XIncludeScope.hasScheme("1a:b"))
        #expect(XIncludeScope.percentDecoded("a%20b.xml") == "a b.xml")
        #expect(XIncludeScope.percentDecoded("a%2") == nil)
    }
}

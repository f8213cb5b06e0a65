import CorpusModel
import Testing

@testable import CorpusTEI

/// The reader's set of used ids: exact for numbered ids kept as runs, and for the rest.
@Suite struct IDSetTests {
    @Test func numberedIdsAreKeptExactly() {
        var set = IDSet()
        for n in 1...1000 { set.insert("p\(n)") }
        set.insert("doc.p7")
        #expect(set.contains("p1") && set.contains("p500") && set.contains("p1000"))
        #expect(!set.contains("p0") && !set.contains("p1001") && !set.contains("p01") && !set.contains("q1"))
        #expect(set.contains("doc.p7") && !set.contains("doc.p6") && !set.contains("doc.p8"))
    }

    @Test func idsOutOfOrderAndWithoutNumbers() {
        var set = IDSet()
        for id in ["p5", "p7", "p4", "p6", "p01", "intro", "p3", "x", "9"] { set.insert(id) }
        for id in ["p3", "p4", "p5", "p6", "p7", "p01", "intro", "x", "9"] { #expect(set.contains(id), "\(id)") }
        for id in ["p1", "p2", "p8", "p001", "p1x", "intro1", "y", "09", "10"] { #expect(!set.contains(id), "\(id)") }
        set.removeAll(keepingCapacity: true)
        #expect(!set.contains("p5") && !set.contains("intro"))
    }

    @Test func manyPrefixesStillExact() {
        var set = IDSet()
        for n in 0..<300 { set.insert("a\(n)x\(n)") }
        for n in 0..<300 {
            #expect(set.contains("a\(n)x\(n)"))
            #expect(!set.contains("a\(n)x\(n + 1)"))
        }
    }

    @Test func numberedSplitsOnlyCanonicalNumbers() {
        #expect(IDSet.numbered("p12")! == ("p", 12))
        #expect(IDSet.numbered("doc.p0")! == ("doc.p", 0))
        #expect(IDSet.numbered("p012") == nil)
        #expect(IDSet.numbered("p") == nil)
        #expect(IDSet.numbered("p1234567890123456789") == nil)
    }

    /// Source ids that repeat or meet generated ones: each block still gets its own id.
    @Test func blockIdsStayUniqueWhenSourceIdsCollide() throws {
        let body = ["p xml:id=\"p2\">a", "p xml:id=\"p1\">b", "p xml:id=\"p2\">c", "p>d", "p xml:id=\"ids.p5\">e",
                    "p>f", "p xml:id=\"p3\">g", "p>h", "p xml:id=\"ids.p4\">i"].map { "<\($0)</p>" }.joined()
        let xml = "<TEI><teiHeader/><text><body>\(body)</body></text></TEI>"
        let blocks = try TEIReader().readDocuments(.string(xml, name: "ids.xml"))[0].blocks
        #expect(blocks.map(\.id) == ["p2", "p1", "ids.p3", "ids.p4", "ids.p5", "ids.p6", "p3", "ids.p8", "ids.p9"])
    }
}

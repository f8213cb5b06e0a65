import Testing

@testable import CorpusCoNLLU

/// `SpaceAfter=No` moves between MISC and `spaceAfter` without changing a byte.
@Suite("MISC and SpaceAfter=No")
struct MiscColumnTests {
    @Test("items in writer order are stripped and put back", arguments: [
        ("SpaceAfter=No", nil as String?), ("NER=O|SpaceAfter=No", "NER=O"), ("SpaceAfter=No|Translit=x", "Translit=x"),
        ("NER=B-PER|SpaceAfter=No|Translit=x", "NER=B-PER|Translit=x"),
    ])
    func stripped(column: String, misc: String?) {
        let read = MiscColumn.read(column, isLastUnit: false)
        #expect(read.misc == misc && read.spaceAfter == false)
        #expect(MiscColumn.write(read.misc, spaceAfter: false, isLastUnit: false) == column)
    }

    @Test("items out of writer order are kept as written", arguments: ["SpaceAfter=No|NER=O", "Z=1|SpaceAfter=No|A=2"])
    func keptVerbatim(column: String) {
        let read = MiscColumn.read(column, isLastUnit: false)
        #expect(read.misc == column && read.spaceAfter == false)
        #expect(MiscColumn.write(read.misc, spaceAfter: false, isLastUnit: false) == column)
    }

    @Test("the last unit of a sentence keeps its MISC; the writer adds nothing there")
    func lastUnit() {
        #expect(MiscColumn.read("SpaceAfter=No", isLastUnit: true) == ("SpaceAfter=No", false))
        #expect(MiscColumn.read("_", isLastUnit: true) == (nil, true))
        #expect(MiscColumn.write(nil, spaceAfter: false, isLastUnit: true) == "_")
    }

    @Test("a token with a space after drops a stale SpaceAfter=No; without misc the column is _")
    func writerCases() {
        #expect(MiscColumn.write("NER=O|SpaceAfter=No", spaceAfter: true, isLastUnit: false) == "NER=O")
        #expect(MiscColumn.write(nil, spaceAfter: true, isLastUnit: false) == "_")
        #expect(MiscColumn.write("", spaceAfter: true, isLastUnit: false) == "_")
    }
}

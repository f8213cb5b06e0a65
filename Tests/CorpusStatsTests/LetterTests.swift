import CorpusStats
import Testing

@Suite struct LetterTests {
    @Test func mixedRunsNeedBothScriptsInOneRun() {
        #expect(LatinLookalikes.mixedRuns(in: "Қaзақстан").map(\.latin) == ["a"])
        #expect(LatinLookalikes.mixedRuns(in: "iPhone-ның Regional ТМД-ның").isEmpty)
    }
}

import CorpusModel
import CorpusText
import Foundation
import Testing

/// Both samples, read with layout `auto`, segmented and written one sentence per
/// line, must equal the gold files. The outputs also go to `$TMPDIR/corpuskit-seg/`
/// for scoring with `score.py` and `paras.py`.
@Suite struct GoldSampleTests {
    @Test(arguments: SampleFiles.names)
    func sampleMatchesGold(_ name: String) throws {
        let output = try SampleFiles.segmentedText(name)
        let outDir = (ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp") + "/corpuskit-seg"
        try? FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        try? output.write(toFile: "\(outDir)/\(name).txt", atomically: true, encoding: .utf8)
        let gold = try String(contentsOfFile: SampleFiles.gold(name), encoding: .utf8)
        let got = output.split(separator: "\n", omittingEmptySubsequences: false)
        let want = gold.split(separator: "\n", omittingEmptySubsequences: false)
        if let k = zip(got, want).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("\(name): line \(k + 1) differs\n  got:  \(got[k])\n  gold: \(want[k])")
        }
        #expect(got.count == want.count)
        #expect(output == gold)
    }
}

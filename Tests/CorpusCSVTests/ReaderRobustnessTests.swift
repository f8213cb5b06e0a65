import CorpusModel
import CorpusTestSupport
import Testing

@testable import CorpusCSV

/// Damaged tables never crash the reader: each either reads or throws one
/// `CorpusError` with a place in the file.
@Suite("Damaged tables")
struct ReaderRobustnessTests {
    static let damage: [[UInt8]] = [
        [UInt8(ascii: "\"")], [UInt8(ascii: ",")], [0x0A], [0x0D], [0x09], [UInt8(ascii: "\\")], [0xFF], [0xD0], [0x00],
        Array("\"\"".utf8), Array("ә".utf8),
    ]

    @Test("random damage gives a table or a located error, never a crash", arguments: [TableDialect.csv, .tsv])
    func randomDamage(dialect: TableDialect) throws {
        var generator = DocumentGenerator(seed: 7)
        let writer: any CorpusWriter = dialect == .csv ? CSVWriter() : TSVWriter()
        let reader: any CorpusReader = dialect == .csv ? CSVReader() : TSVReader()
        let clean = try writer.write(generator.corpus(documents: 3))
        var rng = SplitMix64(seed: 11)
        var errors = 0
        for _ in 0..<400 {
            var bytes = clean
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                if Bool.random(using: &rng) {
                    bytes.insert(contentsOf: Self.damage.randomElement(using: &rng)!, at: at)
                } else {
                    bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...4, using: &rng)))
                }
            }
            if Bool.random(using: &rng) { bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng))) }
            do {
                _ = try reader.readDocuments(.bytes(bytes, name: "damaged"))
            } catch let error as CorpusError {
                errors += 1
                #expect(error.file == "damaged")
                if error.kind != .empty {
                    #expect(error.location?.line != nil, "\(error)")
                    #expect(error.message.contains("row"), "\(error)")
                }
            }
        }
        #expect(errors > 50)
    }
}

@Suite("UTF-8 check")
struct UTF8CheckTests {
    @Test("UTF8Validation agrees with the standard library on random and tricky bytes")
    func agreesWithStdlib() {
        var rng = SplitMix64(seed: 5)
        let tricky: [[UInt8]] = [
            [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5],
            [0xF0, 0x9F, 0x98, 0x80], Array("Қазақ".utf8), [0xD0], [0x80], Array("abcdefghijklmnop".utf8),
        ]
        for _ in 0..<5000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                if Bool.random(using: &rng) {
                    bytes += tricky.randomElement(using: &rng)!
                } else {
                    bytes.append(UInt8.random(in: 0...255, using: &rng))
                }
            }
            let ours = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidByte(in: $0) }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect((ours == nil) == valid, "\(bytes)")
            if let bad = ours {
                // Everything before the reported place is valid.
                #expect(String(validating: bytes[..<bad], as: UTF8.self) != nil, "\(bytes)")
            }
        }
    }
}

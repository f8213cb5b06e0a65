import Foundation
import Testing

/// `--jobs` changes how many threads one conversion uses, never its bytes:
/// segmentation and tokenization run in batches on other threads and their
/// blocks are written in order, with the same global ids.
@Suite("--jobs gives identical output")
struct JobsTests {
    let dir = CLI.scratch()

    /// Both samples, 24 times (about 1.1 MiB, over 1,000 paragraphs): several batches.
    func bigInput() throws -> String {
        var text = ""
        for name in ["000_41c5c0974157b10e", "004_d576930189d3d379"] {
            text += try String(contentsOfFile: CLI.root.appendingPathComponent("samples/\(name).txt").path, encoding: .utf8)
            text += "\n\n"
        }
        let path = dir + "/big.txt"
        try String(repeating: text, count: 24).write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    @Test(arguments: [["--to", "tei"], ["--to", "tei", "--tokens"], ["--to", "csv"]])
    func sameBytesForAnyJobs(format: [String]) throws {
        let input = try bigInput()
        var outputs: [Data] = []
        for jobs in ["1", "2", "3"] {
            let out = dir + "/out-\(jobs)"
            let r = try CLI.run(["convert", input] + format + ["--jobs", jobs, "-o", out])
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: out)))
        }
        #expect(outputs[0].count > 1_000_000)
        #expect(outputs[1] == outputs[0])
        #expect(outputs[2] == outputs[0])
        // Ids are global: the last paragraph of the 24th copy carries its own number.
        let text = String(decoding: outputs[0], as: UTF8.self)
        #expect(text.contains(".p1000.s1"))
    }
}

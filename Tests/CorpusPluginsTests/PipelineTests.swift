import CorpusKit
import Foundation
import Testing

/// The options for running past one machine: shards, file lists, streaming
/// with error records, machine-readable progress, quiet runs.
struct PipelineTests {
    @Test func fnv1aMatchesTheReferenceValues() {
        // Test vectors of the FNV reference (draft-eastlake-fnv): "", "a", "foobar".
        #expect(ShardSpec.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(ShardSpec.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(ShardSpec.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test func shardSpecsParseAndRefuseNonsense() throws {
        #expect(try ShardSpec(parsing: "2/8") == ShardSpec(index: 2, count: 8))
        for bad in ["0/3", "4/3", "1/0", "a/b", "3", "1/2/3", "-1/2"] {
            #expect(throws: CorpusError.self, "\(bad)") { try ShardSpec(parsing: bad) }
        }
    }

    @Test func fileListsSkipBlanksAndComments() throws {
        let list = "a.txt\r\n\n# a comment\n  \ndir/b c.txt\nlast.txt"
        #expect(try InputList.paths(in: Array(list.utf8)) == ["a.txt", "dir/b c.txt", "last.txt"])
        #expect(throws: CorpusError.self) { try InputList.paths(in: [0x61, 0x0A, 0xFF, 0x0A]) }
    }

    /// The whole run: 2,000 files, three shards, every file converted exactly once.
    @Test func shardsPartitionABatchOf2000FilesExactly() throws {
        let dir = PluginCLI.scratch()
        let inputDir = dir + "/in"
        try FileManager.default.createDirectory(atPath: inputDir + "/sub", withIntermediateDirectories: true)
        var expected: Set<String> = []
        for i in 0..<2000 {
            let relative = (i % 2 == 0 ? "sub/" : "") + "f\(i).txt"
            try "Сөйлем \(i).".write(toFile: inputDir + "/" + relative, atomically: false, encoding: .utf8)
            expected.insert(relative.replacingOccurrences(of: ".txt", with: ".jsonl"))
        }
        var seen: [String: Int] = [:]
        var sizes: [Int] = []
        for k in 1...3 {
            let out = dir + "/out\(k)/"
            let r = try PluginCLI.run(["convert", inputDir, "--to", "jsonl", "-o", out, "--shard", "\(k)/3", "--jobs", "2", "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.isEmpty, "--quiet printed: \(r.stderr.prefix(200))")
            let files = (FileManager.default.enumerator(atPath: out)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".jsonl") }
            sizes.append(files.count)
            for f in files { seen[f, default: 0] += 1 }
        }
        #expect(Set(seen.keys) == expected)
        #expect(seen.values.allSatisfy { $0 == 1 })
        #expect(sizes.reduce(0, +) == 2000)
        #expect(sizes.allSatisfy { $0 > 550 && $0 < 780 }, "uneven shards: \(sizes)")
    }

    @Test func filesFromListsInputsAndShardsThem() throws {
        let dir = PluginCLI.scratch()
        var paths: [String] = []
        for i in 0..<30 {
            let p = dir + "/d\(i).txt"
            try "Құжат \(i).".write(toFile: p, atomically: false, encoding: .utf8)
            paths.append(p)
        }
        try ("# inputs\n" + paths.joined(separator: "\n") + "\n").write(toFile: dir + "/list", atomically: false, encoding: .utf8)
        let all = try PluginCLI.run(["convert", "--files-from", dir + "/list", "--to", "jsonl"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.out.split(separator: "\n").count == 30)
        // The same list on stdin, split in two shards: together they are the whole.
        var ids: [String] = []
        for k in 1...2 {
            let r = try PluginCLI.run(["convert", "--files-from", "-", "--to", "jsonl", "--shard", "\(k)/2"],
                                      stdin: try Data(contentsOf: URL(fileURLWithPath: dir + "/list")))
            #expect(r.status == 0, "\(r.stderr)")
            ids += try JSONLinesReader().readDocuments(.bytes(Array(r.stdout))).map(\.id)
        }
        #expect(ids.count == 30 && Set(ids).count == 30)
    }

    @Test func recordModeTurnsBadLinesIntoErrorRecordsAndGoesOn() throws {
        let input = """
            {"version":1,"id":"a","metadata":{},"blocks":[{"id":"a.p1","kind":"paragraph","text":"Бір. Екі."}]}
            this is not json
            {"version":7,"id":"x","metadata":{},"blocks":[]}

            {"version":1,"id":"b","metadata":{},"blocks":[{"id":"b.p1","kind":"paragraph","text":"Үш."}]}

            """
        let r = try PluginCLI.run(["convert", "-", "--from", "jsonl", "--to", "jsonl", "--on-error", "record", "--transform", "segment"],
                                  stdin: Data(input.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[1] == #"{"error":"malformed JSON: expected a value, found 't'","line":2,"column":1,"input":"<stdin>"}"#)
        #expect(lines[2].hasPrefix(#"{"error":"unsupported version 7"#) && lines[2].contains(#""line":3"#))
        let docs = try JSONLinesReader().readDocuments(.bytes(Array((lines[0] + "\n" + lines[3] + "\n").utf8)))
        #expect(docs.map(\.id) == ["a", "b"])
        #expect(docs[0].blocks[0].sentences.map(\.text) == ["Бір.", "Екі."])
        #expect(r.stderr.contains("2 bad lines written as error records"))
        // Without record mode the first bad line fails the run.
        let strict = try PluginCLI.run(["convert", "-", "--from", "jsonl", "--to", "jsonl"], stdin: Data(input.utf8))
        #expect(strict.status == 1 && strict.stderr.contains("<stdin>:2:1: error: malformed JSON"))
        // Record mode is for JSON Lines only.
        let wrong = try PluginCLI.run(["convert", "-", "--from", "jsonl", "--to", "csv", "--on-error", "record"], stdin: Data(input.utf8))
        #expect(wrong.status == 2 && wrong.stderr.contains("--on-error record needs --from jsonl --to jsonl"))
    }

    @Test func progressJSONCountsFilesBytesAndFailures() throws {
        let dir = PluginCLI.scratch()
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        var total = 0
        for i in 0..<5 {
            let text = String(repeating: "Сөйлем \(i). ", count: 10 * (i + 1))
            try text.write(toFile: dir + "/in/f\(i).txt", atomically: false, encoding: .utf8)
            total += text.utf8.count
        }
        try Data([0x41, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: dir + "/in/bad.txt"))
        total += 4
        let r = try PluginCLI.run(["convert", dir + "/in", "--to", "csv", "-o", dir + "/out/", "--progress=json", "--jobs", "2"])
        #expect(r.status == 1)
        let events = r.stderr.split(separator: "\n").filter { $0.hasPrefix("{") }.compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(events.count == 6)
        #expect(events.map { $0["files"] as? Int } == (1...6).map { $0 })
        let last = try #require(events.last)
        #expect(last["total"] as? Int == 6 && last["failures"] as? Int == 1 && last["done"] as? Bool == true)
        #expect(last["bytes"] as? Int == total)
        #expect(last["mib_per_s"] is Double || last["mib_per_s"] is Int)
        #expect(r.stderr.contains("bad.txt"))
    }
}

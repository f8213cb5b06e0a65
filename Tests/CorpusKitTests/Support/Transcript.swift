import Foundation
import Testing

/// One CLI run written down as a transcript: the command, stdout, stderr,
/// the exit status, and checksums of every file under a watched folder
/// before and after, so a test can show that no input changed.
struct Transcript: CustomStringConvertible {
    var command: [String]
    var status: Int32
    var stdout: String
    var stderr: String
    var before: [String: UInt64]
    var after: [String: UInt64]

    /// Runs `corpuskit ARGS` in `directory`, checksumming `watched` (relative to it) around the run.
    static func run(_ arguments: [String], in directory: String, watching watched: [String]) throws -> Transcript {
        let before = try checksums(watched, in: directory)
        let r = try CLI.run(arguments, in: directory)
        let after = try checksums(watched, in: directory)
        return Transcript(command: arguments, status: r.status, stdout: r.out, stderr: r.stderr, before: before, after: after)
    }

    /// Whether every watched file is still there with the same bytes.
    var inputsUnchanged: Bool { before.allSatisfy { after[$0.key] == $0.value } }

    var description: String {
        "$ corpuskit \(command.joined(separator: " "))\n[exit \(status)]\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }

    /// FNV-1a 64 of each regular file under `paths` (files or folders), by relative path.
    static func checksums(_ paths: [String], in directory: String) throws -> [String: UInt64] {
        var sums: [String: UInt64] = [:]
        let fm = FileManager.default
        for path in paths {
            let full = directory + "/" + path
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &isDir) else { continue }
            let files = isDir.boolValue ? (fm.subpaths(atPath: full) ?? []).map { path + "/" + $0 } : [path]
            for file in files {
                var d: ObjCBool = false
                guard fm.fileExists(atPath: directory + "/" + file, isDirectory: &d), !d.boolValue else { continue }
                sums[file] = fnv1a(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + file)))
            }
        }
        return sums
    }

    static func fnv1a(_ data: Data) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in data { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}

/// A scratch folder with files written from strings or bytes.
struct Scratch {
    let dir = CLI.scratch()

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, Data(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, _ bytes: Data) throws -> String {
        let url = URL(fileURLWithPath: dir + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: url)
        return relative
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: dir + "/" + relative) }

    func read(_ relative: String) throws -> String { try String(contentsOfFile: dir + "/" + relative, encoding: .utf8) }

    func list(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir + "/" + relative)) ?? []).sorted()
    }
}

import CorpusModel
import CorpusTestSupport
import Foundation
import Testing

@testable import CorpusTEI

/// Paths and helpers shared by the TEI tests.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let teiSamples = directory.appendingPathComponent("tei-samples")
    static let schemaDocs = directory.appendingPathComponent("schema-docs")
    static let packageRoot = directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let teiAll = packageRoot.appendingPathComponent("Sources/CorpusTEI/Resources/tei_all.rng").path

    static func sampleFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: teiSamples.path)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted()
    }

    static func sample(_ name: String) -> String { teiSamples.appendingPathComponent(name).path }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("corpuskit-tei-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Saves TEI the tests wrote under `$CORPUSKIT_TEI_OUT` (CI runs jing on every file there).
func saveForCI(_ bytes: [UInt8], name: String) {
    guard let dir = ProcessInfo.processInfo.environment["CORPUSKIT_TEI_OUT"], !dir.isEmpty else { return }
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: "\(dir)/\(name)", contents: Data(bytes))
}

/// Validates files with jing against tei_all; nil when jing is not installed.
func jingErrors(_ paths: [String]) throws -> String? {
    guard ExternalTool.find("jing") != nil else {
        if ToolGate.required { throw CorpusError(.io, "jing is not installed, and CORPUSKIT_REQUIRE_TOOLS=1 requires it") }
        return nil
    }
    let (status, output) = try ExternalTool.run(["jing", Fixtures.teiAll] + paths)
    return status == 0 ? "" : output
}

/// Characters other than XML layout whitespace.
func nonLayout(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for c in s.unicodeScalars where !(c == " " || c == "\n" || c == "\t" || c == "\r") { out.append(c) }
    return String(out)
}

/// Writes a UTF-8 file (non-atomically: Foundation's atomic write crashed under parallel tests here).
func writeFile(_ path: String, _ text: String) {
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
}

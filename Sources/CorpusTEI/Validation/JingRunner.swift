import CorpusModel
import Foundation

/// Runs `jing` (found on PATH) for RELAX NG validation when libxml2 cannot
/// compile a schema in time, or when the user asks for it; jing's messages
/// also say what was expected where.
enum JingRunner {
    /// The `jing` executable on PATH, if any.
    static var executable: String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/jing"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Validates `input` against `schema`; jing's `path:line:col: error: …` lines become diagnostics.
    static func validate(_ input: InputSource, schema: String, jing: String) throws -> [Diagnostic] {
        var path = input.path
        var temporary: String?
        if path == nil {
            let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("corpuskit-jing-\(UUID().uuidString).xml").path
            _ = FileManager.default.createFile(atPath: tmp, contents: Data(try input.readAll()))
            path = tmp
            temporary = tmp
        }
        defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }
        guard var file = path else { return [] }
        // jing prints absolute paths: give it one, so its lines can be matched to the input.
        if !file.hasPrefix("/") { file = FileManager.default.currentDirectoryPath + "/" + file }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: jing)
        process.arguments = schema.lowercased().hasSuffix(".rnc") ? ["-c", schema, file] : [schema, file]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch {
            throw CorpusError(.io, "cannot run jing: \(error)", file: input.name)
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        var diagnostics: [Diagnostic] = []
        for line in output.split(separator: "\n") {
            // Debian's wrapper script warns about optional jars it cannot find: not about the input.
            if line.hasPrefix("[warning]") { continue }
            diagnostics.append(parse(String(line), file: file, name: input.name))
        }
        if process.terminationStatus != 0 && diagnostics.isEmpty {
            diagnostics.append(Diagnostic(severity: .error, message: "jing exited with status \(process.terminationStatus)", file: input.name))
        }
        return diagnostics
    }

    /// `PATH:LINE:COL: error: MESSAGE` → a diagnostic, about `name` when PATH is the
    /// input (`file`), else about PATH (an error in the schema itself); any other line
    /// is jing speaking for itself (`jing: fatal: …`). Never two locations in one message.
    static func parse(_ line: String, file: String, name: String) -> Diagnostic {
        for severityText in ["error", "warning", "fatal"] {
            guard let marker = line.range(of: ": \(severityText): ") else { continue }
            let place = line[..<marker.lowerBound]
            let parts = place.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 3, let l = Int(parts[parts.count - 2]), let c = Int(parts[parts.count - 1]) else { continue }
            let path = parts.dropLast(2).joined(separator: ":")
            let severity: Diagnostic.Severity = severityText == "warning" ? .warning : .error
            return Diagnostic(
                severity: severity, message: String(line[marker.upperBound...]).trimmingCharacters(in: .whitespaces),
                file: path == file ? name : path, location: SourceLocation(line: l, column: c))
        }
        return Diagnostic(severity: .error, message: "jing: " + line, file: name)
    }
}

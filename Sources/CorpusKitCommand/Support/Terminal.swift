#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CorpusKit

/// Messages and progress on stderr, so stdout carries only data.
enum Terminal {
    /// Whether stderr is a terminal (progress bars only there).
    static let stderrIsTerminal = isatty(2) != 0

    static func error(_ message: String) {
        write(message.hasSuffix("\n") ? message : message + "\n")
    }

    static func report(_ error: CorpusError) { self.error(error.description) }

    static func report(_ diagnostic: Diagnostic) { self.error(diagnostic.description) }

    /// Clears a progress line before a message, so the two never share a line.
    static func clearProgressLine() {
        if stderrIsTerminal { write("\r\u{1B}[K") }
    }

    /// Prints plugin warnings as `path:line:col: warning: …` lines on stderr.
    static let warnings = WarningHandler { diagnostic in
        write(diagnostic.description + "\n")
    }

    /// Writes `text` to stderr at once (unbuffered, so it interleaves with progress).
    static func write(_ text: String) {
        let stderr = ByteOutput(descriptor: 2, name: "<stderr>", capacity: 0)
        try? stderr.write(text)
        try? stderr.flush()
    }

    /// Redraws a one-line progress bar: `[=====>    ] 12/100`.
    static func progress(done: Int, total: Int) {
        guard stderrIsTerminal, total > 1 else { return }
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        write("\r[\(bar)] \(done)/\(total)" + (done == total ? "\n" : ""))
        InterruptCleanup.setProgressLineDrawn(done < total)
    }
}

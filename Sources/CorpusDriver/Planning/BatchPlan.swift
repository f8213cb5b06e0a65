import CorpusModel

/// Where a `convert` run writes.
///
/// `-o PATH` means one output per input when PATH ends in `/` or is an
/// existing directory, and one combined output otherwise, whatever the
/// inputs are; no `-o` (or `-o -`) is one combined stream on stdout.
public enum OutputTarget: Sendable, Equatable {
    case stdout
    case file(String)
    case directory(String)

    /// The target `-o` names (nil or `-` for stdout).
    public static func from(option output: String?) -> OutputTarget {
        guard let output, output != "-" else { return .stdout }
        if output.hasSuffix("/") || OutputPaths.isDirectory(output) {
            var dir = output
            while dir.count > 1 && dir.hasSuffix("/") { dir.removeLast() }
            return .directory(dir)
        }
        return .file(output)
    }
}

/// What to do with outputs that already exist.
public enum ExistingOutputs: Sendable, Equatable {
    /// Refuse to start (the default): a user's files are never replaced unasked.
    case keep
    /// Replace them (`--force`).
    case replace
    /// Skip inputs whose output exists and is newer; redo the rest (`--resume`).
    case resume
}

/// One input of a batch, with where its output goes.
public struct PlannedInput: Sendable {
    /// The bytes to read.
    public var source: InputSource
    /// The path under its command-line argument (the file name for a file argument).
    public var relativePath: String
    /// The input's own output file, for one output per input; nil for a combined output.
    public var outputPath: String?
}

/// Every input and output of a run, decided before anything is written.
public struct BatchPlan: Sendable {
    public var target: OutputTarget
    /// The inputs to convert, in a stable order.
    public var inputs: [PlannedInput]
    /// Inputs left out because their output is up to date (`--resume`).
    public var upToDate: [PlannedInput]
    /// Linked directories a walk did not enter (see `--follow-links`).
    public var skippedLinks: [String]

    /// Inputs converted plus inputs skipped.
    public var total: Int { inputs.count + upToDate.count }
}

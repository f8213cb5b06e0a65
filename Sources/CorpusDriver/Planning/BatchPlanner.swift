import CorpusModel

/// Decides every input and output of a run before any is written, and
/// refuses (with a `.usage` error, exit 2) a run that would lose a file:
/// an output that is an input, two inputs mapped to one output, an existing
/// output not meant to be replaced.
public struct BatchPlanner: Sendable {
    /// The command-line inputs: files, directories, or `-` for stdin.
    public var arguments: [String]
    public var target: OutputTarget
    /// The extension outputs get (`csv`).
    public var outputExtension: String
    /// Name outputs `a.txt.csv` instead of `a.csv` (`--keep-ext`), so `a.txt` and `a.xml` can share a folder.
    public var keepInputExtension = false
    /// Enter linked directories (`--follow-links`); loops are still cut.
    public var followLinks = false
    public var existing: ExistingOutputs = .keep
    /// Whether a file found while walking a directory is an input (a reader knows its extension).
    public var accepts: @Sendable (String) -> Bool = { _ in true }
    /// Whether an input (by its path as the run names it) belongs to this run at all
    /// (`--shard K/N`); applied before outputs are checked, so other shards' outputs never conflict.
    public var selects: @Sendable (String) -> Bool = { _ in true }

    public init(arguments: [String], target: OutputTarget, outputExtension: String) {
        self.arguments = arguments
        self.target = target
        self.outputExtension = outputExtension
    }

    /// The plan, or a `.usage` error naming the files in conflict.
    public func plan() throws -> BatchPlan {
        let outputIdentity: FileIdentity? = switch target {
        case .stdout: nil
        case .file(let path), .directory(let path): FileIdentity(path: path)
        }
        var found: [PlannedInput] = []
        var skippedLinks: [String] = []
        for argument in arguments {
            if argument == "-" {
                if case .directory = target {
                    throw CorpusError(.usage, "stdin ('-') cannot go into an output folder; use -o FILE or stdout")
                }
                found.append(PlannedInput(source: .descriptor(0), relativePath: "-"))
                continue
            }
            var root = argument
            while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
            guard let status = FileStatus(path: root) else {
                throw CorpusError(.usage, "no such file or directory", file: argument)
            }
            if status.isDirectory {
                var walk = DirectoryWalk(followLinks: followLinks)
                if let outputIdentity { walk.excluded.insert(outputIdentity) }
                let listing = try walk.files(under: root)
                skippedLinks += listing.skippedLinks.map { root + "/" + $0 }
                for relative in listing.files where accepts(relative) {
                    let path = root + "/" + relative
                    // A combined output from an earlier run inside the input folder is not an input.
                    if let outputIdentity, FileIdentity(path: path) == outputIdentity { continue }
                    found.append(PlannedInput(source: .file(path), relativePath: relative))
                }
            } else {
                let name = root.split(separator: "/").last.map(String.init) ?? root
                found.append(PlannedInput(source: .file(root), relativePath: name))
            }
        }
        found = found.filter { $0.relativePath == "-" || selects($0.source.name) }
        switch target {
        case .stdout:
            return BatchPlan(target: target, inputs: found, upToDate: [], skippedLinks: skippedLinks)
        case .file(let path):
            return try planCombined(found, into: path, skippedLinks: skippedLinks)
        case .directory(let dir):
            return try planPerInput(found, into: dir, skippedLinks: skippedLinks)
        }
    }

    private func planCombined(_ inputs: [PlannedInput], into path: String, skippedLinks: [String]) throws -> BatchPlan {
        var plan = BatchPlan(target: target, inputs: inputs, upToDate: [], skippedLinks: skippedLinks)
        guard let output = FileStatus(path: path), !OutputPaths.isSpecialFile(path) else { return plan }
        if output.isDirectory {
            throw CorpusError(.usage, "the output is a directory; end it with '/' for one output per input", file: path)
        }
        for input in inputs {
            if let inputPath = input.source.path, FileIdentity(path: inputPath) == output.identity {
                throw CorpusError(.usage, "the output '\(path)' is the input '\(inputPath)': refusing to overwrite it")
            }
        }
        switch existing {
        case .replace: break
        case .keep:
            throw CorpusError(.usage, "the output '\(path)' exists; --force replaces it, --resume keeps it when it is newer than every input")
        case .resume:
            let newest = inputs.compactMap { $0.source.path.flatMap { FileStatus(path: $0)?.modified } }.max() ?? .max
            if inputs.allSatisfy({ $0.source.path != nil }) && output.modified >= newest {
                plan.upToDate = inputs
                plan.inputs = []
            }
        }
        return plan
    }

    private func planPerInput(_ inputs: [PlannedInput], into dir: String, skippedLinks: [String]) throws -> BatchPlan {
        if let status = FileStatus(path: dir), !status.isDirectory {
            throw CorpusError(.usage, "the output folder is an existing file", file: dir)
        }
        let inputIdentities = Dictionary(
            inputs.compactMap { input in input.source.path.flatMap { p in FileIdentity(path: p).map { ($0, p) } } },
            uniquingKeysWith: { first, _ in first })
        var claimed: [String: String] = [:]  // output path → the input that claimed it
        var plan = BatchPlan(target: target, inputs: [], upToDate: [], skippedLinks: skippedLinks)
        var existingOutputs: [String] = []
        for var input in inputs {
            let inputPath = input.source.path ?? input.relativePath
            let output = OutputPaths.output(
                for: input.relativePath, in: dir, extension: outputExtension, keepingExtension: keepInputExtension)
            if let other = claimed[output] {
                throw CorpusError(.usage, "'\(other)' and '\(inputPath)' would both be written to '\(output)'; "
                    + "rename one, or use --keep-ext to name outputs like a.txt.\(outputExtension)")
            }
            claimed[output] = inputPath
            input.outputPath = output
            if let status = FileStatus(path: output) {
                if let overwritten = inputIdentities[status.identity] {
                    throw CorpusError(.usage, "the output '\(output)' is the input '\(overwritten)': refusing to overwrite it; "
                        + "choose another output folder")
                }
                if status.isDirectory {
                    throw CorpusError(.usage, "the output '\(output)' is a directory")
                }
                switch existing {
                case .keep: existingOutputs.append(output)
                case .replace: break
                case .resume:
                    if let source = input.source.path.flatMap({ FileStatus(path: $0) }), status.modified >= source.modified {
                        plan.upToDate.append(input)
                        continue
                    }
                }
            }
            plan.inputs.append(input)
        }
        if let first = existingOutputs.first {
            let more = existingOutputs.count > 1 ? " and \(existingOutputs.count - 1) more" : ""
            throw CorpusError(.usage, "'\(first)'\(more) already exist; --force replaces them, --resume skips those newer than their input")
        }
        return plan
    }
}

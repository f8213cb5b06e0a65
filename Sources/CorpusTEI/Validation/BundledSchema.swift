import CorpusModel
import Foundation

/// Finds the `tei_all.rng` that ships with CorpusTEI.
///
/// SwiftPM puts a target's resources in a folder beside the executable
/// (`CorpusKit_CorpusTEI.resources`). Its generated `Bundle.module` stops the
/// process when that folder is missing, which is the normal case for a binary
/// copied alone to a cluster worker; here a missing schema is an error the
/// user can act on instead.
enum BundledSchema {
    static let folderName = "CorpusKit_CorpusTEI.resources"

    /// The schema's path, or an `.io` error saying where it was looked for.
    static func teiAllPath() throws -> String {
        let folder = executableFolder() + "/" + folderName
        let path = folder + "/tei_all.rng"
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw CorpusError(
                .io,
                "the bundled tei_all.rng is not beside the executable (looked for \(path)): copy the \(folderName) folder with the corpuskit binary, or give --schema PATH",
                file: path)
        }
        return path
    }

    /// The folder of the running executable (symbolic links resolved), as SwiftPM's
    /// resource lookup uses it: for `swift test` the test bundle's folder.
    private static func executableFolder() -> String {
        let executable = Bundle.main.executablePath ?? CommandLine.arguments.first ?? "."
        let resolved = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        return resolved.deletingLastPathComponent().path
    }
}

import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory corpuskit convert Resources/texts --to tei -o Resources/tei/`
///
/// Runs the `corpuskit` tool, built from this package, in the package's
/// folder with the arguments given, so a Swift package can convert, validate
/// or list the corpus files it ships. Writing outputs needs the permission
/// the command asks for; without `--allow-writing-to-package-directory`
/// SwiftPM asks (or refuses when it cannot ask).
@main
struct CorpusKitPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "corpuskit")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = arguments.isEmpty ? ["--help"] : arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        if process.terminationReason != .exit || process.terminationStatus != 0 {
            Diagnostics.error("corpuskit \(arguments.joined(separator: " ")) failed with status \(process.terminationStatus)")
            throw CorpusKitPluginFailure(status: process.terminationStatus)
        }
    }
}

/// corpuskit exited with a non-zero status (its own messages are already on stderr).
struct CorpusKitPluginFailure: Error, CustomStringConvertible {
    let status: Int32
    var description: String { "corpuskit exited with status \(status)" }
}

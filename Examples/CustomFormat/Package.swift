// swift-tools-version: 6.1
// An example package: adds a format to CorpusKit in Swift and builds its own
// `corpuskit` with it; also runs the CorpusKit command plugin on its files
// (`swift package --allow-writing-to-package-directory corpuskit convert …`).
import PackageDescription

let package = Package(
    name: "CustomFormat",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "CorpusKit", path: "../.."),
    ],
    targets: [
        // The format: a reader and a writer for the vertical corpus format.
        .target(name: "SentenceLines", dependencies: [.product(name: "CorpusKit", package: "CorpusKit")]),
        // corpuskit + sentence lines, in ten lines.
        .executableTarget(
            name: "mycorpuskit",
            dependencies: ["SentenceLines", .product(name: "CorpusKitCommand", package: "CorpusKit")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

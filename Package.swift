// swift-tools-version: 6.1
// CorpusKit: convert text corpora between plain text, TEI P5, JSON and CSV.
// One target per concern; the flow is bytes → reader → events → transforms → writer → bytes.
import PackageDescription

let package = Package(
    name: "CorpusKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "CorpusKit", targets: ["CorpusKit"]),
        .library(name: "CorpusKitCommand", targets: ["CorpusKitCommand"]),
        .library(name: "CorpusPlugins", targets: ["CorpusPlugins"]),
        .plugin(name: "CorpusKitPlugin", targets: ["CorpusKitPlugin"]),
        .executable(name: "corpuskit", targets: ["corpuskit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        // The document model, the event stream, plugin protocols and errors. No dependencies.
        .target(name: "CorpusModel"),
        // libxml2 from the system; only CorpusTEI imports it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "CorpusJSON", dependencies: ["CorpusModel"]),
        .target(
            name: "CorpusText",
            dependencies: ["CorpusModel"],
            // Compiled into the binary: a `corpuskit` copied alone to a cluster
            // worker (scripts/build-static.sh) has no resource folder beside it.
            resources: [
                .embedInCode("Resources/Abbreviations/kk.txt"),
                .embedInCode("Resources/Abbreviations/ru.txt"),
                .embedInCode("Resources/Abbreviations/en.txt"),
            ]
        ),
        .target(
            name: "CorpusTEI",
            dependencies: ["CorpusModel", "CLibXML2"],
            resources: [.copy("Resources/tei_all.rng")]
        ),
        .target(name: "CorpusCSV", dependencies: ["CorpusModel"]),
        // CoNLL-U (Universal Dependencies) reader and writer.
        .target(name: "CorpusCoNLLU", dependencies: ["CorpusModel"]),
        // CWB vertical (VRT, ParlaMint's .vert): what CQPweb, NoSketch Engine and KonText index.
        .target(name: "CorpusVRT", dependencies: ["CorpusModel"]),
        // The corpus quality report (`corpuskit stats`) and the opt-in fixes it suggests.
        .target(name: "CorpusStats", dependencies: ["CorpusModel", "CorpusText"]),
        // Registry, planning and running conversions over files, directories and streams.
        .target(name: "CorpusDriver", dependencies: ["CorpusModel"]),
        // The umbrella a user imports: everything plus the standard registry.
        .target(
            name: "CorpusKit",
            dependencies: ["CorpusModel", "CorpusJSON", "CorpusText", "CorpusTEI", "CorpusCSV", "CorpusCoNLLU", "CorpusVRT", "CorpusStats", "CorpusDriver"]
        ),
        // External plugins in any language: `corpuskit-NAME` executables found on PATH,
        // described by `--describe`, run as one long-lived process per conversion.
        .target(
            name: "CorpusPlugins",
            dependencies: [
                "CorpusModel", "CorpusJSON", "CorpusDriver",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // The command-line tool as a library: other packages build their own `corpuskit` on it.
        .target(
            name: "CorpusKitCommand",
            dependencies: [
                "CorpusKit", "CorpusPlugins",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The `corpuskit` executable: only calls CorpusKitCommand.
        .executableTarget(name: "corpuskit", dependencies: ["CorpusKitCommand"]),
        // `corpuskit-json-bench`: the JSON round trip against Foundation's Codable (Benchmarks/compare.sh).
        .executableTarget(name: "corpuskit-json-bench", dependencies: ["CorpusJSON", "CorpusModel"], path: "Benchmarks/JSONRoundTrip"),
        // `swift package corpuskit …`: runs corpuskit on a package's own files.
        .plugin(
            name: "CorpusKitPlugin",
            capability: .command(
                intent: .custom(verb: "corpuskit", description: "Run corpuskit (convert, validate, formats) on this package's files"),
                permissions: [.writeToPackageDirectory(reason: "corpuskit convert writes its outputs (-o) into the package")]
            ),
            dependencies: ["corpuskit"]
        ),

        // Helpers shared by the test targets: outside tools, seeded randomness.
        .target(name: "CorpusTestSupport", path: "Tests/CorpusTestSupport"),
        .testTarget(name: "CorpusModelTests", dependencies: ["CorpusModel"]),
        .testTarget(name: "CorpusJSONTests", dependencies: ["CorpusTestSupport", "CorpusJSON", "CorpusModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CorpusTextTests", dependencies: ["CorpusTestSupport", "CorpusText", "CorpusModel"], resources: [.copy("Gold")]),
        .testTarget(name: "CorpusTEITests", dependencies: ["CorpusTestSupport", "CorpusTEI", "CorpusModel"], exclude: ["Fixtures"]),
        .testTarget(name: "CorpusCSVTests", dependencies: ["CorpusTestSupport", "CorpusCSV", "CorpusModel"], exclude: ["check_csv_python.py", "BENCHMARKS.md"]),
        .testTarget(name: "CorpusVRTTests", dependencies: ["CorpusTestSupport", "CorpusVRT", "CorpusModel"]),
        .testTarget(name: "CorpusCoNLLUTests", dependencies: ["CorpusTestSupport", "CorpusCoNLLU", "CorpusModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CorpusDriverTests", dependencies: ["CorpusTestSupport", "CorpusDriver", "CorpusModel"]),
        .testTarget(name: "CorpusStatsTests", dependencies: ["CorpusTestSupport", "CorpusStats", "CorpusModel", "CorpusText"]),
        .testTarget(name: "CorpusKitTests", dependencies: ["CorpusTestSupport", "CorpusKit"], exclude: ["check_conllu_python.py", "check_token_table.py", "check_speaker_lemmas.py", "StructureTexts"]),
        .testTarget(
            name: "CorpusPluginsTests",
            dependencies: ["CorpusTestSupport", "CorpusPlugins", "CorpusKit"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

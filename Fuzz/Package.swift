// swift-tools-version: 6.1
// Coverage-guided fuzzing (libFuzzer) of CorpusKit's readers. A separate
// package so the main build and CI never compile the sanitizers.
// Build and run with `./run.sh [SECONDS_PER_TARGET]`.
import PackageDescription

let package = Package(
    name: "CorpusKitFuzz",
    dependencies: [
        .package(name: "CorpusKit", path: ".."),
    ],
    targets: [
        // The libFuzzer driver and the checks every fuzz target shares.
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "CorpusKit", package: "CorpusKit")]
        ),
        // JSONReader and JSONLinesReader, plus a write/read round trip.
        .executableTarget(name: "FuzzJSONReader", dependencies: ["FuzzSupport"]),
        // CSVReader and TSVReader, plus a write/read round trip.
        .executableTarget(name: "FuzzCSVReader", dependencies: ["FuzzSupport"]),
        // TextReader in four layouts, segment + tokenize (tokens must rebuild
        // each sentence), and a whole text → csv conversion.
        .executableTarget(name: "FuzzTextReader", dependencies: ["FuzzSupport"]),
        // CoNLLUReader: the words spell each text; CoNLL-U and JSON round trips keep the documents.
        .executableTarget(name: "FuzzCoNLLUReader", dependencies: ["FuzzSupport"]),
        // TEIReader (SAX2 over libxml2), plus a TEI write/read round trip.
        .executableTarget(name: "FuzzTEIReader", dependencies: ["FuzzSupport"]),
        // VRTReader (CWB vertical), plus a VRT write/read round trip.
        .executableTarget(name: "FuzzVRTReader", dependencies: ["FuzzSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

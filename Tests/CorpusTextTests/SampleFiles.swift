import CorpusModel
import CorpusText
import Foundation

/// Paths of the repository's samples and of the gold copies next to the tests.
enum SampleFiles {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let names = ["000_41c5c0974157b10e", "004_d576930189d3d379"]

    static func sample(_ name: String) -> String { repository.appendingPathComponent("samples/\(name).txt").path }
    static func gold(_ name: String) -> String { testsDirectory.appendingPathComponent("Gold/\(name).gold.txt").path }

    /// Reads a sample with layout auto, segments it and writes it in the gold format.
    static func segmentedText(_ name: String) throws -> String {
        let documents = try TextReader().readDocuments(.file(sample(name)))
        let segmented = try documents.map { try Pipeline.apply(SentenceSegmenter(), to: $0) }
        return try TextWriter().string(segmented, options: FormatOptions(["text-style": "sentences"]))
    }
}

/// Runs transforms over whole documents, for tests.
enum Pipeline {
    static func apply(_ transform: any CorpusTransform, to document: Document, options: FormatOptions = FormatOptions()) throws -> Document {
        let collector = DocumentCollector()
        let sink = try transform.makeSink(sendingTo: collector, options: options)
        try sink.receive(document: document)
        try sink.finish()
        return collector.documents.first ?? Document(id: document.id)
    }
}

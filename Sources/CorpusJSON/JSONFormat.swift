import CorpusModel

/// The JSON serialisation of the model, versioned so that readers can refuse
/// what they do not understand. The schema is published in `schema/corpuskit.schema.json`.
public enum CorpusJSONFormat {
    /// The format version this build writes. Version 2 adds the annotation fields
    /// (lemma, UPOS, …, multiword tokens, empty nodes, comments); version 1 is their subset.
    public static let version = 2

    /// Every version this build reads.
    public static let readableVersions: ClosedRange<Int> = 1...2

    /// `json`: one file, `{"version": 2, "documents": [...]}`.
    public static let json = FormatDescription(
        name: "json", extensions: ["json"], mediaType: "application/json",
        summary: "CorpusKit JSON: the whole model, versioned, pretty or compact")

    /// `jsonl`: one document per line, each `{"version": 2, "id": …, "metadata": …, "blocks": […]}`.
    public static let jsonLines = FormatDescription(
        name: "jsonl", aliases: ["ndjson", "jsonlines"], extensions: ["jsonl", "ndjson"],
        mediaType: "application/jsonl", summary: "JSON Lines: one document per line, for pipelines")
}

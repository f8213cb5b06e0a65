import CorpusModel

/// What puts a block inside a `<speech>`: its `utterance` (the speech id), `speaker`
/// (`speaker_id`), `ana` and `speech@NAME` attributes, in the block's order; consecutive
/// blocks with equal keys share one speech.
struct SpeechKey: Equatable {
    /// The `<speech>` attributes: (VRT name, value).
    var attributes: [(String, String)]

    /// The block's key, or nil when it has neither a speaker nor an utterance id.
    init?(_ block: Block) {
        attributes = []
        var seen = Set<String>()
        for pair in block.attributes {
            let name: String
            switch pair.key {
            case "utterance": name = "id"
            case "speaker": name = "speaker_id"
            case "ana": name = "ana"
            default:
                guard pair.key.hasPrefix("speech@") else { continue }
                name = String(pair.key.dropFirst("speech@".count))
            }
            guard seen.insert(name).inserted else { continue }
            attributes.append((name, pair.value))
        }
        if !seen.contains("id") && !seen.contains("speaker_id") { return nil }
    }

    static func == (a: SpeechKey, b: SpeechKey) -> Bool {
        a.attributes.count == b.attributes.count && zip(a.attributes, b.attributes).allSatisfy { $0 == $1 }
    }
}

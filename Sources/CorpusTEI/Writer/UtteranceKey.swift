import CorpusModel

/// What puts a block inside a `<u>`: the block attributes `speaker`, `ana` and `utterance`
/// (as the TEI reader sets them from `u@who`, `u@ana`, `u@xml:id`). Consecutive blocks
/// with equal keys share one `<u>`, their paragraphs written as `<seg>` (ParlaMint's layout).
struct UtteranceKey: Equatable {
    var speaker: String?
    var ana: String?
    var id: String?

    /// The block's key, or nil when it has neither a speaker nor an utterance id.
    init?(_ block: Block) {
        for pair in block.attributes {
            switch pair.key {
            case "speaker" where speaker == nil: speaker = pair.value
            case "ana" where ana == nil: ana = pair.value
            case "utterance" where id == nil: id = pair.value
            default: break
            }
        }
        if speaker == nil && id == nil { return nil }
    }
}

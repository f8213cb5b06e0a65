import CorpusModel

/// One surface word of a sentence: a token, or a multiword token's range of tokens.
struct SurfaceUnit {
    /// 0-based token indices.
    var range: ClosedRange<Int>
    /// The multiword token's surface form; nil for a plain token.
    var surface: String?
    var spaceAfter: Bool

    /// The sentence's units in order; ranges that overlap or fall outside the tokens are ignored.
    static func units(of tokens: [Token], multiwordTokens: [MultiwordToken]) -> [SurfaceUnit] {
        var out: [SurfaceUnit] = []
        out.reserveCapacity(tokens.count)
        var ranges = multiwordTokens.makeIterator()
        var next = ranges.next()
        var i = 0
        while i < tokens.count {
            while let r = next, r.first - 1 < i { next = ranges.next() }
            if let r = next, r.first - 1 == i, r.last >= r.first, r.last <= tokens.count {
                out.append(SurfaceUnit(range: i...(r.last - 1), surface: r.form, spaceAfter: r.spaceAfter))
                i = r.last
                next = ranges.next()
            } else {
                out.append(SurfaceUnit(range: i...i, surface: nil, spaceAfter: tokens[i].spaceAfter))
                i += 1
            }
        }
        return out
    }
}

/// An entity label: `B-ORG` begins an `ORG`, `I-ORG` continues one, `O` or nothing is outside.
struct EntityLabel {
    var begins = false
    var type: String?

    init(_ label: String?) {
        guard let label, label.count > 2 else { return }
        if label.hasPrefix("B-") {
            begins = true
            type = String(label.dropFirst(2))
        } else if label.hasPrefix("I-") {
            type = String(label.dropFirst(2))
        }
    }
}

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

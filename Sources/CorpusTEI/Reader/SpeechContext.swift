import CorpusModel

/// An open `<u>` (utterance) or `<sp>` (speech in drama): what every block inside it
/// gets as block attributes.
///
/// Keys (documented in the README): `speaker` (`u@who` / `sp@who` without the `#`, else
/// the text of `sp/speaker`), `ana` (`u@ana`), `utterance` (`u@xml:id`, so that a writer can
/// put the `seg`s of one utterance back into one `u`), and any other `u` attribute as `u@NAME`.
struct SpeechContext {
    let isUtterance: Bool
    private var attributes: [MetadataPair] = []
    private var speakerKnown = false

    init(_ name: String, attributes xml: XMLAttributes) {
        isUtterance = name == "u"
        var speaker: String?
        var utterance: String?
        var ana: String?
        var others: [MetadataPair] = []
        for a in xml.all() {
            switch a.name {
            case "who": speaker = SpeakerPointer.speaker(fromWho: a.value)
            case "ana" where isUtterance: ana = a.value
            case "xml:id" where isUtterance: utterance = a.value
            default: if isUtterance { others.append(MetadataPair("u@\(a.name)", a.value)) }
            }
        }
        // A fixed order, whatever the source's attribute order.
        if let utterance { attributes.append(MetadataPair("utterance", utterance)) }
        if let speaker { attributes.append(MetadataPair("speaker", speaker)) }
        if let ana { attributes.append(MetadataPair("ana", ana)) }
        attributes += others
        speakerKnown = speaker != nil
    }

    /// The attributes for a block inside this speech.
    var blockAttributes: [MetadataPair] { attributes }

    /// `sp/speaker` names the speaker when `sp` has no `@who`.
    mutating func noteSpeakerText(_ text: String) {
        guard !speakerKnown, !text.isEmpty else { return }
        attributes.insert(MetadataPair("speaker", text), at: attributes.first?.key == "utterance" ? 1 : 0)
        speakerKnown = true
    }
}

extension TEIStreamHandler {
    /// Whether a `seg` starting now is a paragraph of an utterance (directly inside `u`).
    var isSpeechSegment: Bool {
        if case .speech? = frames.last, speeches.last?.isUtterance == true { return true }
        return false
    }
}

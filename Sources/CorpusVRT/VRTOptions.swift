import CorpusModel

/// The VRT plugins' one option, declared so that a bad `--p-attrs` fails before any work.
enum VRTOptions {
    static let positionalAttributes = OptionSpec(
        VRTFormat.positionalAttributesOption,
        .text(check: { list in
            do {
                _ = try VRTFormat.positionalAttributes(FormatOptions([VRTFormat.positionalAttributesOption: list]))
                return nil
            } catch {
                return (error as? CorpusError)?.message ?? "\(error)"
            }
        }),
        default: VRTFormat.parlaMintAttributes.map(\.name).joined(separator: ","),
        help: "Token columns, comma-separated, word first: word, norm, lemma, upos, xpos, feats, id, n, head, deprel, deps, misc, ner, head_lemma, head_upos, head_feats, head_id, attr:NAME.")
}

extension VRTWriter {
    public var optionSpecs: [OptionSpec] { [VRTOptions.positionalAttributes] }
}

extension VRTReader {
    public var optionSpecs: [OptionSpec] {
        [VRTOptions.positionalAttributes,
         OptionSpec("max-block-bytes", .integer(1...ReadLimits.maximumUnitBytes), default: String(ReadLimits.maximumUnitBytes),
                    help: "The longest line accepted, in bytes (it can lower the limit, never raise it).")]
    }
}

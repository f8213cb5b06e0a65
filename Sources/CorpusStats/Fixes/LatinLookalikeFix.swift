import CorpusModel

/// `latin-lookalikes`: replaces Latin look-alike letters inside Cyrillic
/// words with the Cyrillic letters they imitate (`Қaзақстан` → `Қазақстан`).
///
/// Only letter runs that mix both scripts and whose every Latin letter has a
/// look-alike change; all-Latin words (`Regional`, `iPhone`) and all-Cyrillic
/// words never do. Works on text blocks, sentences and tokens. Opt-in only:
/// `corpuskit convert … --fix latin-lookalikes`.
public struct LatinLookalikeFix: CorpusTransform {
    public var name: String { "latin-lookalikes" }
    public var summary: String { "opt-in fix: Latin look-alike letters inside Cyrillic words become Cyrillic (Қaзақ → Қазақ)" }
    public var provides: Capabilities { [] }
    public var requires: Capabilities { [] }

    public init() {}

    public func makeSink(sendingTo downstream: any CorpusEventSink, options: FormatOptions) throws -> any CorpusEventSink {
        BlockTransformSink(LookalikeBlockFixer(), downstream: downstream)
    }
}

/// The per-block work of ``LatinLookalikeFix``.
struct LookalikeBlockFixer: BlockTransformer {
    func transform(_ block: Block, in document: DocumentStart) throws -> Block {
        var out = block
        switch block.content {
        case .text(let text):
            if let fixed = LatinLookalikes.fixed(text) { out.content = .text(fixed) }
        case .sentences(let sentences):
            var changed = false
            var list = sentences
            for i in list.indices {
                guard let fixed = LatinLookalikes.fixed(list[i].text) else { continue }
                changed = true
                list[i].text = fixed
                if var tokens = list[i].tokens {
                    for t in tokens.indices {
                        if let form = LatinLookalikes.fixed(tokens[t].form) { tokens[t].form = form }
                    }
                    list[i].tokens = tokens
                }
            }
            if changed { out.content = .sentences(list) }
        }
        return out
    }
}

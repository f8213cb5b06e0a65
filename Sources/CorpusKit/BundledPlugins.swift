import CorpusCSV
import CorpusCoNLLU
import CorpusDriver
import CorpusJSON
import CorpusModel
import CorpusStats
import CorpusTEI
import CorpusVRT
import CorpusText

/// The plugins that ship with CorpusKit, in the order `corpuskit formats` lists them.
enum BundledPlugins {
    static func register(into registry: inout FormatRegistry) {
        registry.register(reader: TextReader())
        registry.register(writer: TextWriter())
        registry.register(reader: TEIReader())
        registry.register(writer: TEIWriter())
        registry.register(validator: TEIValidator())
        registry.register(reader: JSONReader())
        registry.register(writer: JSONWriter())
        registry.register(reader: JSONLinesReader())
        registry.register(writer: JSONLinesWriter())
        registry.register(reader: CSVReader())
        registry.register(writer: CSVWriter())
        registry.register(reader: TSVReader())
        registry.register(writer: TSVWriter())
        registry.register(reader: CoNLLUReader())
        registry.register(writer: CoNLLUWriter())
        registry.register(reader: VRTReader())
        registry.register(writer: VRTWriter())
        registry.register(transform: SentenceSegmenter())
        registry.register(transform: Tokenizer())
        registry.register(transform: UnicodeNormalizer())
        // Opt-in fixes: the planner never inserts them (they provide nothing); `--fix NAME` does.
        registry.register(transform: LatinLookalikeFix())
        registry.register(transform: PageFurnitureFix())
    }
}

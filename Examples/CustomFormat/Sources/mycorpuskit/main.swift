// A corpuskit with one more format: the whole program.
import CorpusKit
import CorpusKitCommand
import VerticalFormat

var registry = Corpus.standardRegistry
registry.register(reader: VerticalReader())
registry.register(writer: VerticalWriter())
CorpusKitTool.main(registry: registry)

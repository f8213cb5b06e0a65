// A corpuskit with one more format: the whole program.
import CorpusKit
import CorpusKitCommand
import SentenceLines

var registry = Corpus.standardRegistry
registry.register(reader: SentenceLinesReader())
registry.register(writer: SentenceLinesWriter())
CorpusKitTool.main(registry: registry)

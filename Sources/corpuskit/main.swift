import CorpusKitCommand

CorpusKitTool.main()

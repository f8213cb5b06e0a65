@_exported import CorpusModel

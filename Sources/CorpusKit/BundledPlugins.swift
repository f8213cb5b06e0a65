import CorpusDriver
import CorpusJSON
import CorpusModel

/// The plugins that ship with CorpusKit, in the order `corpuskit formats` lists them.
enum BundledPlugins {
    static func register(into registry: inout FormatRegistry) {
        registry.register(reader: JSONReader())
        registry.register(writer: JSONWriter())
        registry.register(reader: JSONLinesReader())
        registry.register(writer: JSONLinesWriter())
    }
}

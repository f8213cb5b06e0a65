#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CorpusModel

/// The `doc_meta` cell: a document's metadata as one JSON object, so a table
/// carries title, authors, date, language, source, licence and free pairs
/// without a column per field.
///
/// Written on the first row of each document (empty on the others, and empty
/// when the metadata is empty), keys in a fixed order, only fields that are
/// set: `{"title":"…","authors":["…"],"date":"…","language":"kk",
/// "source":"…","licence":"…","extra":[{"key":"…","value":"…"}]}` — the
/// same shape as CorpusKit's JSON, and `json.loads` in Python reads it.
public enum MetadataCell {
    /// The cell for `metadata`; empty when nothing is set.
    public static func encode(_ metadata: Metadata) -> String {
        if metadata == Metadata() { return "" }
        var out = "{"
        var first = true
        func key(_ k: String) {
            if !first { out += "," }
            first = false
            out += "\"\(k)\":"
        }
        if let t = metadata.title { key("title"); appendJSONString(t, to: &out) }
        if !metadata.authors.isEmpty {
            key("authors")
            out += "["
            for (i, a) in metadata.authors.enumerated() {
                if i > 0 { out += "," }
                appendJSONString(a, to: &out)
            }
            out += "]"
        }
        if let d = metadata.date { key("date"); appendJSONString(d, to: &out) }
        if let l = metadata.language { key("language"); appendJSONString(l, to: &out) }
        if let s = metadata.source { key("source"); appendJSONString(s, to: &out) }
        if let l = metadata.licence { key("licence"); appendJSONString(l, to: &out) }
        if !metadata.extra.isEmpty {
            key("extra")
            out += "["
            for (i, pair) in metadata.extra.enumerated() {
                if i > 0 { out += "," }
                out += "{\"key\":"
                appendJSONString(pair.key, to: &out)
                out += ",\"value\":"
                appendJSONString(pair.value, to: &out)
                out += "}"
            }
            out += "]"
        }
        return out + "}"
    }

    /// The metadata in a cell; nil with a reason when the cell is not such JSON.
    static func decode(_ cell: String) -> Result<Metadata, CorpusError> {
        do {
            return .success(try JSONDecoder().decode(Metadata.self, from: Data(cell.utf8)))
        } catch let error as DecodingError {
            return .failure(CorpusError(.structure, describe(error)))
        } catch {
            return .failure(CorpusError(.structure, "\(error)"))
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let c): return "not valid JSON (\(c.debugDescription))"
        case .keyNotFound(let k, _): return "key '\(k.stringValue)' missing"
        case .typeMismatch(_, let c), .valueNotFound(_, let c):
            let path = c.codingPath.map(\.stringValue).joined(separator: ".")
            return "wrong type at '\(path)'"
        @unknown default: return "not valid metadata JSON"
        }
    }

    private static func appendJSONString(_ s: String, to out: inout String) { JSONStringLiteral.append(s, to: &out) }
}

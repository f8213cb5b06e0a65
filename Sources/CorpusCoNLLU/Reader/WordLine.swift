import CorpusModel

/// One word, range or empty-node line cut into its ten columns, with the
/// character column where each starts (for error messages).
struct WordLine {
    /// Column names in order, for messages.
    static let names = ["ID", "FORM", "LEMMA", "UPOS", "XPOS", "FEATS", "HEAD", "DEPREL", "DEPS", "MISC"]

    var fields: [String]
    /// 1-based character column of each field.
    var columns: [Int]
    let line: Int

    /// What the ID column says.
    enum ID {
        case word(Int)
        case range(Int, Int)
        case empty(Int, Int)
    }

    /// Splits `bytes` on TAB; a line without exactly ten non-empty columns is an error.
    init(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, file: String) throws {
        self.line = line
        fields = []
        columns = []
        fields.reserveCapacity(10)
        columns.reserveCapacity(10)
        var start = 0
        var column = 1
        var startColumn = 1
        for i in 0...bytes.count {
            if i == bytes.count || bytes[i] == 0x09 {
                if fields.count == 10 {
                    throw CorpusError(.syntax, "more than 10 TAB-separated columns", file: file,
                                      location: SourceLocation(line: line, column: startColumn))
                }
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
                if slice.isEmpty {
                    throw CorpusError(.syntax, "empty \(Self.names[fields.count]) column; write _ for no value",
                                      file: file, location: SourceLocation(line: line, column: startColumn))
                }
                fields.append(String(decoding: slice, as: UTF8.self))
                columns.append(startColumn)
                start = i + 1
                column += 1
                startColumn = column
            } else if bytes[i] & 0xC0 != 0x80 {
                column += 1
            }
        }
        if fields.count < 10 {
            throw CorpusError(.syntax, "found \(fields.count) of the 10 TAB-separated columns of a word line", file: file,
                              location: SourceLocation(line: line, column: column - 1))
        }
    }

    /// The value of column `k`, nil for `_`.
    func value(_ k: Int) -> String? { fields[k] == "_" ? nil : fields[k] }

    func location(_ k: Int) -> SourceLocation { SourceLocation(line: line, column: columns[k]) }

    /// Parses the ID column: `7`, `3-4` or `5.1`.
    func id(file: String) throws -> ID {
        let s = fields[0]
        func number(_ part: Substring) -> Int? {
            guard !part.isEmpty, part.utf8.count <= 9, part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return Int(part)
        }
        if let n = number(Substring(s)), n >= 1 { return .word(n) }
        if let dash = s.firstIndex(of: "-"), let a = number(s[..<dash]), let b = number(s[s.index(after: dash)...]), a >= 1 {
            guard b > a else {
                throw CorpusError(.syntax, "range '\(s)' must end after it starts", file: file, location: location(0))
            }
            return .range(a, b)
        }
        if let dot = s.firstIndex(of: "."), let a = number(s[..<dot]), let b = number(s[s.index(after: dot)...]), b >= 1 {
            return .empty(a, b)
        }
        throw CorpusError(.syntax, "bad ID '\(s)'; expected a word number (7), a range (3-4) or an empty node (5.1)",
                          file: file, location: location(0))
    }
}

import CorpusModel

/// Where one field lies in the scanner's buffer, and how to decode it.
struct FieldRange {
    /// First byte of the value (after an opening quote).
    var start: Int
    /// One past the last byte of the value (before a closing quote).
    var end: Int
    /// The field was quoted (CSV).
    var quoted: Bool
    /// The value holds doubled quotes (CSV) or backslash escapes (TSV) to undo.
    var escaped: Bool
}

/// One row of a table as it lies in the scanner's buffer; valid only inside
/// the scanner's callback, so rows cost no copies.
struct TableRecord {
    let base: UnsafePointer<UInt8>
    let fields: [FieldRange]
    /// Buffer offset of the row's first byte.
    let start: Int
    /// 1-based row number; the header is row 1.
    let number: Int
    /// 1-based line of the row's first byte.
    let line: Int
    /// Absolute byte offset of buffer offset 0 in the input.
    let bufferOrigin: Int
    let dialect: TableDialect
    let inputName: String

    var count: Int { fields.count }

    /// A line with nothing on it (one empty, unquoted field).
    var isBlank: Bool { fields.count == 1 && fields[0].start == fields[0].end && !fields[0].quoted }

    /// The raw bytes of field `i` (still escaped).
    func rawBytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let f = fields[i]
        return UnsafeBufferPointer(start: base + f.start, count: f.end - f.start)
    }

    /// Whether field `i` is empty.
    func isEmpty(_ i: Int) -> Bool { fields[i].start == fields[i].end }

    /// Field `i` decoded: escapes undone, UTF-8 checked. `column` names it in errors.
    func string(_ i: Int, column: String) throws -> String {
        let f = fields[i]
        let raw = rawBytes(i)
        // Our own check (it finds the place) then the stdlib's decoding; the generic
        // `String(validating:as:)` spends more on type metadata than on checking.
        if let bad = UTF8Validation.firstInvalidByte(in: raw) {
            throw error(
                .encoding, "row \(number), column \(column): the bytes are not valid UTF-8 (save the table as UTF-8)",
                at: f.start + bad)
        }
        guard f.escaped else { return String(decoding: raw, as: UTF8.self) }
        return dialect == .csv ? Self.undoubleQuotes(raw) : Self.unescapeBackslashes(raw)
    }

    /// A `CorpusError` for buffer offset `offset`, with the line and column of that byte.
    func error(_ kind: CorpusError.Kind, _ message: String, at offset: Int) -> CorpusError {
        CorpusError(kind, message, file: inputName, location: location(at: offset))
    }

    /// The start of field `i` (its opening quote when quoted), for errors about the whole value.
    func fieldOffset(_ i: Int) -> Int {
        guard i < fields.count else { return fields.last.map { $0.end } ?? start }
        return fields[i].start - (fields[i].quoted ? 1 : 0)
    }

    /// Line and column (in Unicode scalars) of buffer offset `offset` inside this row.
    func location(at offset: Int) -> SourceLocation {
        let row = UnsafeBufferPointer(start: base + start, count: max(0, offset - start))
        var location = SourceLocation.of(byteOffset: row.count, in: row)
        location.line = (location.line ?? 1) + line - 1
        location.byteOffset = bufferOrigin + offset
        return location
    }

    static func undoubleQuotes(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            let b = raw[i]
            out.append(b)
            i += (b == UInt8(ascii: "\"") && i + 1 < raw.count && raw[i + 1] == UInt8(ascii: "\"")) ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Undoes TSV escapes `\t \n \r \\`; any other backslash is kept as written.
    static func unescapeBackslashes(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            let b = raw[i]
            if b == UInt8(ascii: "\\"), i + 1 < raw.count {
                switch raw[i + 1] {
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                default:
                    out.append(b)
                    i += 1
                    continue
                }
                i += 2
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

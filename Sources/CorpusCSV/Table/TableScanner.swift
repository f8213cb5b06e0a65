import CorpusModel

/// Splits a byte stream into table rows, chunk by chunk, without copying rows.
///
/// Feed it chunks of any size (whole input, 1 MiB, one byte at a time give the
/// same rows); each complete row goes to the callback as a ``TableRecord``
/// pointing into the scanner's buffer. Only the unfinished row is carried
/// between chunks, so memory is bounded by the longest row (and capped by
/// `maxRecordBytes`, which also catches an unterminated quote early).
/// CSV follows RFC 4180 and accepts `\n`, `\r\n` and `\r` line ends; a quote
/// inside an unquoted field is kept literally (as Python's `csv` does).
final class TableScanner {
    private enum State { case fieldStart, unquoted, quoted, closingQuote }

    let dialect: TableDialect
    let inputName: String
    let maxRecordBytes: Int
    /// Header names, once known, so errors can say `column text` instead of `field 7`.
    var columnNames: [String] = []

    /// The scan position and what is open there; copied to a local while scanning (no exclusivity checks).
    private struct Cursor {
        var state = State.fieldStart
        var pos = 0
        var recordStart = 0
        var fieldStart = 0
        var fieldEscaped = false
        var skipLF = false
        var line = 1
        var recordLine = 1
        var rows = 0
    }

    private var pending: [UInt8] = []
    private var dropped = 0
    private var bomChecked = false
    private var cursor = Cursor()
    private var fields: [FieldRange] = []

    init(dialect: TableDialect, inputName: String, maxRecordBytes: Int = 64 << 20) {
        self.dialect = dialect
        self.inputName = inputName
        self.maxRecordBytes = maxRecordBytes
    }

    /// The name of field `i` in messages.
    func columnName(_ i: Int) -> String {
        i < columnNames.count ? columnNames[i] : "\(i + 1)"
    }

    /// Scans `chunk`, calling `body` for every row it completes.
    func feed(_ chunk: UnsafeRawBufferPointer, _ body: (TableRecord) throws -> Void) throws {
        pending.append(contentsOf: chunk)
        try scan(atEnd: false, body)
        compact()
    }

    /// Ends the input: emits a last row without a line end, or reports an open quote.
    func finish(_ body: (TableRecord) throws -> Void) throws {
        try scan(atEnd: true, body)
        compact()
    }

    private func compact() {
        let cut = cursor.recordStart
        guard cut > 0 else { return }
        pending.removeFirst(cut)
        dropped += cut
        cursor.pos -= cut
        cursor.recordStart = 0
        cursor.fieldStart -= cut
        for i in fields.indices {
            fields[i].start -= cut
            fields[i].end -= cut
        }
    }

    /// Drops a leading UTF-8 byte-order mark; false while too few bytes have come to tell.
    /// A UTF-16 mark is an encoding error that says what to do.
    private func checkBOM(atEnd: Bool) throws -> Bool {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if pending.count < 3 && !atEnd && pending.elementsEqual(bom.prefix(pending.count)) { return false }
        if pending.starts(with: [0xFF, 0xFE]) || pending.starts(with: [0xFE, 0xFF]) {
            throw CorpusError(
                .encoding, "row 1: the table is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
                file: inputName, location: SourceLocation(line: 1, column: 1, byteOffset: 0))
        }
        if pending.starts(with: bom) {
            pending.removeFirst(3)
            dropped += 3
        }
        bomChecked = true
        return true
    }

    private func scan(atEnd: Bool, _ body: (TableRecord) throws -> Void) throws {
        if !bomChecked, try !checkBOM(atEnd: atEnd) { return }
        var c = cursor
        defer { cursor = c }
        try pending.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let end = buffer.count
            let delimiter = dialect.delimiter
            let csv = dialect == .csv
            let quote = UInt8(ascii: "\"")
            let backslash = UInt8(ascii: "\\")
            let maxSpecial: UInt8 = csv ? 0x2C : 0x5C
            scanning: while c.pos < end {
                if c.skipLF {
                    c.skipLF = false
                    if base[c.pos] == 0x0A {
                        c.pos += 1
                        c.recordStart = c.pos
                        continue
                    }
                }
                switch c.state {
                case .fieldStart:
                    c.fieldStart = c.pos
                    c.fieldEscaped = false
                    let fieldQuoted = csv && base[c.pos] == quote
                    if fieldQuoted {
                        c.pos += 1
                        c.fieldStart = c.pos
                        c.state = .quoted
                    } else {
                        c.state = .unquoted
                    }
                case .unquoted:
                    var p = c.pos
                    while p < end {
                        let b = base[p]
                        if b <= maxSpecial {
                            if b == delimiter || b == 0x0A || b == 0x0D { break }
                            if b == backslash && !csv { c.fieldEscaped = true }
                        }
                        p += 1
                    }
                    c.pos = p
                    if p == end { break scanning }
                    let b = base[p]
                    fields.append(FieldRange(start: c.fieldStart, end: p, quoted: false, escaped: c.fieldEscaped))
                    c.pos = p + 1
                    if b == delimiter { c.state = .fieldStart } else { try endRecord(b, base, &c, body) }
                case .quoted:
                    var p = c.pos
                    while p < end {
                        let b = base[p]
                        if b == quote { break }
                        if b == 0x0A { c.line += 1 }
                        p += 1
                    }
                    c.pos = p
                    if p == end { break scanning }
                    c.pos = p + 1
                    c.state = .closingQuote
                case .closingQuote:
                    let b = base[c.pos]
                    if b == quote {
                        c.fieldEscaped = true
                        c.pos += 1
                        c.state = .quoted
                    } else if b == delimiter || b == 0x0A || b == 0x0D {
                        fields.append(FieldRange(start: c.fieldStart, end: c.pos - 1, quoted: true, escaped: c.fieldEscaped))
                        c.pos += 1
                        if b == delimiter { c.state = .fieldStart } else { try endRecord(b, base, &c, body) }
                    } else {
                        let record = makeRecord(base, c)
                        throw record.error(
                            .syntax,
                            "row \(c.rows + 1), column \(columnName(fields.count)): unexpected character after a closing quote "
                                + "(a quote inside a quoted field must be doubled: \"\")",
                            at: c.pos)
                    }
                }
            }
            if atEnd {
                try finishRecord(base, end: end, &c, body)
            } else if c.pos - c.recordStart > maxRecordBytes {
                let record = makeRecord(base, c)
                let hint = c.state == .quoted ? " (an unterminated quote?)" : ""
                throw record.error(
                    .syntax, "row \(c.rows + 1) is longer than \(maxRecordBytes) bytes\(hint)",
                    at: c.state == .quoted ? c.fieldStart - 1 : c.recordStart)
            }
        }
    }

    private func finishRecord(
        _ base: UnsafePointer<UInt8>, end: Int, _ c: inout Cursor, _ body: (TableRecord) throws -> Void
    ) throws {
        switch c.state {
        case .quoted:
            let record = makeRecord(base, c)
            throw record.error(
                .syntax,
                "row \(c.rows + 1), column \(columnName(fields.count)): unterminated quote (the quoted field runs to the end of the input)",
                at: c.fieldStart - 1)
        case .fieldStart:
            guard !fields.isEmpty else { return }
            fields.append(FieldRange(start: end, end: end, quoted: false, escaped: false))
        case .unquoted:
            fields.append(FieldRange(start: c.fieldStart, end: end, quoted: false, escaped: c.fieldEscaped))
        case .closingQuote:
            fields.append(FieldRange(start: c.fieldStart, end: end - 1, quoted: true, escaped: c.fieldEscaped))
        }
        c.pos = end
        try endRecord(0, base, &c, body)
    }

    private func makeRecord(_ base: UnsafePointer<UInt8>, _ c: Cursor) -> TableRecord {
        TableRecord(
            base: base, fields: fields, start: c.recordStart, number: c.rows + 1, line: c.recordLine,
            bufferOrigin: dropped, dialect: dialect, inputName: inputName)
    }

    private func endRecord(
        _ terminator: UInt8, _ base: UnsafePointer<UInt8>, _ c: inout Cursor, _ body: (TableRecord) throws -> Void
    ) throws {
        try body(makeRecord(base, c))
        c.rows += 1
        fields.removeAll(keepingCapacity: true)
        c.line += 1
        c.recordLine = c.line
        c.skipLF = terminator == 0x0D
        c.recordStart = c.pos
        c.state = .fieldStart
    }
}

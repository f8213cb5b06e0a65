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

    private var pending: [UInt8] = []
    private var dropped = 0
    private var bomChecked = false
    private var state = State.fieldStart
    private var pos = 0
    private var recordStart = 0
    private var fieldStart = 0
    private var fieldQuoted = false
    private var fieldEscaped = false
    private var fields: [FieldRange] = []
    private var skipLF = false
    private var line = 1
    private var recordLine = 1
    private var rows = 0

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
        let cut = recordStart
        guard cut > 0 else { return }
        pending.removeFirst(cut)
        dropped += cut
        pos -= cut
        recordStart = 0
        fieldStart -= cut
        for i in fields.indices {
            fields[i].start -= cut
            fields[i].end -= cut
        }
    }

    /// Drops a leading UTF-8 byte-order mark; false while too few bytes have come to tell.
    private func checkBOM(atEnd: Bool) -> Bool {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if pending.count < 3 && !atEnd && pending.elementsEqual(bom.prefix(pending.count)) { return false }
        if pending.starts(with: bom) {
            pending.removeFirst(3)
            dropped += 3
        }
        bomChecked = true
        return true
    }

    private func scan(atEnd: Bool, _ body: (TableRecord) throws -> Void) throws {
        if !bomChecked && !checkBOM(atEnd: atEnd) { return }
        try pending.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let end = buffer.count
            let delimiter = dialect.delimiter
            let csv = dialect == .csv
            let quote = UInt8(ascii: "\"")
            let backslash = UInt8(ascii: "\\")
            let maxSpecial: UInt8 = csv ? 0x2C : 0x5C
            scanning: while pos < end {
                if skipLF {
                    skipLF = false
                    if base[pos] == 0x0A {
                        pos += 1
                        recordStart = pos
                        continue
                    }
                }
                switch state {
                case .fieldStart:
                    fieldStart = pos
                    fieldEscaped = false
                    fieldQuoted = csv && base[pos] == quote
                    if fieldQuoted {
                        pos += 1
                        fieldStart = pos
                        state = .quoted
                    } else {
                        state = .unquoted
                    }
                case .unquoted:
                    var p = pos
                    while p < end {
                        let b = base[p]
                        if b <= maxSpecial {
                            if b == delimiter || b == 0x0A || b == 0x0D { break }
                            if b == backslash && !csv { fieldEscaped = true }
                        }
                        p += 1
                    }
                    pos = p
                    if p == end { break scanning }
                    let b = base[p]
                    fields.append(FieldRange(start: fieldStart, end: p, quoted: false, escaped: fieldEscaped))
                    pos = p + 1
                    if b == delimiter { state = .fieldStart } else { try endRecord(b, base, body) }
                case .quoted:
                    var p = pos
                    while p < end {
                        let b = base[p]
                        if b == quote { break }
                        if b == 0x0A { line += 1 }
                        p += 1
                    }
                    pos = p
                    if p == end { break scanning }
                    pos = p + 1
                    state = .closingQuote
                case .closingQuote:
                    let b = base[pos]
                    if b == quote {
                        fieldEscaped = true
                        pos += 1
                        state = .quoted
                    } else if b == delimiter || b == 0x0A || b == 0x0D {
                        fields.append(FieldRange(start: fieldStart, end: pos - 1, quoted: true, escaped: fieldEscaped))
                        pos += 1
                        if b == delimiter { state = .fieldStart } else { try endRecord(b, base, body) }
                    } else {
                        let record = makeRecord(base)
                        throw record.error(
                            .syntax,
                            "row \(rows + 1), column \(columnName(fields.count)): unexpected character after a closing quote "
                                + "(a quote inside a quoted field must be doubled: \"\")",
                            at: pos)
                    }
                }
            }
            if atEnd {
                try finishRecord(base, end: end, body)
            } else if pos - recordStart > maxRecordBytes {
                let record = makeRecord(base)
                let hint = state == .quoted ? " (an unterminated quote?)" : ""
                throw record.error(
                    .syntax, "row \(rows + 1) is longer than \(maxRecordBytes) bytes\(hint)",
                    at: state == .quoted ? fieldStart - 1 : recordStart)
            }
        }
    }

    private func finishRecord(_ base: UnsafePointer<UInt8>, end: Int, _ body: (TableRecord) throws -> Void) throws {
        switch state {
        case .quoted:
            let record = makeRecord(base)
            throw record.error(
                .syntax,
                "row \(rows + 1), column \(columnName(fields.count)): unterminated quote (the quoted field runs to the end of the input)",
                at: fieldStart - 1)
        case .fieldStart:
            guard !fields.isEmpty else { return }
            fields.append(FieldRange(start: end, end: end, quoted: false, escaped: false))
        case .unquoted:
            fields.append(FieldRange(start: fieldStart, end: end, quoted: false, escaped: fieldEscaped))
        case .closingQuote:
            fields.append(FieldRange(start: fieldStart, end: end - 1, quoted: true, escaped: fieldEscaped))
        }
        pos = end
        try endRecord(0, base, body)
    }

    private func makeRecord(_ base: UnsafePointer<UInt8>) -> TableRecord {
        TableRecord(
            base: base, fields: fields, start: recordStart, number: rows + 1, line: recordLine,
            bufferOrigin: dropped, dialect: dialect, inputName: inputName)
    }

    private func endRecord(_ terminator: UInt8, _ base: UnsafePointer<UInt8>, _ body: (TableRecord) throws -> Void) throws {
        try body(makeRecord(base))
        rows += 1
        fields.removeAll(keepingCapacity: true)
        line += 1
        recordLine = line
        skipLF = terminator == 0x0D
        recordStart = pos
        state = .fieldStart
    }
}

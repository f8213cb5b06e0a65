import CorpusModel

/// Cuts an input into lines as chunks arrive, without holding more than one line
/// (plus one chunk) in memory. Line ends: LF, or CR LF (the CR is dropped).
struct LineStream {
    private var carry: [UInt8] = []
    private(set) var lineNumber = 0
    private var atStart = true
    /// Longest line accepted, so a file without newlines cannot fill memory.
    let maxLineBytes: Int

    init(maxLineBytes: Int) { self.maxLineBytes = maxLineBytes }

    /// Calls `body` with each complete line in `chunk`; the rest waits for the next chunk.
    mutating func feed(
        _ chunk: UnsafeRawBufferPointer, name: String, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void
    ) throws {
        let bytes = chunk.bindMemory(to: UInt8.self)
        var start = 0
        while let nl = bytes[start...].firstIndex(of: 0x0A) {
            if carry.isEmpty {
                try emit(UnsafeBufferPointer(rebasing: bytes[start..<nl]), body)
            } else {
                carry.append(contentsOf: bytes[start..<nl])
                let line = carry
                carry.removeAll(keepingCapacity: true)
                try line.withUnsafeBufferPointer { try emit($0, body) }
            }
            start = nl + 1
        }
        carry.append(contentsOf: bytes[start...])
        if carry.count > maxLineBytes {
            throw CorpusError(.syntax, "line longer than \(maxLineBytes) bytes; is this CoNLL-U?",
                              file: name, location: SourceLocation(line: lineNumber + 1, column: 1))
        }
    }

    /// Sends the last line when the input does not end with a newline.
    mutating func finish(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        guard !carry.isEmpty else { return }
        let line = carry
        carry.removeAll()
        try line.withUnsafeBufferPointer { try emit($0, body) }
    }

    private mutating func emit(_ raw: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        lineNumber += 1
        var line = raw
        if atStart {
            atStart = false
            if line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF {
                line = UnsafeBufferPointer(rebasing: line[3...])
            }
        }
        if let last = line.last, last == 0x0D { line = UnsafeBufferPointer(rebasing: line[..<(line.count - 1)]) }
        try body(line, lineNumber)
    }
}

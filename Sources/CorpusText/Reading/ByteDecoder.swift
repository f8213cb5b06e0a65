import CorpusModel

/// Turns input chunks of any supported encoding into UTF-8 chunks.
///
/// UTF-8 passes through untouched (its BOM dropped); a UTF-16 BOM or a
/// single-byte code page goes through iconv.
struct ByteDecoder {
    private var encoding: TextEncoding
    private let inputName: String
    private var converter: IconvConverter?
    private var started = false
    private var head: [UInt8] = []
    private var convertedAny = false

    init(encoding: TextEncoding, inputName: String) {
        self.encoding = encoding
        self.inputName = inputName
    }

    mutating func decode(_ chunk: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        if !started {
            // Gather 3 bytes to see a BOM even when chunks are tiny.
            head.append(contentsOf: chunk)
            if head.count < 3 { return }
            try start(body)
            return
        }
        try pass(chunk, body)
    }

    /// Hands on what is still held (inputs under 3 bytes) and checks the end.
    mutating func finish(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        if !started && !head.isEmpty { try start(body) }
        try converter?.finish()
    }

    private mutating func start(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        started = true
        var bytes = head
        head = []
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            if encoding == .utf16 {
                throw CorpusError(.encoding, "the input has a UTF-8 byte-order mark but 'utf-16' was chosen", file: inputName,
                                  location: SourceLocation(line: 1, column: 1, byteOffset: 0))
            }
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            if encoding == .utf8 || encoding == .utf16 { encoding = .utf16 }
        } else if encoding == .utf16 {
            throw CorpusError(.encoding, "UTF-16 input needs a byte-order mark (FF FE or FE FF)", file: inputName,
                              location: SourceLocation(line: 1, column: 1, byteOffset: 0))
        }
        if encoding != .utf8 { converter = try IconvConverter(from: encoding.iconvName, inputName: inputName) }
        try bytes.withUnsafeBytes { try pass($0, body) }
    }

    private mutating func pass(_ chunk: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let converter else { return try body(chunk) }
        var out: [UInt8] = []
        try converter.convert(chunk, into: &out)
        if !convertedAny && out.starts(with: [0xEF, 0xBB, 0xBF]) { out.removeFirst(3) }  // iconv may keep U+FEFF
        if !out.isEmpty { convertedAny = true }
        try out.withUnsafeBytes { try body($0) }
    }
}

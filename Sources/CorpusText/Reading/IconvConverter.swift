#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CorpusModel

/// Converts a byte stream to UTF-8 with iconv, chunk by chunk.
///
/// Owns one iconv descriptor (closed in `deinit`). Bytes of a character cut
/// by a chunk boundary are carried over to the next chunk.
final class IconvConverter {
    private let descriptor: iconv_t
    private var carry: [UInt8] = []
    private var consumed = 0
    /// Where the converted text has got to (1-based line and column), so errors read `path:line:col`.
    private var line = 1
    private var column = 1
    private var afterCR = false
    private let sourceName: String
    private let inputName: String

    init(from encoding: String, inputName: String) throws {
        let cd = iconv_open("UTF-8", encoding)
        guard let cd, cd != iconv_t(bitPattern: -1) else {
            throw CorpusError(.usage, "iconv cannot convert from \(encoding) on this system", file: inputName)
        }
        descriptor = cd
        sourceName = encoding
        self.inputName = inputName
    }

    deinit { iconv_close(descriptor) }

    /// Converts `chunk` (plus any carried bytes) and appends UTF-8 to `out`.
    func convert(_ chunk: UnsafeRawBufferPointer, into out: inout [UInt8]) throws {
        var input = carry
        input.append(contentsOf: chunk)
        carry.removeAll(keepingCapacity: true)
        let inputCount = input.count
        var outBuffer = [UInt8](repeating: 0, count: inputCount * 4 + 16)
        let produced: Int
        var left = inputCount
        var status = 0
        var err: Int32 = 0
        (produced, left, status, err) = input.withUnsafeMutableBytes { inRaw in
            outBuffer.withUnsafeMutableBytes { outRaw in
                var inPtr: UnsafeMutablePointer<CChar>? = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outLeft = outRaw.count
                let r = iconv(descriptor, &inPtr, &inLeft, &outPtr, &outLeft)
                let e: Int32 = r == -1 ? errno : 0
                return (outRaw.count - outLeft, inLeft, r, e)
            }
        }
        out.append(contentsOf: outBuffer[0..<produced])
        advance(over: outBuffer[0..<produced])
        let done = inputCount - left
        if status == -1 {
            if err == EINVAL {
                carry = Array(input[done...])  // an incomplete character at the end: wait for more
            } else {
                let offset = consumed + done
                throw CorpusError(
                    .encoding, "byte 0x\(String(input[done], radix: 16, uppercase: true)) is not valid \(sourceName) (byte offset \(offset))",
                    file: inputName, location: SourceLocation(line: line, column: column, byteOffset: offset))
            }
        }
        consumed += done
    }

    /// Fails when the input ended inside a character.
    func finish() throws {
        if !carry.isEmpty {
            throw CorpusError(
                .encoding, "input ends inside a \(sourceName) character (byte offset \(consumed))", file: inputName,
                location: SourceLocation(line: line, column: column, byteOffset: consumed))
        }
    }

    /// Moves the line and column past converted UTF-8 `bytes` (a CR LF pair counts once).
    private func advance(over bytes: ArraySlice<UInt8>) {
        for b in bytes {
            if b == 0x0A {
                if !afterCR { line += 1 }
                column = 1
            } else if b == 0x0D {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            afterCR = b == 0x0D
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CorpusModel

/// Writes one field in a dialect's spelling, straight into the output buffer.
///
/// CSV (RFC 4180): a field is quoted when it holds `"`, `,`, CR or LF, starts
/// or ends with a space or tab (so readers that trim cannot lose them), or is
/// the empty only field of a row (so the row is not a blank line); inner quotes
/// are doubled. TSV: tab, LF, CR and backslash become `\t`, `\n`, `\r`, `\\`.
struct FieldWriter {
    let dialect: TableDialect

    /// Writes a table's first line: an optional byte order mark, then the column names.
    func writeHeader(_ names: [String], bom: Bool, lineEnd: [UInt8], to out: ByteOutput) throws {
        if bom { try out.write([0xEF, 0xBB, 0xBF]) }
        for (i, name) in names.enumerated() {
            if i > 0 { try out.write(byte: dialect.delimiter) }
            try write(name, to: out, onlyField: names.count == 1)
        }
        try out.write(lineEnd)
    }

    func write(_ value: String, to out: ByteOutput, onlyField: Bool = false) throws {
        // Native strings (every value the writers see) lend their bytes without a copy.
        let done: Void? = try value.utf8.withContiguousStorageIfAvailable { bytes in
            switch dialect {
            case .csv: try writeCSV(bytes, to: out, onlyField: onlyField)
            case .tsv: try writeTSV(bytes, to: out)
            }
        }
        if done != nil { return }
        var value = value
        try value.withUTF8 { bytes in
            switch dialect {
            case .csv: try writeCSV(bytes, to: out, onlyField: onlyField)
            case .tsv: try writeTSV(bytes, to: out)
            }
        }
    }

    /// A number in decimal: the same bytes as `write(String(number))`, since
    /// digits and `-` need no quoting or escaping and are never empty.
    func write(number: Int, to out: ByteOutput) throws { try out.write(decimal: number) }

    private func writeCSV(_ bytes: UnsafeBufferPointer<UInt8>, to out: ByteOutput, onlyField: Bool) throws {
        if bytes.isEmpty {
            if onlyField { try out.write(byte: UInt8(ascii: "\"")); try out.write(byte: UInt8(ascii: "\"")) }
            return
        }
        var needsQuotes = Self.isSpace(bytes[0]) || Self.isSpace(bytes[bytes.count - 1])
        var hasQuote = false
        if !needsQuotes, let base = bytes.baseAddress {
            // Bytes before `wordEnd` are looked at one by one; words of eight without
            // `"`, `,`, LF or CR are skipped whole.
            let n = bytes.count
            var i = 0
            var wordEnd = 0
            while i < n {
                if i >= wordEnd {
                    i = Self.skipClean(base, from: i, to: n)
                    wordEnd = i + 8
                    if i >= n { break }
                }
                let b = base[i]
                if b == UInt8(ascii: "\"") {
                    hasQuote = true
                    needsQuotes = true
                    break
                }
                if b == UInt8(ascii: ",") || b == 0x0A || b == 0x0D {
                    // Quoted now; only a `"` in the rest still matters (commas are frequent in prose).
                    needsQuotes = true
                    hasQuote = memchr(base + i, Int32(UInt8(ascii: "\"")), n - i) != nil
                    break
                }
                i += 1
            }
        } else if let base = bytes.baseAddress {
            hasQuote = memchr(base, Int32(UInt8(ascii: "\"")), bytes.count) != nil
        }
        guard needsQuotes else { return try out.write(UnsafeRawBufferPointer(bytes)) }
        try out.write(byte: UInt8(ascii: "\""))
        if hasQuote {
            var runStart = 0
            for i in 0..<bytes.count where bytes[i] == UInt8(ascii: "\"") {
                try out.write(Self.raw(bytes, runStart, i + 1))
                try out.write(byte: UInt8(ascii: "\""))
                runStart = i + 1
            }
            try out.write(Self.raw(bytes, runStart, bytes.count))
        } else {
            try out.write(UnsafeRawBufferPointer(bytes))
        }
        try out.write(byte: UInt8(ascii: "\""))
    }

    private func writeTSV(_ bytes: UnsafeBufferPointer<UInt8>, to out: ByteOutput) throws {
        var runStart = 0
        for i in 0..<bytes.count {
            let b = bytes[i]
            guard b <= 0x5C else { continue }
            let escape: UInt8
            switch b {
            case 0x09: escape = UInt8(ascii: "t")
            case 0x0A: escape = UInt8(ascii: "n")
            case 0x0D: escape = UInt8(ascii: "r")
            case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
            default: continue
            }
            if runStart < i { try out.write(Self.raw(bytes, runStart, i)) }
            try out.write(byte: UInt8(ascii: "\\"))
            try out.write(byte: escape)
            runStart = i + 1
        }
        if runStart < bytes.count { try out.write(Self.raw(bytes, runStart, bytes.count)) }
    }

    private static func raw(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[from..<to]))
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    /// ``ByteScan/skipClean(_:from:to:below:_:_:_:_:_:)`` for the bytes CSV quoting
    /// looks at (`"`, `,`, LF, CR) with three tests a word instead of five: any byte
    /// below 0x0E stops the skip (LF and CR, and the rare other controls, which the
    /// byte loop then passes over). Exact per word, as there.
    @inline(__always)
    private static func skipClean(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        @inline(__always) func hit(_ x: UInt64) -> UInt64 {
            let quote = x ^ (ones &* 0x22)
            let comma = x ^ (ones &* 0x2C)
            return (((x &- ones &* 0x0E) & ~x) | ((quote &- ones) & ~quote) | ((comma &- ones) & ~comma)) & 0x8080_8080_8080_8080
        }
        return ByteScan.firstWord(base, from: start, to: end, where: hit)
    }
}

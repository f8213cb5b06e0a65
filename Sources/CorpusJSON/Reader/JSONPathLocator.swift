import CorpusModel

/// Finds where the value at a decoder's coding path starts in the JSON bytes,
/// so that type errors get a line and column as well as a JSON path.
///
/// Runs only after decoding failed; assumes the bytes are well-formed.
enum JSONPathLocator {
    static func locate(_ path: [any CodingKey], in b: [UInt8]) -> SourceLocation? {
        var i = 0
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }

        func skipSpace() {
            while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        }
        /// Skips a string at `"`, returning its raw content bytes.
        func string() -> ArraySlice<UInt8> {
            let start = i + 1
            i += 1
            while i < b.count, b[i] != 0x22 { i += b[i] == 0x5C ? 2 : 1 }
            defer { i += 1 }
            return b[start..<min(i, b.count)]
        }
        func skipValue() {
            skipSpace()
            guard i < b.count else { return }
            if b[i] == 0x22 { _ = string(); return }
            if b[i] == 0x7B || b[i] == 0x5B {
                var depth = 0
                repeat {
                    switch b[i] {
                    case 0x22: _ = string(); continue
                    case 0x7B, 0x5B: depth += 1
                    case 0x7D, 0x5D: depth -= 1
                    default: break
                    }
                    i += 1
                } while i < b.count && depth > 0
                return
            }
            while i < b.count, ![0x2C, 0x7D, 0x5D, 0x20, 0x0A, 0x0D, 0x09].contains(b[i]) { i += 1 }
        }

        for key in path {
            skipSpace()
            guard i < b.count else { return nil }
            if let index = key.intValue, b[i] == 0x5B {
                i += 1
                for _ in 0..<index {
                    skipValue()
                    skipSpace()
                    guard i < b.count, b[i] == 0x2C else { return nil }
                    i += 1
                }
            } else if b[i] == 0x7B {
                i += 1
                let wanted = Array(key.stringValue.utf8)
                var found = false
                while !found {
                    skipSpace()
                    guard i < b.count, b[i] == 0x22 else { return nil }
                    let name = string()
                    skipSpace()
                    guard i < b.count, b[i] == 0x3A else { return nil }
                    i += 1
                    if name.elementsEqual(wanted) {
                        found = true
                    } else {
                        skipValue()
                        skipSpace()
                        guard i < b.count, b[i] == 0x2C else { return nil }
                        i += 1
                    }
                }
            } else {
                return nil
            }
        }
        skipSpace()
        return SourceLocation.of(byteOffset: min(i, b.count), in: b)
    }
}

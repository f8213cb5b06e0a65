#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CorpusKit

/// Turns a command-line input argument into an ``InputSource``.
enum InputArgument {
    /// A file, or stdin for `-`; stdin's first bytes are read ahead so its
    /// format can be sniffed, and replayed to the reader.
    static func open(_ argument: String) -> InputSource {
        guard argument == "-" else { return .file(argument) }
        var prefix: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while prefix.count < 4096 {
            let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            prefix.append(contentsOf: buffer[0..<n])
        }
        return .descriptor(0, prefix: prefix)
    }
}

// corpuskit-json-bench: the model ↔ JSON round trip, CorpusKit's own writer
// and streaming reader against Foundation's JSONEncoder/JSONDecoder on the same
// model values (the model's `Codable` conformance, which maps to the same JSON
// shape), paired A B A B in one process.
//
// usage: corpuskit-json-bench [--pairs N] FILE.json…
//   Each FILE is a CorpusKit JSON file (e.g. `corpuskit convert corpus.txt --to json`);
//   it is read into the model once, then each pair times
//     A: JSONWriter (compact) → bytes → JSONReader → model
//     B: JSONEncoder → bytes → JSONDecoder → model
//   Both round trips are checked to give back the model they started from.
//   Prints per file and for all files: the median ratio B/A with its range
//   (above 1: CorpusKit is faster), median times, and encode/decode MiB/s.
//   The last line, `total RATIO LO HI A_SECONDS B_SECONDS`, is what compare.sh reads.
import CorpusJSON
import CorpusModel
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The top level of a CorpusKit JSON file, for Foundation.
struct CodableFile: Codable {
    var version: Int
    var documents: [Document]
}

/// Seconds of CPU this thread used: steadier than wall-clock time on a shared machine.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

struct Timing {
    var encode = 0.0
    var decode = 0.0
    var total: Double { encode + decode }
}

func ours(_ documents: [Document], check: Bool) throws -> (Timing, Int) {
    var t = Timing()
    let t0 = cpuSeconds()
    let bytes = try JSONWriter().write(documents, options: ["compact": "true"])
    let t1 = cpuSeconds()
    let back = try JSONReader().readDocuments(.bytes(bytes))
    let t2 = cpuSeconds()
    t.encode = t1 - t0
    t.decode = t2 - t1
    if check && back != documents { fatalError("CorpusKit round trip changed the model") }
    return (t, bytes.count)
}

func foundation(_ documents: [Document], check: Bool) throws -> (Timing, Int) {
    var t = Timing()
    let t0 = cpuSeconds()
    let data = try JSONEncoder().encode(CodableFile(version: CorpusJSONFormat.version, documents: documents))
    let t1 = cpuSeconds()
    let back = try JSONDecoder().decode(CodableFile.self, from: data)
    let t2 = cpuSeconds()
    t.encode = t1 - t0
    t.decode = t2 - t1
    if check && back.documents != documents { fatalError("Codable round trip changed the model") }
    return (t, data.count)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var pairs = 3
if let i = arguments.firstIndex(of: "--pairs"), i + 1 < arguments.count {
    pairs = max(1, Int(arguments[i + 1]) ?? 3)
    arguments.removeSubrange(i...(i + 1))
}
guard !arguments.isEmpty else {
    FileHandle.standardError.write(Data("usage: corpuskit-json-bench [--pairs N] FILE.json…\n".utf8))
    exit(2)
}

func mibPerSecond(_ bytes: Int, _ seconds: Double) -> String {
    String(format: "%.0f", Double(bytes) / 1_048_576 / seconds)
}

var totalA = [Double](repeating: 0, count: pairs)
var totalB = [Double](repeating: 0, count: pairs)
print("| input | JSON bytes (ours / Codable) | round trip B/A: median (range) | A: encode, decode (MiB/s) | B: encode, decode (MiB/s) |")
print("| --- | ---: | ---: | --- | --- |")
for path in arguments {
    let documents = try JSONReader().readDocuments(.file(path))
    // One checked warm-up of each side: both give back the model they started from.
    let (_, ourBytes) = try ours(documents, check: true)
    let (_, theirBytes) = try foundation(documents, check: true)
    var a: [Timing] = []
    var b: [Timing] = []
    for p in 0..<pairs {
        a.append(try ours(documents, check: false).0)
        b.append(try foundation(documents, check: false).0)
        totalA[p] += a[p].total
        totalB[p] += b[p].total
    }
    let ratios = zip(a, b).map { $1.total / $0.total }
    let name = URL(fileURLWithPath: path).lastPathComponent
    func f(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }
    print("| \(name) | \(ourBytes) / \(theirBytes) | \(f(median(ratios)))× (\(f(ratios.min()!))–\(f(ratios.max()!))) "
          + "| \(f(median(a.map(\.total)), 3)) s: \(mibPerSecond(ourBytes, median(a.map(\.encode)))), \(mibPerSecond(ourBytes, median(a.map(\.decode)))) "
          + "| \(f(median(b.map(\.total)), 3)) s: \(mibPerSecond(theirBytes, median(b.map(\.encode)))), \(mibPerSecond(theirBytes, median(b.map(\.decode)))) |")
}
let ratios = zip(totalA, totalB).map { $1 / $0 }
print(String(format: "total %.2f %.2f %.2f %.3f %.3f", median(ratios), ratios.min()!, ratios.max()!, median(totalA), median(totalB)))

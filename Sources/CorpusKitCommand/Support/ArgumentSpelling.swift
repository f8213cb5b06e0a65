/// Spellings ArgumentParser cannot express, rewritten before parsing.
enum ArgumentSpelling {
    /// `formats --graph` with no value means `--graph text`.
    static func normalise(_ arguments: [String]) -> [String] {
        guard arguments.first == "formats" else { return arguments }
        var out: [String] = []
        for (i, a) in arguments.enumerated() {
            out.append(a)
            if a == "--graph" {
                let next = i + 1 < arguments.count ? arguments[i + 1] : nil
                if next == nil || next!.hasPrefix("-") { out.append("text") }
            }
        }
        return out
    }
}

/// The MISC column's `SpaceAfter=No` item, kept in ``CorpusModel/Token/spaceAfter`` so that
/// other formats see the spacing, and put back where it was so files round-trip byte for byte.
///
/// Rule (also in `ANNOTATION-MODEL.md`): the writer inserts `SpaceAfter=No` before the first
/// item that sorts after it (byte order). The reader strips it from `misc` only when that rule
/// puts it back in the same place; otherwise `misc` keeps the column as written. The last unit
/// of a sentence (token or range) is different: nothing in the model says what follows a
/// sentence, so its MISC is kept as written and the writer never adds `SpaceAfter=No` there.
enum MiscColumn {
    static let spaceAfterNo = "SpaceAfter=No"

    /// The `|`-separated items, split on scalars (a combining mark after `|` must not hide it).
    static func items(_ column: String) -> [String] {
        column.unicodeScalars.split(separator: "|", omittingEmptySubsequences: false).map { String($0) }
    }

    /// `misc` and `spaceAfter` for a model value from a MISC column (`_` is empty).
    static func read(_ column: String, isLastUnit: Bool) -> (misc: String?, spaceAfter: Bool) {
        if column == "_" { return (nil, true) }
        let items = Self.items(column)
        guard items.contains(spaceAfterNo) else { return (column, true) }
        if isLastUnit { return (column, false) }
        let rest = items.filter { $0 != spaceAfterNo }
        let restJoined = rest.isEmpty ? nil : rest.joined(separator: "|")
        if write(restJoined, spaceAfter: false, isLastUnit: false) == column { return (restJoined, false) }
        return (column, false)
    }

    /// The MISC column for a model value.
    static func write(_ misc: String?, spaceAfter: Bool, isLastUnit: Bool) -> String {
        let misc = misc.flatMap { $0.isEmpty ? nil : $0 }
        if isLastUnit { return misc ?? "_" }
        guard let misc else { return spaceAfter ? "_" : spaceAfterNo }
        var items = Self.items(misc)
        let has = items.contains(spaceAfterNo)
        if spaceAfter && has {
            items.removeAll { $0 == spaceAfterNo }
            return items.isEmpty ? "_" : items.joined(separator: "|")
        }
        if !spaceAfter && !has {
            let at = items.firstIndex { Array($0.utf8).lexicographicallyPrecedes(Array(spaceAfterNo.utf8)) == false } ?? items.count
            items.insert(spaceAfterNo, at: at)
        }
        return items.joined(separator: "|")
    }
}

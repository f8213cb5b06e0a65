/// One surface word of a sentence: a token, or a multiword token standing for
/// a range of tokens (`du` for `de` + `le`). Writers that show the surface
/// (text, TEI, VRT) walk a sentence by these units.
public struct SurfaceUnit: Sendable, Equatable {
    /// 0-based indices into the sentence's tokens.
    public var range: ClosedRange<Int>
    /// The multiword token, or nil for a plain token.
    public var multiword: MultiwordToken?
    /// Whether a space follows the unit in the sentence text.
    public var spaceAfter: Bool

    /// The multiword token's surface form; nil for a plain token.
    public var surface: String? { multiword?.form }

    /// The units of `tokens` in order, with each multiword range (1-based,
    /// inclusive) as one unit; ranges that overlap an earlier one or fall
    /// outside the tokens are ignored.
    public static func units(of tokens: [Token], multiwordTokens: [MultiwordToken]) -> [SurfaceUnit] {
        var out: [SurfaceUnit] = []
        out.reserveCapacity(tokens.count)
        var ranges = multiwordTokens.makeIterator()
        var next = ranges.next()
        var i = 0
        while i < tokens.count {
            while let r = next, r.first - 1 < i { next = ranges.next() }
            if let r = next, r.first - 1 == i, r.last >= r.first, r.last <= tokens.count {
                out.append(SurfaceUnit(range: i...(r.last - 1), multiword: r, spaceAfter: r.spaceAfter))
                i = r.last
                next = ranges.next()
            } else {
                out.append(SurfaceUnit(range: i...i, multiword: nil, spaceAfter: tokens[i].spaceAfter))
                i += 1
            }
        }
        return out
    }
}

/// A named-entity label as ParlaMint's CoNLL-U writes it: `B-ORG` begins an
/// `ORG`, `I-ORG` continues one, `O` or nothing is outside any entity.
public struct EntityLabel: Sendable, Equatable {
    public var begins = false
    public var type: String?

    public init(_ label: String?) {
        guard let label, label.count > 2 else { return }
        if label.hasPrefix("B-") {
            begins = true
            type = String(label.dropFirst(2))
        } else if label.hasPrefix("I-") {
            type = String(label.dropFirst(2))
        }
    }
}

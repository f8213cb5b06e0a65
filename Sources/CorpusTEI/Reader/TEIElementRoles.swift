/// How the reader treats a TEI element inside `<text>` (by local name).
enum TEIElementRole {
    /// Holds blocks, no text of its own (`div`, `body`, `list`, `sp`, `u`, `lg`…); text
    /// found directly in it becomes an implicit paragraph.
    case container
    /// A `div`-like container that counts for heading levels.
    case division
    /// Always a block (`p`, `ab`, `l`, `item`, `head`, `speaker`…); nested inside an
    /// open block it splits that block.
    case block
    /// A block when it sits directly in a container, inline text inside a block
    /// (`quote`, `stage`, `seg`, `label`, `bibl`).
    case blockWhenFree
    /// `note`: a note block; inside another block it becomes its own note block
    /// placed after that block, so its text never runs into a sentence.
    case note
    case sentence
    case token
    /// `lb`, `pb`, `cb`, `milestone`, `space`: a word boundary unless `break="no"`.
    case lineBreak
    /// `choice` or `app`: one reading is kept.
    case choice
    /// Content deliberately dropped: `gap` (its `desc` describes missing text) and
    /// `fw` (forme work: running heads, page numbers, catchwords).
    case dropped
    /// Everything else: its text belongs to the enclosing block (`hi`, `name`, `w` wrappers…).
    case inline

    static func of(_ name: String) -> TEIElementRole {
        if let role = table[name] { return role }
        if name.hasPrefix("div"), name.count == 4, let last = name.last, last.isNumber { return .division }
        return .inline
    }

    private static let table: [String: TEIElementRole] = {
        var t: [String: TEIElementRole] = [:]
        for n in [
            "text", "front", "body", "back", "group", "lg", "sp", "spGrp", "list", "listBibl", "castList",
            "castGroup", "u", "figure", "table", "row", "floatingText", "opener", "closer", "argument",
            "epigraph", "postscript", "docTitle", "titlePage", "set", "performance", "prologue", "epilogue",
            "listPerson", "listPlace", "listOrg", "address", "titleBlock", "lg1",
        ] { t[n] = .container }
        for n in ["div", "div0"] { t[n] = .division }
        for n in [
            "p", "ab", "l", "item", "head", "speaker", "castItem", "dateline", "salute", "signed", "byline",
            "titlePart", "docAuthor", "docDate", "docEdition", "docImprint", "imprimatur", "trailer", "cell",
            "addrLine", "figDesc", "caption", "view", "camera", "sound", "roleDesc",
        ] { t[n] = .block }
        for n in ["quote", "stage", "seg", "label", "bibl", "desc", "q", "said"] { t[n] = .blockWhenFree }
        t["note"] = .note
        t["s"] = .sentence
        t["w"] = .token
        t["pc"] = .token
        for n in ["lb", "pb", "cb", "milestone", "space"] { t[n] = .lineBreak }
        t["choice"] = .choice
        t["app"] = .choice
        t["gap"] = .dropped
        t["fw"] = .dropped
        return t
    }()
}

/// The roles of the element names met last: a document uses a handful of names, and
/// comparing a short name costs far less than hashing it for ``TEIElementRole/of(_:)``.
struct RecentRoles {
    private var names: [String] = []
    private var roles: [TEIElementRole] = []
    private var next = 0
    private static let size = 16

    mutating func role(of name: String) -> TEIElementRole {
        for i in names.indices where names[i] == name { return roles[i] }
        let role = TEIElementRole.of(name)
        if names.count < Self.size {
            names.append(name)
            roles.append(role)
        } else {
            names[next] = name
            roles[next] = role
            next = (next + 1) % Self.size
        }
        return role
    }
}

import CorpusModel

/// Writes a `teiHeader` from ``Metadata`` so that ``TEIReader`` maps it back field by field.
struct TEIHeaderWriter {
    let xml: XMLMarkupWriter
    /// Depth of the `teiHeader` element.
    let depth: Int
    let fileName: String

    func write(_ m: Metadata) throws {
        let d = depth
        try xml.newline(d)
        try xml.start("teiHeader")
        try xml.newline(d + 1)
        try xml.start("fileDesc")

        try xml.newline(d + 2)
        try xml.start("titleStmt")
        try xml.newline(d + 3)
        try xml.element("title", text: m.title ?? "")
        for author in m.authors {
            try xml.newline(d + 3)
            try xml.element("author", text: author)
        }
        try xml.newline(d + 2)
        try xml.end("titleStmt")

        try xml.newline(d + 2)
        try xml.start("publicationStmt")
        try xml.newline(d + 3)
        try xml.start("authority", empty: true)
        if let licence = m.licence {
            try xml.newline(d + 3)
            try xml.start("availability")
            try xml.newline(d + 4)
            try xml.element("licence", text: licence)
            try xml.newline(d + 3)
            try xml.end("availability")
        }
        try xml.newline(d + 2)
        try xml.end("publicationStmt")

        if !m.extra.isEmpty {
            try xml.newline(d + 2)
            try xml.start("notesStmt")
            for pair in m.extra {
                try xml.newline(d + 3)
                try xml.element("note", pair.key.isEmpty ? [] : [("n", pair.key)], text: pair.value)
            }
            try xml.newline(d + 2)
            try xml.end("notesStmt")
        }

        try xml.newline(d + 2)
        try xml.start("sourceDesc")
        try xml.newline(d + 3)
        try xml.element("p", text: m.source ?? "")
        try xml.newline(d + 2)
        try xml.end("sourceDesc")
        try xml.newline(d + 1)
        try xml.end("fileDesc")

        if m.date != nil || m.language != nil {
            try xml.newline(d + 1)
            try xml.start("profileDesc")
            if let date = m.date {
                try xml.newline(d + 2)
                try xml.start("creation")
                try xml.element("date", text: date)
                try xml.end("creation")
            }
            if let language = m.language {
                guard LanguageTag.isWellFormed(language) else {
                    throw CorpusError(.invalid, "document language '\(language)' is not a BCP 47 tag", file: fileName)
                }
                try xml.newline(d + 2)
                try xml.start("langUsage")
                try xml.newline(d + 3)
                try xml.start("language", [("ident", language)], empty: true)
                try xml.newline(d + 2)
                try xml.end("langUsage")
            }
            try xml.newline(d + 1)
            try xml.end("profileDesc")
        }
        try xml.newline(d)
        try xml.end("teiHeader")
    }
}

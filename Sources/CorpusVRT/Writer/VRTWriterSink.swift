import CorpusModel

/// The event sink behind ``VRTWriter``: streams one block at a time.
final class VRTWriterSink: CorpusEventSink {
    private let output: ByteOutput
    private let attributes: [PositionalAttribute]
    private var document: DocumentStart?
    private var textOpen = false
    private var openSpeech: SpeechKey?

    init(output: ByteOutput, attributes: [PositionalAttribute]) {
        self.output = output
        self.attributes = attributes
    }

    func receive(_ event: CorpusEvent) throws {
        switch event {
        case .startDocument(let start):
            try closeText()
            document = start
            try openText(start)
        case .block(let block):
            if !textOpen { try openText(document ?? DocumentStart(id: "doc")) }
            try write(block)
        case .endDocument:
            try closeText()
        }
    }

    func finish() throws {
        try closeText()
        try output.flush()
    }

    // MARK: structures

    private func openText(_ start: DocumentStart) throws {
        let m = start.metadata
        var attributes: [(String, String)] = [("id", start.id)]
        if let title = m.title { attributes.append(("title", title)) }
        if !m.authors.isEmpty { attributes.append(("author", m.authors.joined(separator: "; "))) }
        if let date = m.date { attributes.append(("date", date)) }
        if let language = m.language { attributes.append(("lang", language)) }
        if let source = m.source { attributes.append(("source", source)) }
        if let licence = m.licence { attributes.append(("licence", licence)) }
        let taken = Set(attributes.map(\.0))
        for pair in m.extra where Self.isPlainName(pair.key) && !taken.contains(pair.key) {
            attributes.append((pair.key, pair.value))
        }
        try tag("text", attributes)
        textOpen = true
        document = start
    }

    private func closeText() throws {
        guard textOpen else { return }
        try closeSpeech()
        try output.write("</text>\n")
        textOpen = false
    }

    private func closeSpeech() throws {
        guard openSpeech != nil else { return }
        try output.write("</speech>\n")
        openSpeech = nil
    }

    private func write(_ block: Block) throws {
        let key = SpeechKey(block)
        if key != openSpeech { try closeSpeech() }
        if let key, openSpeech == nil {
            try tag("speech", key.attributes)
            openSpeech = key
        }
        switch block.kind {
        case .heading:
            try note(type: "head", content: block.plainText)
            return
        case .note:
            try note(type: block.attributes.first { $0.key == "note-type" }?.value ?? "-", content: block.plainText)
            return
        case .paragraph, .quote, .listItem:
            break
        }
        guard case .sentences(let sentences) = block.content else {
            throw CorpusError(.structure, "block '\(block.id)' is not split into sentences; VRT needs sentences and tokens", file: output.name)
        }
        var attributes: [(String, String)] = [("id", block.id)]
        let languageName = block.attributes.first { $0.key == "lang" }?.value  // ParlaMint's `French`
        if let lang = block.language ?? languageName ?? document?.metadata.language { attributes.append(("lang", lang)) }
        try tag("p", attributes)
        for sentence in sentences {
            guard let tokens = sentence.tokens else {
                throw CorpusError(.structure, "sentence '\(sentence.id)' has no tokens; VRT needs tokens (convert with tokenization)", file: output.name)
            }
            if tokens.isEmpty { continue }
            try tag("s", [("id", sentence.id)])
            try writeTokens(tokens, multiwordTokens: sentence.multiwordTokens)
            try output.write("</s>\n")
        }
        try output.write("</p>\n")
    }

    private func note(type: String, content: String) throws {
        try output.write("<note type=\"")
        try escaped(type, attribute: true)
        try output.write("\" content=\"")
        try escaped(content, attribute: true)
        try output.write("\"/>\n")
    }

    // MARK: tokens

    private func writeTokens(_ tokens: [Token], multiwordTokens: [MultiwordToken]) throws {
        let columns = VRTTokenColumns(tokens: tokens, attributes: attributes)
        let units = SurfaceUnit.units(of: tokens, multiwordTokens: multiwordTokens)
        var openEntity: String?
        for (u, unit) in units.enumerated() {
            let label = EntityLabel(tokens[unit.range.lowerBound].attribute("ner"))
            if let open = openEntity, label.type == nil || label.begins || label.type != open {
                try output.write("</name>\n")
                openEntity = nil
            }
            if let type = label.type, openEntity == nil {
                try tag("name", [("type", type)])
                openEntity = type
            }
            for (i, value) in columns.values(for: unit.range, surface: unit.surface).enumerated() {
                if i > 0 { try output.write(byte: 0x09) }
                try escaped(value, attribute: false)
            }
            try output.write(byte: 0x0A)
            if !unit.spaceAfter && u < units.count - 1 { try output.write("<g/>\n") }
        }
        if openEntity != nil { try output.write("</name>\n") }
    }

    // MARK: escaping

    private func tag(_ name: String, _ attributes: [(String, String)]) throws {
        try output.write(byte: 0x3C)
        try output.write(name)
        for (key, value) in attributes {
            try output.write(byte: 0x20)
            try output.write(key)
            try output.write("=\"")
            try escaped(value, attribute: true)
            try output.write(byte: 0x22)
        }
        try output.write(">\n")
    }

    /// `&`, `<`, `>` (and `"` in attributes) as entities; TAB, CR and LF, which would break
    /// the line or the columns, as spaces.
    private func escaped(_ s: String, attribute: Bool) throws {
        var s = s
        try s.withUTF8 { bytes in
            var start = 0
            for (i, b) in bytes.enumerated() {
                let replacement: StaticString
                switch b {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22 where attribute: replacement = "&quot;"
                case 0x09, 0x0A, 0x0D: replacement = " "
                default: continue
                }
                if i > start { try output.write(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<i])) }
                try output.write(UnsafeRawBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                start = i + 1
            }
            if bytes.count > start { try output.write(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start...])) }
        }
    }

    /// Whether `key` can be a CWB structural attribute name (`[A-Za-z_][A-Za-z0-9_]*`).
    static func isPlainName(_ key: String) -> Bool {
        guard let first = key.utf8.first, first == 0x5F || (first | 0x20 >= 0x61 && first | 0x20 <= 0x7A) else { return false }
        return key.utf8.allSatisfy { $0 == 0x5F || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
    }
}

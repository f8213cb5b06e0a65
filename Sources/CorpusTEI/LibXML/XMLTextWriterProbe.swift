internal import CLibXML2
import CorpusModel

/// Writes paragraphs and sentences with libxml2's `xmlTextWriter`, for the
/// benchmark that compares it with ``XMLMarkupWriter`` (which the TEI writer uses).
enum XMLTextWriterProbe {
    /// Writes `<p xml:id><s xml:id>…</s>…</p>` for each block into `output`, flushing
    /// libxml2's memory buffer to it after every block; returns nothing, throws on failure.
    static func writeParagraphs(_ blocks: [Block], to output: ByteOutput) throws {
        LibXML.ensureInitialised()
        guard let buffer = xmlBufferCreate() else { throw CorpusError(.io, "xmlBufferCreate failed") }
        defer { xmlBufferFree(buffer) }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else { throw CorpusError(.io, "xmlNewTextWriterMemory failed") }
        defer { xmlFreeTextWriter(writer) }
        xmlTextWriterStartElement(writer, "body")
        for block in blocks {
            xmlTextWriterStartElement(writer, "p")
            xmlTextWriterWriteAttribute(writer, "xml:id", block.id)
            for s in block.sentences {
                xmlTextWriterStartElement(writer, "s")
                xmlTextWriterWriteAttribute(writer, "xml:id", s.id)
                xmlTextWriterWriteString(writer, s.text)
                xmlTextWriterEndElement(writer)
            }
            xmlTextWriterEndElement(writer)
            xmlTextWriterFlush(writer)
            if let content = xmlBufferContent(buffer) {
                try output.write(UnsafeRawBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
            }
            xmlBufferEmpty(buffer)
        }
        xmlTextWriterEndElement(writer)
        xmlTextWriterFlush(writer)
        if let content = xmlBufferContent(buffer) {
            try output.write(UnsafeRawBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
        }
    }
}

extension XMLMarkupWriter {
    /// The same output as ``XMLTextWriterProbe/writeParagraphs(_:to:)``, for the comparison.
    func writeParagraphs(_ blocks: [Block]) throws {
        try start("body")
        for block in blocks {
            try start("p", [("xml:id", block.id)])
            for s in block.sentences { try element("s", [("xml:id", s.id)], text: s.text) }
            try end("p")
        }
        try end("body")
    }
}

import CorpusModel

/// Turns a `tokens` cell (forms joined by one space) back into tokens by
/// finding each form in the sentence text, which restores `spaceAfter`.
enum TokenAlignment {
    /// The tokens, or nil when the forms do not spell the text with single
    /// spaces (the cell is then kept as an attribute instead).
    static func tokens(forms cell: String, text: String) -> [Token]? {
        let forms = cell.split(separator: " ", omittingEmptySubsequences: true)
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        tokens.reserveCapacity(forms.count)
        var cursor = 0
        for form in forms {
            let formScalars = Array(form.unicodeScalars)
            guard cursor + formScalars.count <= scalars.count,
                scalars[cursor..<cursor + formScalars.count].elementsEqual(formScalars)
            else { return nil }
            cursor += formScalars.count
            let space = cursor < scalars.count && scalars[cursor] == " "
            if space { cursor += 1 }
            tokens.append(Token(String(form), kind: kind(of: formScalars), spaceAfter: space))
        }
        return cursor == scalars.count ? tokens : nil
    }

    /// A guess from the form's first character: word, number, punctuation, symbol or other.
    static func kind(of scalars: [Unicode.Scalar]) -> TokenKind {
        TokenKind(guessingFrom: scalars.first)
    }
}

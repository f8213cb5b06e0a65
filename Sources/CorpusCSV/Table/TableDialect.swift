/// The two spellings of a sentence table: RFC 4180 CSV, or TSV with backslash escapes.
///
/// CSV quotes a field that holds a quote, a comma, a line break, or leading or
/// trailing white space, and doubles inner quotes. TSV never quotes: it writes
/// tab, line feed, carriage return and backslash as `\t`, `\n`, `\r`, `\\`, so
/// one line is always one row.
public enum TableDialect: String, Sendable, Equatable, Hashable {
    case csv
    case tsv

    /// The byte between fields: `,` or tab.
    var delimiter: UInt8 { self == .csv ? UInt8(ascii: ",") : UInt8(ascii: "\t") }

    /// The name used in messages and as the format name.
    var name: String { rawValue }
}

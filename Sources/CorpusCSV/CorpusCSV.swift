// CorpusCSV: sentence tables (one row per sentence) in CSV and TSV, both ways.
//
// Table/    the byte-level record scanner and field writer shared by both dialects
// Columns/  the documented column set and the document-metadata cell
// Writer/   events → rows (CSVWriter, TSVWriter)
// Reader/   rows → events (CSVReader, TSVReader)
//
// The table, as written by default:
//
//   doc_id,block_id,block_kind,level,sentence_id,sentence_n,text,doc_meta
//   kz,kz.p1,heading,1,kz.p1.s1,1,Кіріспе,"{""title"":""Тест"",""language"":""kk""}"
//   kz,kz.p2,paragraph,,kz.p2.s1,1,"Бір, екі ""үш"".",
//   kz,kz.p3,note,,,0,,
//   empty,,,,,,,
//
// - One row per sentence, in document order; a header row first.
// - `doc_meta` carries the document's metadata as JSON on its first row only
//   (see MetadataCell), so title, authors, date, language, source, licence
//   and free pairs survive CSV → document without a column per field.
// - A block without sentences is one row with `sentence_n` 0 and empty
//   `sentence_id` and `text`; a document without blocks is one row with an
//   empty `block_id`. Neither vanishes.
// - Unsegmented blocks are refused (the writer requires sentences: the
//   planner segments first). Tokens, block attributes and block languages are
//   written only when asked for (`tokens`, `attr:NAME`, `block_lang`).
// - CSV: RFC 4180; fields with `"`, `,`, CR, LF or edge spaces/tabs are quoted.
//   TSV: never quoted; tab, LF, CR, backslash written as \t \n \r \\.
// - Both stream: memory holds one block (reader) or one row (writer).
import CorpusModel

// CorpusCSV: sentence tables (one row per sentence) in CSV and TSV, both ways.
//
// Table/    the byte-level record scanner and field writer shared by both dialects
// Columns/  the documented column set and the document-metadata cell
// Writer/   events → rows (CSVWriter, TSVWriter)
// Reader/   rows → events (CSVReader, TSVReader)
import CorpusModel

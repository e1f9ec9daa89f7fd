// The common input of the report parser. Every reader (plain text, Markdown, HTML, DOCX, PDF) turns
// its input into a sequence of lines; a line is a list of cells in reading order. A paragraph is a line
// with one cell; a table row is a line with one cell per table cell; a plain-text line split on tabs,
// `|` or runs of spaces is a line with several cells. An empty string is an explicitly blank cell
// (a printed blank, e.g. `| 3 |  | 5 |`), which the parser must report, never read as 0.
export type DocLine = readonly string[];

export interface ReportDocument {
  readonly lines: readonly DocLine[];
  /** What the document was read from, for messages: 'text' | 'markdown' | 'html' | 'docx' | 'pdf'. */
  readonly source: DocumentSource;
}

export type DocumentSource = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

// Readers turn report files (HTML, DOCX, PDF, and via core: Markdown, plain text) into the
// ReportDocument the report parser reads. They do no I/O: callers pass the bytes.
export { ReadError } from './errors.ts';
export type { ReadErrorCode } from './errors.ts';
export { readHtml } from './html.ts';
export { readDocx } from './docx.ts';
export { readPdf } from './pdf.ts';
export { readReportFile } from './read-report-file.ts';
export { decodeText } from './decode-text.ts';

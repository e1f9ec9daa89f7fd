export { ReportTables, Table2, Table3, Table4 } from './ReportTables.tsx';
export type { ReportTablesProps } from './ReportTables.tsx';
export { renderReportHtml } from './render-html.tsx';
export type { RenderHtmlOptions } from './render-html.tsx';
export { renderReportMarkdown } from './render-markdown.ts';
export { renderReportDocx } from './render-docx.ts';
export { renderReportJson } from './render-json.ts';
export { reportTitle } from './report-model.ts';

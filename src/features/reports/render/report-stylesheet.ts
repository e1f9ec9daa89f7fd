// The embedded stylesheet of the standalone HTML report. Font stacks follow the usual government
// document style (仿宋 body, 黑体 headings, 小标宋 title) and end in generic families so that any
// machine renders something readable.
const BODY_FONTS = '"仿宋_GB2312", "仿宋", FangSong, STFangsong, "宋体", SimSun, "Songti SC", serif';
const HEADING_FONTS = '"黑体", SimHei, "Heiti SC", "Source Han Sans SC", "Noto Sans CJK SC", sans-serif';
const TITLE_FONTS = '"方正小标宋简体", "方正小标宋_GBK", "华文中宋", STZhongsong, "宋体", SimSun, serif';

export const REPORT_STYLESHEET = `
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem; font-family: ${BODY_FONTS};
  font-size: 16pt; line-height: 1.75; color: #111; background: #fff; }
h1 { font-family: ${TITLE_FONTS}; font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 1.5em; }
h2 { font-family: ${HEADING_FONTS}; font-size: 16pt; font-weight: normal; margin: 1.2em 0 0.6em; }
p { text-indent: 2em; margin: 0 0 0.4em; }
.report-table { width: 100%; border-collapse: collapse; margin: 0.6em 0 1.2em; font-size: 11pt; line-height: 1.4; }
.report-table caption { font-family: ${HEADING_FONTS}; font-size: 12pt; padding-bottom: 0.3em; }
.report-table th, .report-table td { border: 1px solid #333; padding: 0.25em 0.4em; vertical-align: middle; }
.report-table thead th, .report-table .column-heading th { text-align: center; font-weight: bold; }
.report-table .block-heading th { text-align: left; font-weight: bold; background: #f2f2f2; }
.report-table th.label { text-align: left; font-weight: normal; }
.report-table tr.row-heading th.label, .report-table tr.row-group th.label { font-weight: bold; }
.report-table .depth-1 { padding-left: 1.5em; }
.report-table .depth-2 { padding-left: 3em; }
.report-table td.num { text-align: center; font-variant-numeric: tabular-nums; min-width: 3em; }
.report-table .corner-note { font-size: 9pt; }
.table4 thead th { font-size: 10pt; }
.cell-error { background: #fde0dc; outline: 2px solid #c62828; outline-offset: -2px; }
.cell-warning { background: #fff3cd; outline: 2px dashed #b26a00; outline-offset: -2px; }
@media print {
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  body { max-width: none; padding: 0; font-size: 16pt; }
  h1, h2 { break-after: avoid; page-break-after: avoid; }
  .report-table { font-size: 10.5pt; page-break-inside: auto; }
  .report-table th, .report-table td { border: 0.75pt solid #000; }
  .report-table thead { display: table-header-group; }
  .report-table tr { break-inside: avoid; page-break-inside: avoid; }
  .report-table caption { break-after: avoid; page-break-after: avoid; }
  .cell-error, .cell-warning { outline: none; background: none; }
}
`;

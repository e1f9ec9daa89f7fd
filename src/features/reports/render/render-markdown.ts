// Markdown (GFM) rendering. Every data row is `| <label> | n | … |` with its numbers in column order;
// header rows that carry no numbers (三、本年度办理结果, （三）不予公开 …) are one-cell rows, so that
// they never read as a row of blanks. A blank (null) is an empty cell.
import {
  SECTION_IDS,
  SECTION_TITLES,
  TABLE2_ROW_HEADER,
  TABLE3_COLUMNS,
  TABLE3_CORNER_HEADER,
  TABLE3_LEGAL_PERSON_GROUP,
  TABLE3_NOTE,
  NARRATIVE_SECTION_IDS,
} from '../../../core/report/format.ts';
import type { SectionId } from '../../../core/report/format.ts';
import type { AnnualReport } from '../../../core/report/types.ts';
import {
  formatCell,
  reportTitle,
  sectionParagraphs,
  table2Layout,
  table2Value,
  table3PrintedRows,
  table3Value,
  table4FlatLabel,
  table4Value,
  TABLE4_LEAF_COLUMNS,
} from './report-model.ts';

function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Keeps narrative text from turning into Markdown structure (lists, headings, emphasis, HTML). */
function escapeParagraph(text: string): string {
  const inline = text.replace(/[\\`*_[\]<>|]/g, (char) => `\\${char}`);
  return inline.replace(/^(\s*)(#|>|[-+](?=\s)|\d+(?=[.)]))/u, (_match, space: string, lead: string) =>
    /^\d+$/u.test(lead) ? `${space}${lead}\\` : `${space}\\${lead}`,
  );
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

function separator(labelColumns: number, numberColumns: number): string {
  return `|${[...Array<string>(labelColumns).fill(' --- '), ...Array<string>(numberColumns).fill(' ---: ')].join('|')}|`;
}

function table2(report: AnnualReport): string[] {
  const blocks: string[] = [];
  for (const block of table2Layout(report).blocks) {
    blocks.push(
      `### ${block.label}`,
      '',
      row([TABLE2_ROW_HEADER, ...block.columns]),
      separator(1, block.columns.length),
      ...block.rows.map((label) =>
        row([
          label,
          ...block.columns.map((column) => formatCell(table2Value(report, block.label, label, column))),
        ]),
      ),
      '',
    );
  }
  return blocks;
}

function table3(report: AnnualReport): string[] {
  const header = TABLE3_COLUMNS.map((column, index) =>
    index >= 1 && index <= 5 ? `${TABLE3_LEGAL_PERSON_GROUP}/${column}` : column,
  );
  const lines = [
    TABLE3_NOTE,
    '',
    row([TABLE3_CORNER_HEADER, ...header]),
    separator(1, TABLE3_COLUMNS.length),
  ];
  for (const { row: printed } of table3PrintedRows(report)) {
    const key = printed.key;
    if (key === null) {
      lines.push(row([printed.label]));
      continue;
    }
    lines.push(
      row([printed.label, ...TABLE3_COLUMNS.map((_, index) => formatCell(table3Value(report, key, index)))]),
    );
  }
  lines.push('');
  return lines;
}

function table4(report: AnnualReport): string[] {
  return [
    row(TABLE4_LEAF_COLUMNS.map(table4FlatLabel)),
    separator(0, TABLE4_LEAF_COLUMNS.length),
    row(TABLE4_LEAF_COLUMNS.map((_, index) => formatCell(table4Value(report, index)))),
    '',
  ];
}

function sectionBody(report: AnnualReport, id: SectionId): string[] {
  if (NARRATIVE_SECTION_IDS.includes(id)) {
    return sectionParagraphs(report, id).flatMap((paragraph) => [escapeParagraph(paragraph), '']);
  }
  if (id === '二') return table2(report);
  if (id === '三') return table3(report);
  return table4(report);
}

/** The report as GitHub-flavoured Markdown. */
export function renderReportMarkdown(report: AnnualReport): string {
  const lines = [`# ${escapeParagraph(reportTitle(report))}`, ''];
  for (const id of SECTION_IDS) {
    lines.push(`## ${SECTION_TITLES[id]}`, '', ...sectionBody(report, id));
  }
  while (lines.at(-1) === '') lines.pop();
  return `${lines.join('\n')}\n`;
}

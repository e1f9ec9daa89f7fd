// Writes a report in the plain-text layouts found on government sites, for benchmarks and tests.
import { FORMATS, SECTION_TITLES, TABLE4_COLUMNS } from '../src/core/report/format.ts';
import type { AnnualReport, Cell } from '../src/core/report/types.ts';

export type TextLayout = 'cell-per-line' | 'tabs' | 'pipes' | 'flattened';

function cellText(value: Cell): string {
  return value === null ? '' : String(value);
}

function rowLine(layout: TextLayout, label: string, values: readonly Cell[]): string[] {
  const cells = values.map(cellText);
  switch (layout) {
    case 'cell-per-line':
      return [label, '', ...cells.flatMap((c) => [c, ''])];
    case 'tabs':
      return [[label, ...cells].join('\t')];
    case 'pipes':
      return [`| ${[label, ...cells].join(' | ')} |`];
    case 'flattened':
      return [`${label}${cells.join('')}`];
  }
}

/** The whole report as text in one layout: title, section headings, tables 二 三 四. */
export function reportAsText(report: AnnualReport, layout: TextLayout): string {
  const format = FORMATS[report.format];
  const lines: string[] = [`${report.agency ?? ''}${report.year ?? ''}年政府信息公开工作年度报告`, ''];
  lines.push(SECTION_TITLES.一, report.sections?.一 ?? '（略）', '', SECTION_TITLES.二);
  for (const block of format.table2) {
    lines.push(block.label);
    for (const row of block.rows) {
      const values = block.columns.map((column) => report.table2[block.label]?.[row]?.[column] ?? null);
      lines.push(...rowLine(layout, row, values));
    }
  }
  lines.push('', SECTION_TITLES.三);
  for (const row of format.table3Rows) {
    if (row.key === null) lines.push(row.label);
    else lines.push(...rowLine(layout, row.label, report.table3[row.key] ?? []));
  }
  lines.push('', SECTION_TITLES.四, ...rowLine(layout, TABLE4_COLUMNS.join(' '), report.table4).slice(0));
  lines.push('', SECTION_TITLES.五, report.sections?.五 ?? '（略）', '', SECTION_TITLES.六);
  lines.push(report.sections?.六 ?? '本年度未收取信息处理费。');
  return lines.join('\n');
}

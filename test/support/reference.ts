import { readFileSync } from 'node:fs';
import type { AnnualReport } from '../../src/core/report/types.ts';
import { referenceReportJson, referenceReportText } from './paths.ts';

// The reference report: 沈阳市皇姑区2023年政府信息公开工作年度报告, published 2024-02-18 on the
// Shenyang government website, as scraped (../shared/reference/reports). A public government document.
export const referenceText = readFileSync(referenceReportText, 'utf8');

type ExpectedJson = AnnualReport & { narrative_figures: unknown; source: string };
export const referenceExpected = JSON.parse(readFileSync(referenceReportJson, 'utf8')) as ExpectedJson;

/** The reference report in the interchange shape (without the extra keys of the expected file). */
export function referenceReport(): AnnualReport {
  const { format, year, agency, table2, table3_columns, table3, table4_columns, table4 } = referenceExpected;
  return structuredClone({ format, year, agency, table2, table3_columns, table3, table4_columns, table4 });
}

/**
 * Changes the `cellIndex`-th number after the line whose text is `rowLabel` in the one-cell-per-line
 * reference text, e.g. mutateCell('(一)予以公开', 0, '35').
 */
export function mutateReferenceCell(rowLabel: string, cellIndex: number, value: string): string {
  const lines = referenceText.split('\n');
  const start = lines.findIndex((line) => line.trim() === rowLabel);
  if (start < 0) throw new Error(`label not found: ${rowLabel}`);
  let seen = -1;
  for (let i = start + 1; i < lines.length; i++) {
    if ((lines[i] ?? '').trim() === '') continue;
    seen++;
    if (seen === cellIndex) {
      lines[i] = value;
      return lines.join('\n');
    }
  }
  throw new Error(`cell ${cellIndex} not found after ${rowLabel}`);
}

// Reports for the renderer tests: the published 沈阳市皇姑区 2023 report (2021 format) from the
// shared reference data, and a made-up 2019-format report with blanks, negatives and decimals.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  FORMATS,
  NARRATIVE_SECTION_IDS,
  SECTION_IDS,
  SECTION_TITLES,
  TABLE3_COLUMNS,
  TABLE4_COLUMNS,
  table3Keys,
} from '../../../core/report/format.ts';
import type { SectionId } from '../../../core/report/format.ts';
import type { AnnualReport, Cell } from '../../../core/report/types.ts';

const REFERENCE_DIR = fileURLToPath(new URL('../../../../../shared/reference/reports/', import.meta.url));

/** Section texts of the published report: the lines between one section heading and the next. */
function publishedSections(text: string): Partial<Record<SectionId, string>> {
  const lines = text.split('\n').map((line) => line.trim());
  const starts = SECTION_IDS.map((id) => lines.indexOf(SECTION_TITLES[id]));
  const sections: Partial<Record<SectionId, string>> = {};
  for (const id of NARRATIVE_SECTION_IDS) {
    const index = SECTION_IDS.indexOf(id);
    const start = starts[index] ?? -1;
    if (start < 0) continue;
    const end = starts.slice(index + 1).find((line) => line > start) ?? lines.length;
    sections[id] = lines
      .slice(start + 1, end)
      .filter((line) => line !== '')
      .join('\n');
  }
  return sections;
}

export function referenceReport(): AnnualReport {
  const expected = JSON.parse(
    readFileSync(`${REFERENCE_DIR}shenyang-huanggu-2023.expected.json`, 'utf8'),
  ) as AnnualReport;
  const text = readFileSync(`${REFERENCE_DIR}shenyang-huanggu-2023.txt`, 'utf8');
  return {
    format: expected.format,
    year: expected.year,
    agency: expected.agency,
    table2: expected.table2,
    table3_columns: expected.table3_columns,
    table3: expected.table3,
    table4_columns: expected.table4_columns,
    table4: expected.table4,
    sections: publishedSections(text),
  };
}

/** A 2019-format report whose every cell is distinct, so a misplaced number shows. */
export function report2019(): AnnualReport {
  const table2: AnnualReport['table2'] = {};
  let next = 1;
  for (const block of FORMATS['2019'].table2) {
    const rows: Record<string, Record<string, Cell>> = {};
    for (const row of block.rows) {
      const columns: Record<string, Cell> = {};
      for (const column of block.columns) {
        columns[column] = block.signedColumns.includes(column)
          ? -next
          : next + 0.5 * Number(block.moneyColumns.includes(column));
        next += 1;
      }
      rows[row] = columns;
    }
    table2[block.label] = rows;
  }
  const table3: Record<string, Cell[]> = {};
  table3Keys('2019').forEach((key, rowIndex) => {
    table3[key] = TABLE3_COLUMNS.map((_, columnIndex) => 1000 + rowIndex * 10 + columnIndex);
  });
  return {
    format: '2019',
    year: 2020,
    agency: '某某县人民政府办公室',
    table2,
    table3_columns: [...TABLE3_COLUMNS],
    table3,
    table4_columns: [...TABLE4_COLUMNS],
    table4: TABLE4_COLUMNS.map((_, index) => 500 + index),
  };
}

/** The reference report with a few printed blanks. */
export function reportWithBlanks(): AnnualReport {
  const report = referenceReport();
  const received = report.table3['一、本年新收政府信息公开申请数量'];
  if (received !== undefined) received[3] = null;
  report.table4[7] = null;
  const licence = report.table2['第二十条第（五）项']?.['行政许可'];
  if (licence !== undefined) licence['本年处理决定数量'] = null;
  return report;
}

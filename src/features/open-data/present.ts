// The two shapes of an open-data set: JSON as published, and a long CSV (one number a line) that
// spreadsheets open as UTF-8 thanks to the byte-order mark.
import type { OpenDataSet } from './service.ts';

export const CSV_HEADER = ['单位', '年度', '表', '项目', '指标', '数值'] as const;

/** A CSV field, quoted when needed; text that a spreadsheet would run as a formula is defused. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function openDataCsvRows(data: OpenDataSet): (string | number | null)[][] {
  const lead = [data.unit.name, data.year];
  return [
    ...data.table2.map((cell) => [...lead, '表二', `${cell.block} ${cell.row}`, cell.column, cell.value]),
    ...data.table3.flatMap((row) =>
      data.table3Columns.map((column, index) => [
        ...lead,
        '表三',
        row.row,
        column,
        row.values[index] ?? null,
      ]),
    ),
    ...data.publications.byChannel.map((row) => [
      ...lead,
      '主动公开渠道',
      `${row.kind} ${row.name}`,
      '发布数量',
      row.count,
    ]),
    [...lead, '主动公开渠道', '合计', '发布数量', data.publications.total],
  ];
}

export function openDataCsv(data: OpenDataSet): string {
  const lines = [[...CSV_HEADER], ...openDataCsvRows(data)].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function openDataJson(data: OpenDataSet): string {
  return `${JSON.stringify(
    {
      unit: data.unit,
      year: data.year,
      source: { report: data.report, version: data.reportVersion, format: data.reportFormat },
      table2: data.table2,
      table3: { columns: data.table3Columns, rows: data.table3 },
      publications: data.publications,
    },
    null,
    2,
  )}\n`;
}

// The rollup as an XLSX workbook: one sheet side by side (status, errors, key figures and their change
// against last year), then the summed tables 二, 三 and 四 in the national format's labels.
import ExcelJS from 'exceljs';
import { TABLE3_COLUMNS, TABLE4_COLUMNS } from '../../core/report/format.ts';
import { ROLLUP_STATUS_LABELS, type Rollup } from './service.ts';
import { change, KEY_FIGURE_LABELS, type KeyFigures } from './sum.ts';

const FIGURES = Object.keys(KEY_FIGURE_LABELS) as (keyof KeyFigures)[];

export async function rollupWorkbook(rollup: Rollup): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongkai';
  const overview = workbook.addWorksheet('各单位年报');
  overview.addRow([`${rollup.unit.name}所属单位${rollup.year}年政府信息公开工作年度报告汇总`]);
  overview.addRow([
    '单位',
    '状态',
    '错误数',
    ...FIGURES.flatMap((key) => [KEY_FIGURE_LABELS[key], `${KEY_FIGURE_LABELS[key]}同比增减`]),
  ]);
  for (const entry of rollup.entries) {
    overview.addRow([
      entry.name,
      ROLLUP_STATUS_LABELS[entry.status],
      entry.errors,
      ...FIGURES.flatMap((key) => {
        const current = entry.figures?.[key] ?? null;
        return [current, change(current, entry.previous?.[key] ?? null)];
      }),
    ]);
  }
  overview.getColumn(1).width = 36;

  const table2 = workbook.addWorksheet('表二合计');
  table2.addRow(['项目', '类别', '指标', '合计']);
  for (const [block, rows] of Object.entries(rollup.sum.table2)) {
    for (const [row, columns] of Object.entries(rows)) {
      for (const [column, value] of Object.entries(columns)) table2.addRow([block, row, column, value]);
    }
  }
  const table3 = workbook.addWorksheet('表三合计');
  table3.addRow(['项目', ...TABLE3_COLUMNS]);
  for (const [row, values] of Object.entries(rollup.sum.table3)) table3.addRow([row, ...values]);
  table3.getColumn(1).width = 48;
  const table4 = workbook.addWorksheet('表四合计');
  table4.addRow([...TABLE4_COLUMNS]);
  table4.addRow([...rollup.sum.table4]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// The sum of several reports' tables 二, 三 and 四, cell by cell, and the key figures a rollup shows.
// Pure: the rollup service hands in the reports it gathered.
import { TABLE3_COLUMNS, TABLE4_COLUMNS } from '../../core/report/format.ts';
import type { AnnualReport, Cell } from '../../core/report/types.ts';

export interface SummedTables {
  readonly table2: Record<string, Record<string, Record<string, Cell>>>;
  readonly table3: Record<string, Cell[]>;
  readonly table4: Cell[];
}

/** A sum of cells: empty cells are left out; the sum of only empty cells stays empty. */
function add(a: Cell | undefined, b: Cell | undefined): Cell {
  if (a === null || a === undefined) return b ?? null;
  if (b === null || b === undefined) return a;
  return a + b;
}

function addRows(target: Cell[], row: readonly Cell[]): Cell[] {
  const length = Math.max(target.length, row.length);
  return Array.from({ length }, (_, index) => add(target[index], row[index]));
}

export function sumTables(reports: readonly AnnualReport[]): SummedTables {
  const table2: Record<string, Record<string, Record<string, Cell>>> = {};
  const table3: Record<string, Cell[]> = {};
  let table4: Cell[] = Array.from({ length: TABLE4_COLUMNS.length }, () => null);
  for (const report of reports) {
    for (const [block, rows] of Object.entries(report.table2)) {
      const targetBlock = (table2[block] ??= {});
      for (const [row, columns] of Object.entries(rows)) {
        const targetRow = (targetBlock[row] ??= {});
        for (const [column, value] of Object.entries(columns)) {
          targetRow[column] = add(targetRow[column], value);
        }
      }
    }
    for (const [row, values] of Object.entries(report.table3)) {
      table3[row] = addRows(table3[row] ?? Array.from({ length: TABLE3_COLUMNS.length }, () => null), values);
    }
    table4 = addRows(table4, report.table4);
  }
  return { table2, table3, table4 };
}

export const RECEIVED_ROW = '一、本年新收政府信息公开申请数量';
export const CARRIED_ROW = '四、结转下年度继续办理';
const TOTAL = TABLE3_COLUMNS.length - 1;

export interface KeyFigures {
  /** 本年新收申请 */
  readonly received: number | null;
  /** 结转下年度继续办理 */
  readonly carriedOver: number | null;
  /** 行政复议 total */
  readonly reviews: number | null;
  /** 行政诉讼 totals (直接起诉 and 复议后起诉) */
  readonly lawsuits: number | null;
}

export const KEY_FIGURE_LABELS: Readonly<Record<keyof KeyFigures, string>> = {
  received: '本年新收申请',
  carriedOver: '结转下年度',
  reviews: '行政复议',
  lawsuits: '行政诉讼',
};

export function keyFigures(report: AnnualReport): KeyFigures {
  const total = (row: string) => report.table3[row]?.[TOTAL] ?? null;
  const at = (column: string) => report.table4[TABLE4_COLUMNS.indexOf(column)] ?? null;
  return {
    received: total(RECEIVED_ROW),
    carriedOver: total(CARRIED_ROW),
    reviews: at('行政复议/总计'),
    lawsuits: add(at('未经复议直接起诉/总计'), at('复议后起诉/总计')),
  };
}

/** Change against last year's figure; null when either is unknown. */
export function change(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : current - previous;
}

// Walks the three tables of a report: reports missing or malformed statutory rows and columns
// (completeness.*), blank cells (value.blank) and ill-typed values (value.type), and hands the sum
// checks only the values that are usable. The JSON may come from anywhere, so nothing is trusted.
import {
  FORMATS,
  TABLE3_COLUMNS,
  TABLE4_COLUMNS,
  table3Keys,
  type FormatId,
  type Table2Block,
} from '../format.ts';
import type { AnnualReport, Finding, TableId } from '../types.ts';
import { describeKind, judgeCell, type ValueKind } from './cell-values.ts';
import { describePlace, makeFinding, quote, showValue, table2RowKey, type Place } from './finding.ts';

/** Usable values; `undefined` where a cell is blank, ill-typed or missing (already reported). */
export interface ReadTables {
  /** Statutory row key → 7 values in TABLE3_COLUMNS order. */
  readonly table3: ReadonlyMap<string, readonly (number | undefined)[]>;
  /** 15 values in TABLE4_COLUMNS order. */
  readonly table4: readonly (number | undefined)[];
  readonly table2: (block: string, row: string, column: string) => number | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasKey(record: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

class TableReader {
  readonly findings: Finding[] = [];

  /** Judges one cell, reports it if unusable, and returns the usable value. */
  cell(place: Place, value: unknown, kind: ValueKind): number | undefined {
    const verdict = judgeCell(value, kind);
    if (verdict.kind === 'ok') return verdict.value;
    const where = describePlace(place);
    if (verdict.kind === 'blank') {
      this.findings.push(
        makeFinding('value.blank', place, null, null, `${where}为空白；空白不等于0，无数据时应填0。`),
      );
    } else {
      const actual = typeof value === 'number' && Number.isFinite(value) ? value : null;
      this.findings.push(
        makeFinding(
          'value.type',
          place,
          null,
          actual,
          `${where}的值${showValue(value)}${verdict.reason}，${describeKind(kind)}。`,
        ),
      );
    }
    return undefined;
  }

  columnHeaders(table: TableId, actual: unknown, statutory: readonly string[]): boolean {
    const columns: unknown[] = Array.isArray(actual) ? actual : [];
    let ok = Array.isArray(actual) && columns.length === statutory.length;
    statutory.forEach((label, index) => {
      const found = columns[index];
      if (found === label) return;
      ok = false;
      const shown =
        found === undefined ? '缺失' : `为${typeof found === 'string' ? quote(found) : showValue(found)}`;
      this.findings.push(
        makeFinding(
          'completeness.column',
          { table, row: null, column: label },
          null,
          null,
          `表${table}第${index + 1}列应为${quote(label)}，实际${shown}。`,
        ),
      );
    });
    if (columns.length > statutory.length) {
      this.findings.push(
        makeFinding(
          'completeness.column',
          { table, row: null, column: null },
          statutory.length,
          columns.length,
          `表${table}应有${statutory.length}列，实有${columns.length}列。`,
        ),
      );
    }
    return ok;
  }

  nonstandard(table: TableId, row: string, format: FormatId): void {
    this.findings.push(
      makeFinding(
        'format.nonstandard-row',
        { table, row, column: null },
        null,
        null,
        `表${table}${quote(row)}不属于${FORMATS[format].source}规定的格式，未参与校验。`,
      ),
    );
  }
}

function readTable3(reader: TableReader, report: AnnualReport): Map<string, (number | undefined)[]> {
  const columnsOk = reader.columnHeaders('三', report.table3_columns, TABLE3_COLUMNS);
  const table3: unknown = report.table3;
  const rows = isRecord(table3) ? table3 : {};
  const keys = table3Keys(report.format);
  const usable = new Map<string, (number | undefined)[]>();
  for (const key of keys) {
    const values: unknown = rows[key];
    const place: Place = { table: '三', row: key, column: null };
    if (values === undefined) {
      reader.findings.push(makeFinding('completeness.row', place, null, null, `表三缺少${quote(key)}行。`));
      continue;
    }
    if (!Array.isArray(values) || values.length !== TABLE3_COLUMNS.length) {
      const count = Array.isArray(values) ? values.length : null;
      reader.findings.push(
        makeFinding(
          'completeness.row',
          place,
          TABLE3_COLUMNS.length,
          count,
          `${describePlace(place)}应有${TABLE3_COLUMNS.length}个数值，实有${count ?? 0}个。`,
        ),
      );
      continue;
    }
    const cells = TABLE3_COLUMNS.map((column, index) =>
      reader.cell({ table: '三', row: key, column }, values[index], 'count'),
    );
    // With unexpected column headers the position of a value says nothing reliable about its meaning.
    usable.set(key, columnsOk ? cells : cells.map(() => undefined));
  }
  for (const key of Object.keys(rows)) {
    if (!keys.includes(key)) reader.nonstandard('三', key, report.format);
  }
  return usable;
}

function readTable4(reader: TableReader, report: AnnualReport): (number | undefined)[] {
  const none = TABLE4_COLUMNS.map(() => undefined);
  const headers: unknown = report.table4_columns;
  const headersOk = headers === undefined || reader.columnHeaders('四', headers, TABLE4_COLUMNS);
  const values: unknown = report.table4;
  if (!Array.isArray(values) || values.length !== TABLE4_COLUMNS.length) {
    const count = Array.isArray(values) ? values.length : null;
    reader.findings.push(
      makeFinding(
        'completeness.column',
        { table: '四', row: null, column: null },
        TABLE4_COLUMNS.length,
        count,
        `表四应有${TABLE4_COLUMNS.length}个数值，实有${count ?? 0}个。`,
      ),
    );
    return none;
  }
  const cells = TABLE4_COLUMNS.map((column, index) =>
    reader.cell({ table: '四', row: null, column }, values[index], 'count'),
  );
  return headersOk ? cells : none;
}

function kindOf(block: Table2Block, column: string): ValueKind {
  if (block.moneyColumns.includes(column)) return 'money';
  if (block.signedColumns.includes(column)) return 'signed';
  return 'count';
}

function readTable2(reader: TableReader, report: AnnualReport): Map<string, number | undefined> {
  const table2: unknown = report.table2;
  const blocks = isRecord(table2) ? table2 : {};
  const usable = new Map<string, number | undefined>();
  const statutory = FORMATS[report.format].table2;
  for (const block of statutory) {
    const rowsValue = blocks[block.label];
    if (!isRecord(rowsValue)) {
      reader.findings.push(
        makeFinding(
          'completeness.row',
          { table: '二', row: block.label, column: null },
          null,
          null,
          `表二缺少${quote(block.label)}。`,
        ),
      );
      continue;
    }
    for (const row of block.rows) {
      const rowKey = table2RowKey(block.label, row);
      const cellsValue = rowsValue[row];
      if (!isRecord(cellsValue)) {
        const place: Place = { table: '二', row: rowKey, column: null };
        reader.findings.push(
          makeFinding('completeness.row', place, null, null, `表二缺少${describePlace(place)}。`),
        );
        continue;
      }
      for (const column of block.columns) {
        const place: Place = { table: '二', row: rowKey, column };
        if (!hasKey(cellsValue, column)) {
          reader.findings.push(
            makeFinding('completeness.column', place, null, null, `表二缺少${describePlace(place)}。`),
          );
          continue;
        }
        usable.set(`${rowKey}\u0000${column}`, reader.cell(place, cellsValue[column], kindOf(block, column)));
      }
    }
    for (const row of Object.keys(rowsValue)) {
      if (!block.rows.includes(row)) reader.nonstandard('二', table2RowKey(block.label, row), report.format);
    }
  }
  const labels = statutory.map((block) => block.label);
  for (const label of Object.keys(blocks)) {
    if (!labels.includes(label)) reader.nonstandard('二', label, report.format);
  }
  return usable;
}

/** Reads the tables of a report whose format id is known. */
export function readTables(report: AnnualReport): { tables: ReadTables; findings: Finding[] } {
  const reader = new TableReader();
  const table2 = readTable2(reader, report);
  const table3 = readTable3(reader, report);
  const table4 = readTable4(reader, report);
  return {
    tables: {
      table3,
      table4,
      table2: (block, row, column) => table2.get(`${table2RowKey(block, row)}\u0000${column}`),
    },
    findings: reader.findings,
  };
}

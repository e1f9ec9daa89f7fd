// The arithmetic of the statutory tables (spec cross-checks 1–4). A sum is checked only when every
// value in it is usable: a blank or ill-typed cell is reported on its own and never read as 0.
import {
  T3,
  TABLE3_COLUMNS,
  TABLE3_TOTAL_COLUMN_INDEX,
  TABLE4_GROUPS,
  TABLE4_RESULTS,
  table3Keys,
  table3OutcomeKeys,
  type FormatId,
} from '../format.ts';
import type { Finding } from '../types.ts';
import { describePlace, makeFinding, quote, type Place } from './finding.ts';
import type { ReadTables } from './read-tables.ts';

function sum(values: readonly (number | undefined)[]): number | undefined {
  let total = 0;
  for (const value of values) {
    if (value === undefined) return undefined;
    total += value;
  }
  return total;
}

function cell3(tables: ReadTables, row: string, column: number): number | undefined {
  return tables.table3.get(row)?.[column];
}

const APPLICANT_COLUMNS = TABLE3_COLUMNS.slice(0, TABLE3_TOTAL_COLUMN_INDEX);

function checkBalance(tables: ReadTables): Finding[] {
  const findings: Finding[] = [];
  TABLE3_COLUMNS.forEach((column, index) => {
    const inflow = sum([cell3(tables, T3.received, index), cell3(tables, T3.carriedIn, index)]);
    const outflow = sum([cell3(tables, T3.total, index), cell3(tables, T3.carriedOut, index)]);
    if (inflow === undefined || outflow === undefined || inflow === outflow) return;
    const place: Place = { table: '三', row: null, column };
    findings.push(
      makeFinding(
        't3.balance',
        place,
        inflow,
        outflow,
        `${describePlace(place)}：第三项${quote(T3.total)}与第四项${quote(T3.carriedOut)}之和应为${inflow}` +
          `（第一项${quote(T3.received)}与第二项${quote(T3.carriedIn)}之和），实为${outflow}。`,
      ),
    );
  });
  return findings;
}

function checkOutcomeTotal(tables: ReadTables, format: FormatId): Finding[] {
  const outcomeKeys = table3OutcomeKeys(format);
  const findings: Finding[] = [];
  TABLE3_COLUMNS.forEach((column, index) => {
    const parts = sum(outcomeKeys.map((key) => cell3(tables, key, index)));
    const total = cell3(tables, T3.total, index);
    if (parts === undefined || total === undefined || parts === total) return;
    const place: Place = { table: '三', row: T3.total, column };
    findings.push(
      makeFinding(
        't3.outcome-total',
        place,
        parts,
        total,
        `${describePlace(place)}应为${parts}（各项办理结果之和），实为${total}。`,
      ),
    );
  });
  return findings;
}

function checkRowTotals(tables: ReadTables, format: FormatId): Finding[] {
  const findings: Finding[] = [];
  for (const key of table3Keys(format)) {
    const values = tables.table3.get(key);
    if (values === undefined) continue;
    const parts = sum(values.slice(0, TABLE3_TOTAL_COLUMN_INDEX));
    const total = values[TABLE3_TOTAL_COLUMN_INDEX];
    if (parts === undefined || total === undefined || parts === total) continue;
    const place: Place = { table: '三', row: key, column: TABLE3_COLUMNS[TABLE3_TOTAL_COLUMN_INDEX] };
    findings.push(
      makeFinding(
        't3.row-total',
        place,
        parts,
        total,
        `${describePlace(place)}应为${parts}（${APPLICANT_COLUMNS.join('、')}之和），实为${total}。`,
      ),
    );
  }
  return findings;
}

const RESULT_PARTS = TABLE4_RESULTS.slice(0, -1);
const RESULT_TOTAL = TABLE4_RESULTS[TABLE4_RESULTS.length - 1] ?? '';

function checkTable4Groups(tables: ReadTables): Finding[] {
  const findings: Finding[] = [];
  TABLE4_GROUPS.forEach((group, groupIndex) => {
    const offset = groupIndex * TABLE4_RESULTS.length;
    const parts = sum(RESULT_PARTS.map((_, index) => tables.table4[offset + index]));
    const total = tables.table4[offset + RESULT_PARTS.length];
    if (parts === undefined || total === undefined || parts === total) return;
    const place: Place = { table: '四', row: null, column: `${group}/${RESULT_TOTAL}` };
    findings.push(
      makeFinding(
        't4.group-total',
        place,
        parts,
        total,
        `${describePlace(place)}应为${parts}（${RESULT_PARTS.join('、')}之和），实为${total}。`,
      ),
    );
  });
  return findings;
}

export function checkTableSums(tables: ReadTables, format: FormatId): Finding[] {
  return [
    ...checkBalance(tables),
    ...checkOutcomeTotal(tables, format),
    ...checkRowTotals(tables, format),
    ...checkTable4Groups(tables),
  ];
}

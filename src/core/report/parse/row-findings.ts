import type { Finding, TableId } from '../types.ts';
import { parseFinding } from './findings.ts';
import type { RowValues } from './row-values.ts';
import type { ExtraRow } from './row-slices.ts';
import { MAX_CANDIDATES } from './split-digits.ts';

const MAX_LABEL_IN_MESSAGE = 40;
/** Beyond this many extra rows after one label the text is not a table; more findings add nothing. */
const MAX_EXTRA_ROWS_REPORTED = 10;

export function rowValuesFindings(
  table: TableId,
  row: string,
  expected: number,
  resolved: RowValues,
): Finding[] {
  switch (resolved.kind) {
    case 'ok':
      return [];
    case 'count':
      return [
        parseFinding('parse.count', {
          table,
          row,
          expected,
          actual: resolved.actual,
          message: `表${table}“${row}”应有${expected}个数字，实际读到${resolved.actual}个，无法确定各数字所属的列，已按空白处理`,
        }),
      ];
    case 'ambiguous':
      return [ambiguousFinding(table, row, resolved.raw, resolved.count)];
  }
}

export function ambiguousFinding(table: TableId, row: string, raw: string, count: number | null): Finding {
  const ways = count === null ? `超过${MAX_CANDIDATES}种` : `${count}种`;
  return parseFinding('parse.ambiguous', {
    table,
    row,
    actual: count,
    message: `表${table}“${row}”的数字“${raw}”之间没有分隔，有${ways}可能的拆分方式，无法唯一确定，已按空白处理`,
  });
}

export function extraRowFindings(table: TableId, after: string, rows: readonly ExtraRow[]): Finding[] {
  return rows.slice(0, MAX_EXTRA_ROWS_REPORTED).map((row) => {
    const label =
      row.label.length > MAX_LABEL_IN_MESSAGE ? `${row.label.slice(0, MAX_LABEL_IN_MESSAGE)}…` : row.label;
    return parseFinding('format.nonstandard-row', {
      table,
      row: label,
      message: `表${table}中“${after}”之后的“${label}”不是国家格式规定的行，其数字未计入任何法定行`,
    });
  });
}

export function headerValuesFinding(table: TableId, label: string): Finding {
  return parseFinding('format.nonstandard-row', {
    table,
    row: label,
    message: `表${table}“${label}”是分组标题行，国家格式不在此行填写数字，所填数字已忽略`,
  });
}

// Building findings: severity always comes from the rule catalogue, places are quoted uniformly.
import { RULES, type RuleId } from '../rules.ts';
import type { Finding, TableId } from '../types.ts';

export interface Place {
  readonly table: TableId | null;
  readonly row: string | null;
  readonly column: string | null;
}

export function makeFinding(
  rule: RuleId,
  place: Place,
  expected: number | null,
  actual: number | null,
  message: string,
): Finding {
  return {
    severity: RULES[rule].severity,
    rule,
    table: place.table,
    row: place.row,
    column: place.column,
    expected,
    actual,
    message,
  };
}

export function quote(label: string): string {
  return `“${label}”`;
}

/** 表三“（七）总计”行“自然人”列 / 表二“第二十条第（一）项”“规章”行“本年制发件数”列 / 表四“行政复议/总计”列 */
export function describePlace(place: Place): string {
  let text = place.table === null ? '' : `表${place.table}`;
  if (place.row !== null) {
    if (place.table === '二') {
      const slash = place.row.indexOf('/');
      text +=
        slash < 0
          ? quote(place.row)
          : `${quote(place.row.slice(0, slash))}${quote(place.row.slice(slash + 1))}行`;
    } else {
      text += `${quote(place.row)}行`;
    }
  }
  if (place.column !== null) text += `${quote(place.column)}列`;
  return text;
}

/** A cell value as it should read in a message, whatever the JSON held. */
export function showValue(value: unknown): string {
  if (value === null) return '空白';
  if (value === undefined) return '缺失';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string' || typeof value === 'object') return JSON.stringify(value);
  return typeof value;
}

export function table2RowKey(block: string, row: string): string {
  return `${block}/${row}`;
}

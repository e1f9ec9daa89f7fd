import { RULES } from '../rules.ts';
import type { RuleId } from '../rules.ts';
import type { Finding, TableId } from '../types.ts';

/** The rules the parser itself reports; arithmetic checks belong to checkReport. */
export type ParseRuleId = Extract<
  RuleId,
  | 'parse.ambiguous'
  | 'parse.count'
  | 'format.nonstandard-row'
  | 'format.year-mismatch'
  | 'completeness.section'
>;

export interface FindingFields {
  readonly table: TableId | null;
  readonly row?: string | null;
  readonly column?: string | null;
  readonly expected?: number | null;
  readonly actual?: number | null;
  readonly message: string;
}

export function parseFinding(rule: ParseRuleId, fields: FindingFields): Finding {
  return {
    severity: RULES[rule].severity,
    rule,
    table: fields.table,
    row: fields.row ?? null,
    column: fields.column ?? null,
    expected: fields.expected ?? null,
    actual: fields.actual ?? null,
    message: fields.message,
  };
}

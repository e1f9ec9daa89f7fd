import { SECTION_TITLES, TABLE3_COLUMNS } from '../format.ts';
import type { FormatId, Table3Row } from '../format.ts';
import type { AnnualReport, Cell, Finding } from '../types.ts';
import type { ExpectedLabel } from './expected-labels.ts';
import {
  ambiguousFinding,
  extraRowFindings,
  headerValuesFinding,
  rowValuesFindings,
} from './row-findings.ts';
import type { RowSlice } from './row-slices.ts';
import { nullCells, resolveRowValues } from './row-values.ts';
import type { RowValues } from './row-values.ts';
import { groupTotalsCheck } from './split-digits.ts';
import { narrowByColumns } from './table3-columns.ts';
import type { AmbiguousRow } from './table3-columns.ts';

// Table 三 (applications): 25 rows (2021) or 23 rows (2019) of seven values; every statutory row,
// headers included, must be found, or the report cannot be read.

export type Table3Result =
  | { readonly kind: 'parsed'; readonly table3: AnnualReport['table3']; readonly findings: Finding[] }
  | { readonly kind: 'unreadable'; readonly reason: string };

const COLUMN_COUNT = TABLE3_COLUMNS.length;
const MAX_MISSING_IN_REASON = 3;

export function buildTable3(
  format: FormatId,
  labels: readonly ExpectedLabel[],
  slices: readonly (RowSlice | null)[],
): Table3Result {
  const rows = labels.flatMap((label, index) =>
    label.table === '三' ? [{ row: label.row, slice: slices[index] ?? null }] : [],
  );
  const missing = rows.filter((entry) => entry.slice === null).map((entry) => rowName(entry.row));
  if (missing.length === rows.length) {
    return { kind: 'unreadable', reason: `未找到表三（${SECTION_TITLES['三'].slice(2)}）` };
  }
  if (missing.length > 0) {
    const named = missing.slice(0, MAX_MISSING_IN_REASON).join('、');
    const more = missing.length > MAX_MISSING_IN_REASON ? `等${missing.length}行` : '';
    return { kind: 'unreadable', reason: `表三缺少行：${named}${more}` };
  }

  const findings: Finding[] = [];
  const resolved = new Map<string, RowValues>();
  for (const { row, slice } of rows) {
    if (slice === null) continue;
    findings.push(...extraRowFindings('三', rowName(row), slice.extraRows));
    if (row.key === null) {
      if (slice.values.some((token) => token.value !== null))
        findings.push(headerValuesFinding('三', row.label));
      continue;
    }
    resolved.set(row.key, resolveRowValues(slice.values, COLUMN_COUNT, groupTotalsCheck(COLUMN_COUNT)));
  }

  const table3 = resolveAmbiguousRows(format, resolved, findings);
  return { kind: 'parsed', table3, findings };
}

function resolveAmbiguousRows(
  format: FormatId,
  resolved: ReadonlyMap<string, RowValues>,
  findings: Finding[],
): AnnualReport['table3'] {
  const fixed = new Map<string, Cell[]>();
  const ambiguous: AmbiguousRow[] = [];
  for (const [key, values] of resolved) {
    if (values.kind === 'ok') fixed.set(key, values.cells);
    else if (values.kind === 'ambiguous' && values.candidates.length > 0) {
      ambiguous.push({ key, candidates: values.candidates });
    }
  }
  const narrowed = narrowByColumns(format, fixed, ambiguous);

  const table3: AnnualReport['table3'] = {};
  for (const [key, values] of resolved) {
    const candidates = narrowed.get(key);
    if (values.kind === 'ok') {
      table3[key] = values.cells;
    } else if (values.kind === 'ambiguous' && candidates?.length === 1) {
      table3[key] = candidates[0] ?? nullCells(COLUMN_COUNT);
    } else {
      table3[key] = nullCells(COLUMN_COUNT);
      if (values.kind === 'ambiguous') {
        findings.push(ambiguousFinding('三', key, values.raw, candidates?.length ?? values.count));
      } else {
        findings.push(...rowValuesFindings('三', key, COLUMN_COUNT, values));
      }
    }
  }
  return table3;
}

function rowName(row: Table3Row): string {
  return row.key ?? row.label;
}

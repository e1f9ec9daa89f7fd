import type { ReportFormat } from '../format.ts';
import type { AnnualReport, Cell, Finding } from '../types.ts';
import type { ExpectedLabel } from './expected-labels.ts';
import { parseFinding } from './findings.ts';
import { nullCells, resolveRowValues } from './row-values.ts';
import { extraRowFindings, headerValuesFinding, rowValuesFindings } from './row-findings.ts';
import type { RowSlice } from './row-slices.ts';

// Table 二 (主动公开): blocks by 第二十条第（N）项, rows by label, values in the block's column order.

export interface Table2Result {
  readonly table2: AnnualReport['table2'];
  readonly findings: Finding[];
}

const NO_CONSTRAINT = (): boolean => true;

export function buildTable2(
  format: ReportFormat,
  labels: readonly ExpectedLabel[],
  slices: readonly (RowSlice | null)[],
): Table2Result {
  const table2: AnnualReport['table2'] = {};
  const findings: Finding[] = [];
  for (const block of format.table2) {
    table2[block.label] = {};
  }

  labels.forEach((label, index) => {
    if (label.table !== '二') return;
    const slice = slices[index] ?? null;
    const blockRecord = table2[label.block.label] ?? {};
    if (label.kind === 'block') {
      if (slice === null) return;
      if (slice.values.some((token) => token.value !== null)) {
        findings.push(headerValuesFinding('二', label.block.label));
      }
      findings.push(...extraRowFindings('二', label.block.label, slice.extraRows));
      return;
    }
    const rowKey = `${label.block.label}/${label.row}`;
    const columns = label.block.columns;
    let cells: Cell[] = nullCells(columns.length);
    if (slice === null) {
      findings.push(
        parseFinding('parse.count', {
          table: '二',
          row: rowKey,
          expected: columns.length,
          actual: 0,
          message: `表二未找到“${label.block.label}”中的“${label.row}”行，该行数字按空白处理`,
        }),
      );
    } else {
      const resolved = resolveRowValues(slice.values, columns.length, NO_CONSTRAINT);
      if (resolved.kind === 'ok') cells = resolved.cells;
      findings.push(...rowValuesFindings('二', rowKey, columns.length, resolved));
      findings.push(...extraRowFindings('二', rowKey, slice.extraRows));
    }
    blockRecord[label.row] = Object.fromEntries(
      columns.map((column, position) => [column, cells[position] ?? null]),
    );
    table2[label.block.label] = blockRecord;
  });
  return { table2, findings };
}

export function foundAnyOfTable2(
  labels: readonly ExpectedLabel[],
  slices: readonly (RowSlice | null)[],
): boolean {
  return labels.some((label, index) => label.table === '二' && slices[index] != null);
}

import { TABLE4_COLUMNS, TABLE4_RESULTS } from '../format.ts';
import type { Cell, Finding } from '../types.ts';
import { isHeaderText } from './expected-labels.ts';
import { rowValuesFindings } from './row-findings.ts';
import { nullCells, resolveRowValues } from './row-values.ts';
import { groupTotalsCheck } from './split-digits.ts';
import type { Token, ValueToken } from './tokens.ts';

// Table 四 (review and litigation): one row of 15 values after a header of words only.

export interface Table4Result {
  readonly table4: Cell[];
  readonly findings: Finding[];
}

const DATA_ROW = '表四数据行';

/** Reads the values after `from` (an offset in the matching string) up to `to`. */
export function buildTable4(tokens: readonly Token[], from: number, to: number): Table4Result {
  const values = dataRowValues(tokens, from, to);
  const count = TABLE4_COLUMNS.length;
  const resolved = resolveRowValues(values, count, groupTotalsCheck(TABLE4_RESULTS.length));
  if (resolved.kind === 'ok') return { table4: resolved.cells, findings: [] };
  return { table4: nullCells(count), findings: rowValuesFindings('四', DATA_ROW, count, resolved) };
}

/**
 * The data row: the first run of values holding a number (runs of blanks between header words are
 * merged header cells), continued across header text (the row broken by a page) until 15 values.
 */
function dataRowValues(tokens: readonly Token[], from: number, to: number): ValueToken[] {
  const runs: { values: ValueToken[]; headerBefore: boolean }[] = [];
  let current: ValueToken[] = [];
  let textBefore = '';
  const closeRun = (): void => {
    if (current.length > 0) runs.push({ values: current, headerBefore: isHeaderText(textBefore) });
    current = [];
  };
  for (const token of tokens) {
    if (token.kind === 'text') {
      if (token.start < from) continue;
      if (token.start >= to) break;
      if (current.length > 0) {
        closeRun();
        textBefore = '';
      }
      textBefore += token.norm;
      continue;
    }
    if (token.pos <= from) continue;
    if (token.pos > to) break;
    current.push(token);
  }
  closeRun();

  const first = runs.findIndex((run) => run.values.some((token) => token.value !== null));
  if (first === -1)
    return runs.reduce<ValueToken[]>(
      (longest, run) => (run.values.length > longest.length ? run.values : longest),
      [],
    );
  const values = [...(runs[first]?.values ?? [])];
  for (let index = first + 1; index < runs.length && values.length < TABLE4_COLUMNS.length; index += 1) {
    const run = runs[index];
    if (run === undefined || !run.headerBefore) break;
    for (const item of run.values) values.push(item);
  }
  return values;
}

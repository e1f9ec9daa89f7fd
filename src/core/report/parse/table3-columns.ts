import { T3, TABLE3_COLUMNS, table3OutcomeKeys } from '../format.ts';
import type { FormatId } from '../format.ts';
import type { Cell } from '../types.ts';

// Narrowing the candidate splits of flattened table 三 rows with the column relations of the format:
// 一 + 二 = （七）总计 + 四, and （七）总计 = the sum of the outcome rows, in every column.

/** Combinations of candidates tried at most; beyond that the rows stay ambiguous. */
const MAX_COMBINATIONS = 100_000;

export interface AmbiguousRow {
  readonly key: string;
  readonly candidates: readonly Cell[][];
}

/** For each ambiguous row, the candidates that take part in some assignment satisfying all relations. */
export function narrowByColumns(
  format: FormatId,
  fixed: ReadonlyMap<string, Cell[]>,
  ambiguous: readonly AmbiguousRow[],
): Map<string, Cell[][]> {
  const unchanged = new Map(ambiguous.map((row) => [row.key, [...row.candidates]]));
  const combinations = ambiguous.reduce((product, row) => product * row.candidates.length, 1);
  if (ambiguous.length === 0 || combinations > MAX_COMBINATIONS) return unchanged;

  const outcomeKeys = table3OutcomeKeys(format);
  const current = new Map(fixed);
  const kept = ambiguous.map(() => new Set<number>());
  let solutions = 0;

  const search = (depth: number): void => {
    const row = ambiguous[depth];
    if (row === undefined) {
      if (!satisfiesColumns(current, outcomeKeys)) return;
      solutions += 1;
      ambiguous.forEach((entry, index) =>
        kept[index]?.add(entry.candidates.indexOf(current.get(entry.key) ?? [])),
      );
      return;
    }
    row.candidates.forEach((candidate) => {
      current.set(row.key, candidate);
      search(depth + 1);
    });
    current.delete(row.key);
  };
  search(0);

  // Rows that no assignment satisfies are inconsistent whatever the split: leave them for the checks.
  if (solutions === 0) return unchanged;
  return new Map(
    ambiguous.map((row, index) => [
      row.key,
      row.candidates.filter((_candidate, position) => kept[index]?.has(position) ?? false),
    ]),
  );
}

function satisfiesColumns(rows: ReadonlyMap<string, Cell[]>, outcomeKeys: readonly string[]): boolean {
  for (let column = 0; column < TABLE3_COLUMNS.length; column += 1) {
    const at = (key: string): Cell => rows.get(key)?.[column] ?? null;
    const total = at(T3.total);
    const outcomes = outcomeKeys.map(at);
    if (total !== null && outcomes.every((value) => value !== null)) {
      const sum = outcomes.reduce((acc, value) => acc + value, 0);
      if (sum !== total) return false;
    }
    const received = at(T3.received);
    const carriedIn = at(T3.carriedIn);
    const carriedOut = at(T3.carriedOut);
    if (received !== null && carriedIn !== null && total !== null && carriedOut !== null) {
      if (received + carriedIn !== total + carriedOut) return false;
    }
  }
  return true;
}

import type { Cell } from '../types.ts';
import { splitPieces } from './split-digits.ts';
import type { PartialCheck, SplitPiece } from './split-digits.ts';
import type { ValueToken } from './tokens.ts';

// Turning the values found after a row label into the row's cells.

export type RowValues =
  | { readonly kind: 'ok'; readonly cells: Cell[] }
  /** Several splits of flattened digits fit; `candidates` is empty when there were too many to list. */
  | {
      readonly kind: 'ambiguous';
      readonly candidates: Cell[][];
      readonly count: number | null;
      readonly raw: string;
    }
  | { readonly kind: 'count'; readonly actual: number };

/** A value with more digits than this is certainly several cells run together. */
const MAX_CELL_DIGITS = 12;

export function resolveRowValues(
  values: readonly ValueToken[],
  expected: number,
  check: PartialCheck,
): RowValues {
  const trimmed = withoutSurplusBlanks(values, expected);
  const placeable = trimmed.every(
    (token) => Number.isFinite(token.value ?? 0) && (token.digits?.length ?? 0) <= MAX_CELL_DIGITS,
  );
  if (trimmed.length === expected && placeable) {
    return { kind: 'ok', cells: trimmed.map((token) => token.value) };
  }
  if (expected === 1 && trimmed.length > 1 && allSame(trimmed)) {
    // A merged cell repeated across the columns it spans.
    return { kind: 'ok', cells: [trimmed[0]?.value ?? null] };
  }
  const splittable = trimmed.some((token) => (token.digits?.length ?? 0) > 1);
  if (trimmed.length > expected || !splittable) return { kind: 'count', actual: trimmed.length };

  const pieces: SplitPiece[] = trimmed.map((token) =>
    token.digits !== null && token.digits.length > 1 ? { digits: token.digits } : { fixed: token.value },
  );
  const { candidates, overflow } = splitPieces(pieces, expected, check);
  const raw = trimmed.map((token) => token.raw).join(' ');
  if (candidates.length === 1 && !overflow) return { kind: 'ok', cells: candidates[0] ?? [] };
  if (candidates.length === 0 && !overflow) return { kind: 'count', actual: trimmed.length };
  return overflow
    ? { kind: 'ambiguous', candidates: [], count: null, raw }
    : { kind: 'ambiguous', candidates, count: candidates.length, raw };
}

/**
 * Blank cells beyond the expected count: first those right after the label (label columns merged
 * across several cells), then those at the end (empty columns of a wider table).
 */
function withoutSurplusBlanks(values: readonly ValueToken[], expected: number): readonly ValueToken[] {
  let start = 0;
  let end = values.length;
  while (end - start > expected && values[start]?.value === null) start += 1;
  while (end - start > expected && values[end - 1]?.value === null) end -= 1;
  return start === 0 && end === values.length ? values : values.slice(start, end);
}

function allSame(values: readonly ValueToken[]): boolean {
  const first = values[0]?.value ?? null;
  return first !== null && values.every((token) => token.value === first);
}

export function nullCells(count: number): Cell[] {
  return new Array<Cell>(count).fill(null);
}

// Splitting flattened digit runs (`153002121` printed without separators) into the expected number of
// cells. The enumeration is bounded: a part has at most MAX_PART_DIGITS digits, the search stops after
// MAX_STEPS steps, and at most MAX_CANDIDATES candidates are kept.

export type SplitPiece = { readonly digits: string } | { readonly fixed: number | null };

export interface SplitResult {
  readonly candidates: (number | null)[][];
  /** True when the search stopped at a bound: more candidates may exist. */
  readonly overflow: boolean;
}

/** Called after each part is placed, with the parts so far; false prunes the branch. */
export type PartialCheck = (parts: readonly (number | null)[]) => boolean;

const MAX_PART_DIGITS = 9;
const MAX_STEPS = 200_000;
export const MAX_CANDIDATES = 64;

export function splitPieces(pieces: readonly SplitPiece[], parts: number, check: PartialCheck): SplitResult {
  const candidates: (number | null)[][] = [];
  const values: (number | null)[] = [];
  let steps = 0;
  let overflow = false;

  // Parts still obtainable from pieces[index…] when `offset` digits of pieces[index] are used.
  const bounds = (index: number, offset: number): { min: number; max: number } => {
    let min = 0;
    let max = 0;
    for (let i = index; i < pieces.length; i += 1) {
      const piece = pieces[i];
      if (piece === undefined) continue;
      if ('fixed' in piece) {
        min += 1;
        max += 1;
        continue;
      }
      const remaining = piece.digits.length - (i === index ? offset : 0);
      if (remaining <= 0) continue;
      min += Math.ceil(remaining / MAX_PART_DIGITS);
      max += remaining;
    }
    return { min, max };
  };

  const stopped = (): boolean => overflow;
  const search = (index: number, offset: number): void => {
    if (stopped()) return;
    steps += 1;
    if (steps > MAX_STEPS) {
      overflow = true;
      return;
    }
    const needed = parts - values.length;
    const { min, max } = bounds(index, offset);
    if (needed < min || needed > max) return;
    const piece = pieces[index];
    if (piece === undefined) {
      if (needed === 0) {
        candidates.push([...values]);
        if (candidates.length > MAX_CANDIDATES) overflow = true;
      }
      return;
    }
    if ('fixed' in piece) {
      place(piece.fixed, () => {
        search(index + 1, 0);
      });
      return;
    }
    const digits = piece.digits;
    const longest = Math.min(MAX_PART_DIGITS, digits.length - offset);
    for (let length = 1; length <= longest && !stopped(); length += 1) {
      const part = digits.slice(offset, offset + length);
      if (length > 1 && part.startsWith('0')) break;
      const next = offset + length;
      place(Number(part), () => {
        if (next === digits.length) search(index + 1, 0);
        else search(index, next);
      });
    }
  };

  const place = (value: number | null, continueSearch: () => void): void => {
    values.push(value);
    if (check(values)) continueSearch();
    values.pop();
  };

  search(0, 0);
  return { candidates, overflow };
}

/** A check that each group of `size` consecutive parts ends with the sum of the others (a total). */
export function groupTotalsCheck(size: number): PartialCheck {
  return (parts) => {
    if (parts.length === 0 || parts.length % size !== 0) return true;
    const group = parts.slice(parts.length - size);
    if (group.some((value) => value === null)) return true;
    const total = group[size - 1] ?? 0;
    const sum = group.slice(0, -1).reduce<number>((acc, value) => acc + (value ?? 0), 0);
    return sum === total;
  };
}

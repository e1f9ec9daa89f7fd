import { describe, expect, it } from 'vitest';
import { groupTotalsCheck, splitPieces } from './split-digits.ts';

describe('splitPieces', () => {
  it('splits a flattened table 三 row uniquely by its row total', () => {
    const result = splitPieces([{ digits: '153002121' }], 7, groupTotalsCheck(7));
    expect(result).toEqual({ candidates: [[15, 3, 0, 0, 2, 1, 21]], overflow: false });
  });

  it('lists every split that satisfies the total', () => {
    const result = splitPieces([{ digits: '101000011' }], 7, groupTotalsCheck(7));
    expect(result.candidates).toEqual(
      expect.arrayContaining([
        [10, 1, 0, 0, 0, 0, 11],
        [1, 0, 10, 0, 0, 0, 11],
      ]),
    );
    expect(result.overflow).toBe(false);
  });

  it('does not give a part a leading zero', () => {
    expect(splitPieces([{ digits: '0000' }], 4, () => true).candidates).toEqual([[0, 0, 0, 0]]);
    expect(splitPieces([{ digits: '05' }], 1, () => true).candidates).toEqual([]);
  });

  it('keeps fixed pieces (blanks, decimals) as single parts', () => {
    const result = splitPieces([{ fixed: null }, { digits: '12' }], 3, () => true);
    expect(result.candidates).toEqual([[null, 1, 2]]);
  });

  it('checks each group of table 四 as it goes', () => {
    const result = splitPieces([{ digits: '212050011210012' }], 15, groupTotalsCheck(5));
    expect(result.candidates).toEqual([[2, 1, 2, 0, 5, 0, 0, 1, 1, 2, 1, 0, 0, 1, 2]]);
  });

  it('stays bounded on long digit strings', () => {
    const started = performance.now();
    const long = splitPieces([{ digits: '1'.repeat(60) }], 7, groupTotalsCheck(7));
    const many = splitPieces([{ digits: '123456789'.repeat(4) }], 15, () => true);
    expect(long.candidates).toEqual([]);
    expect(many.overflow).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

import { describe, expect, it } from 'vitest';
import { categoryFacet, facetTokens, genreFacet, itemIdOfKey, rankByTitleHits, searchKey } from './order.ts';

describe('search keys', () => {
  it('orders by publication date, then by item id, and gives the item id back', () => {
    const keys = [
      searchKey('2023-12-31', 4_000_000_000),
      searchKey('2024-01-01', 1),
      searchKey('2024-01-01', 2),
      searchKey('2026-06-01', 7),
    ];
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);
    expect(keys.map(itemIdOfKey)).toEqual([4_000_000_000, 1, 2, 7]);
    expect(keys.every(Number.isSafeInteger)).toBe(true);
  });

  it('refuses an id the key cannot hold and a date that does not exist', () => {
    expect(() => searchKey('2024-01-01', 2 ** 32)).toThrow(RangeError);
    expect(() => searchKey('2024-01-01', 0)).toThrow(RangeError);
    expect(() => searchKey('2024-02-30', 1)).toThrow('publishedOn');
  });
});

describe('facet tokens', () => {
  it('writes unit, year, category and genre as single letter-and-hex tokens', () => {
    expect(categoryFacet('a20-01')).toBe('c6132302D3031');
    expect(genreFacet('通知')).toBe('gE9809AE79FA5');
    expect(facetTokens({ unitId: 12, publishedYear: 2023, categoryCode: 'a20-01', genre: '通知' })).toBe(
      'u12 y2023 c6132302D3031 gE9809AE79FA5',
    );
    expect(facetTokens({ unitId: 1, publishedYear: 2024, categoryCode: null, genre: null })).toBe('u1 y2024');
  });
});

describe('ranking by title hits', () => {
  it('puts more title hits first, then the higher key, and stops at the count', () => {
    const termA = [5, 9, 30, 2];
    const termB = [9, 2, 40];
    expect(rankByTitleHits([termA, termB], 10)).toEqual([
      { key: 9, rank: 2 },
      { key: 2, rank: 2 },
      { key: 40, rank: 1 },
      { key: 30, rank: 1 },
      { key: 5, rank: 1 },
    ]);
    expect(rankByTitleHits([termA, termB], 3).map((entry) => entry.key)).toEqual([9, 2, 40]);
  });

  it('gives nothing for no hits, and sorts keys as numbers, not as text', () => {
    expect(rankByTitleHits([[], []], 20)).toEqual([]);
    expect(rankByTitleHits([[10, 9, 100]], 3).map((entry) => entry.key)).toEqual([100, 10, 9]);
  });
});

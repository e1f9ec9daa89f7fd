// The order of search results and how SQLite's index serves it without reading a row per match.
// Results come by the number of query terms found in the title (more first), then the newest publication,
// then the highest item id. On SQLite the full-text row id is the search key below, so the row id order
// is the date-then-id order, the filters are tokens of their own column, and a page is put together from
// lists of row ids alone (rankByTitleHits); PostgreSQL sorts the same keys in SQL.
import { dayNumberOf, type PlainDate } from '../calendar/plain-date.ts';

const ID_SPAN = 2 ** 32;

/** Day number × 2³² + item id: ordered by publication date, then by item id (exact in a double). */
export function searchKey(publishedOn: PlainDate, itemId: number): number {
  if (!Number.isInteger(itemId) || itemId < 1 || itemId >= ID_SPAN) {
    throw new RangeError(`item id ${String(itemId)} is outside the search key's range`);
  }
  return dayNumberOf(publishedOn, 'publishedOn') * ID_SPAN + itemId;
}

export function itemIdOfKey(key: number): number {
  return key % ID_SPAN;
}

export interface FacetValues {
  readonly unitId: number;
  readonly publishedYear: number;
  readonly categoryCode: string | null;
  readonly genre: string | null;
}

// Facet tokens are letters and hex digits only, so the full-text tokenizer keeps each one whole; a code or
// a genre in Chinese with punctuation becomes the hex of its UTF-8 bytes (SQLite's hex() gives the same).
const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex').toUpperCase();

export const unitFacet = (unitId: number) => `u${String(unitId)}`;
export const yearFacet = (year: number) => `y${String(year)}`;
export const categoryFacet = (code: string) => `c${hex(code)}`;
export const genreFacet = (genre: string) => `g${hex(genre)}`;

/** The facet column of an item's index row: its unit, year, category and genre as tokens. */
export function facetTokens(values: FacetValues): string {
  return [
    unitFacet(values.unitId),
    yearFacet(values.publishedYear),
    ...(values.categoryCode === null ? [] : [categoryFacet(values.categoryCode)]),
    ...(values.genre === null ? [] : [genreFacet(values.genre)]),
  ].join(' ');
}

export interface RankedKey {
  readonly key: number;
  /** How many query terms the title holds. */
  readonly rank: number;
}

/**
 * The first `count` results from the keys of the matching items whose title holds each term (one list
 * per term; an item in no list has rank 0 and is not here). Highest rank first, then highest key.
 */
export function rankByTitleHits(titleHits: readonly (readonly number[])[], count: number): RankedKey[] {
  const ranks = new Map<number, number>();
  for (const keys of titleHits) for (const key of keys) ranks.set(key, (ranks.get(key) ?? 0) + 1);
  const byRank: number[][] = Array.from({ length: titleHits.length + 1 }, () => []);
  for (const [key, rank] of ranks) byRank[rank]?.push(key);
  const ranked: RankedKey[] = [];
  for (let rank = titleHits.length; rank >= 1 && ranked.length < count; rank -= 1) {
    const keys = Float64Array.from(byRank[rank] ?? [])
      .sort()
      .reverse();
    for (const key of keys) {
      if (ranked.length >= count) break;
      ranked.push({ key, rank });
    }
  }
  return ranked;
}

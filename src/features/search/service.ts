// Full-text search of the published items: the index is kept by the publishing use cases (publish,
// correct, withdraw each call one function here inside their own transaction, whose audit entry covers
// it), and the public search reads it. Searching is open to everyone and not audited.
import type { AppContext } from '../../app-context.ts';
import {
  findCategory,
  STATUTORY_CATEGORIES,
  type StatutoryCategory,
} from '../../core/publishing/categories.ts';
import { MAX_QUERY_LENGTH, tokenList } from '../../core/search/query.ts';
import { snippet, highlight, type Run } from '../../core/search/snippet.ts';
import type { DialectName } from '../../db/dialect.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import {
  clearIndex,
  deleteDocument,
  findIndexable,
  findUnitPath,
  listPublishedIds,
  publishedItemChangedAt,
  searchDocuments,
  searchFacets,
  writeDocument,
  type SearchFacets,
} from './repo.ts';
import { indexTokens, queryTerms } from './tokens.ts';

export const RESULTS_PER_PAGE = 20;
/** Deeper pages are refused: a narrower query serves better than page 51. */
export const MAX_PAGE = 50;

/** Writes (or, for an item no longer published, removes) the item's document. Call inside a transaction. */
export async function indexItem(trx: Executor, dialect: DialectName, itemId: number): Promise<void> {
  const item = await findIndexable(trx, itemId);
  if (item === null) {
    await deleteDocument(trx, dialect, itemId);
    return;
  }
  const title = indexTokens(item.title);
  const text = indexTokens(
    [item.summary, item.body, item.documentNumber ?? '', item.keywords ?? ''].join('\n'),
  );
  await writeDocument(trx, dialect, {
    itemId: item.id,
    unitId: item.unitId,
    categoryCode: item.categoryCode,
    genre: item.genre === null || item.genre.trim() === '' ? null : item.genre.trim(),
    publishedYear: item.publishedYear,
    publishedOn: item.publishedOn,
    titleTokens: tokenList(title),
    textTokens: tokenList(text),
    tokens: [...new Set([...title, ...text])],
  });
}

/** Takes the item out of the index (withdrawal). Call inside a transaction. */
export function removeFromIndex(trx: Executor, dialect: DialectName, itemId: number): Promise<void> {
  return deleteDocument(trx, dialect, itemId);
}

/** Rebuilds the whole index from the published items, in one transaction; returns how many were indexed. */
export async function rebuildSearchIndex(context: AppContext): Promise<number> {
  const { db, dialect } = context.database;
  return inTransaction(db, async (trx) => {
    await clearIndex(trx, dialect);
    const ids = await listPublishedIds(trx);
    for (const id of ids) await indexItem(trx, dialect, id);
    return ids.length;
  });
}

/** The search form as received: every field a string or absent. */
export interface SearchForm {
  readonly q?: unknown;
  readonly unit?: unknown;
  readonly category?: unknown;
  readonly year?: unknown;
  readonly genre?: unknown;
  readonly page?: unknown;
}

export interface SearchFilter {
  readonly q: string;
  readonly unitId: number | null;
  readonly categoryCode: string | null;
  readonly year: number | null;
  readonly genre: string | null;
  readonly page: number;
}

export interface SearchHit {
  readonly itemId: number;
  readonly title: readonly Run[];
  readonly snippet: readonly Run[];
  readonly indexNumber: string;
  readonly documentNumber: string | null;
  readonly publishedOn: string;
  readonly unitName: string;
}

export interface SearchPage {
  readonly filter: SearchFilter;
  /** Set when the query could not be run (too long); the page shows it instead of results. */
  readonly problem: string | null;
  readonly searched: boolean;
  readonly terms: readonly string[];
  readonly total: number;
  readonly pageCount: number;
  readonly hits: readonly SearchHit[];
  readonly facets: SearchFacets;
  readonly categories: readonly StatutoryCategory[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const whole = (value: unknown, pattern: RegExp): number | null => {
  const raw = text(value).trim();
  return pattern.test(raw) ? Number(raw) : null;
};

/** Reads the form leniently: a filter that makes no sense is dropped, never an error. */
export function parseSearchForm(form: SearchForm): SearchFilter {
  const category = text(form.category);
  const genre = text(form.genre).trim();
  const page = whole(form.page, /^\d{1,3}$/) ?? 1;
  return {
    q: text(form.q).trim(),
    unitId: whole(form.unit, /^[1-9]\d{0,14}$/),
    categoryCode: findCategory(category) === undefined ? null : category,
    year: whole(form.year, /^\d{4}$/),
    genre: genre === '' || Array.from(genre).length > 50 ? null : genre,
    page: Math.min(Math.max(page, 1), MAX_PAGE),
  };
}

export async function searchPublished(context: AppContext, form: SearchForm): Promise<SearchPage> {
  const { db, dialect } = context.database;
  const filter = parseSearchForm(form);
  const facets = await searchFacets(db);
  const base = {
    filter,
    facets,
    categories: STATUTORY_CATEGORIES,
    terms: [] as string[],
    total: 0,
    pageCount: 0,
    hits: [] as SearchHit[],
  };
  if (Array.from(filter.q).length > MAX_QUERY_LENGTH) {
    return { ...base, problem: `检索词不能超过 ${MAX_QUERY_LENGTH} 个字，请缩短后重试`, searched: false };
  }
  const terms = queryTerms(filter.q);
  const unitPath = filter.unitId === null ? null : await findUnitPath(db, filter.unitId);
  const anyFilter =
    unitPath !== null || filter.categoryCode !== null || filter.year !== null || filter.genre !== null;
  if (terms.length === 0 && !anyFilter) return { ...base, terms, problem: null, searched: filter.q !== '' };
  const { total, rows } = await searchDocuments(db, dialect, {
    terms,
    unitPath,
    categoryCode: filter.categoryCode,
    year: filter.year,
    genre: filter.genre,
    limit: RESULTS_PER_PAGE,
    offset: (filter.page - 1) * RESULTS_PER_PAGE,
  });
  return {
    ...base,
    problem: null,
    searched: true,
    terms,
    total,
    pageCount: Math.min(Math.ceil(total / RESULTS_PER_PAGE), MAX_PAGE),
    hits: rows.map((row) => ({
      itemId: row.itemId,
      title: highlight(row.title, terms),
      snippet: snippet(row.summary === '' ? row.body : `${row.summary} ${row.body}`, terms),
      indexNumber: row.indexNumber,
      documentNumber: row.documentNumber,
      publishedOn: row.publishedOn,
      unitName: row.unitName,
    })),
  };
}

/** The date of a public disclosure page's content where one is known (an item page: its last change). */
export async function disclosureLastModified(
  context: AppContext,
  route: string | undefined,
  params: unknown,
): Promise<Date | null> {
  if (route !== '/disclosure/items/:id') return null;
  const id = (params as { id?: unknown }).id;
  if (typeof id !== 'string' || !/^\d{1,15}$/.test(id)) return null;
  return publishedItemChangedAt(context.database.db, Number(id));
}

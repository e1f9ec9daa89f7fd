// SQL of the full-text index: writing and removing an item's document, and the search itself. Matching
// is FTS5 on SQLite and a tsvector on PostgreSQL over the same tokens; both order the results by the
// number of query terms in the title, then publication date, then id (core/search/order.ts), so both
// databases answer alike. SQLite's FTS5 row id is the search key, so its search reads row id lists only.
import { sql, type SqlBool } from 'kysely';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import {
  categoryFacet,
  facetTokens,
  genreFacet,
  itemIdOfKey,
  rankByTitleHits,
  searchKey,
  unitFacet,
  yearFacet,
  type RankedKey,
} from '../../core/search/order.ts';
import {
  ftsMatchExpression,
  ftsNoTitleHit,
  ftsTitleHits,
  ftsTitleTier,
  MAX_TIERED_TERMS,
  paddedTerm,
  tsqueryText,
} from '../../core/search/query.ts';
import { toDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';

/** What the index is built from: a published item's searchable fields and its filter values. */
export interface IndexableItem {
  readonly id: number;
  readonly unitId: number;
  readonly categoryCode: string | null;
  readonly genre: string | null;
  readonly publishedYear: number;
  readonly publishedOn: PlainDate;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly documentNumber: string | null;
  readonly keywords: string | null;
}

export interface SearchDocument {
  readonly itemId: number;
  readonly unitId: number;
  readonly categoryCode: string | null;
  readonly genre: string | null;
  readonly publishedYear: number;
  readonly publishedOn: PlainDate;
  /** Space-padded token lists (see tokenList). */
  readonly titleTokens: string;
  readonly textTokens: string;
  /** Every distinct token of the item, for PostgreSQL's tsvector. */
  readonly tokens: readonly string[];
}

/** The item if it is published, else null (a withdrawn or unpublished item has no document). */
export async function findIndexable(db: Executor, itemId: number): Promise<IndexableItem | null> {
  const row = await db
    .selectFrom('publishing_items')
    .select([
      'id',
      'unit_id',
      'category_code',
      'genre',
      'published_year',
      'published_on',
      'title',
      'summary',
      'body',
      'document_number',
      'keywords',
    ])
    .where('id', '=', itemId)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (row === undefined || row.published_year === null || row.published_on === null) return null;
  return {
    id: row.id,
    unitId: row.unit_id,
    categoryCode: row.category_code,
    genre: row.genre,
    publishedYear: row.published_year,
    publishedOn: row.published_on,
    title: row.title,
    summary: row.summary,
    body: row.body,
    documentNumber: row.document_number,
    keywords: row.keywords,
  };
}

/** Ids of every published item, for a rebuild of the index. */
export async function listPublishedIds(db: Executor): Promise<number[]> {
  const rows = await db
    .selectFrom('publishing_items')
    .select('id')
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/** The full-text row id of the item's document on SQLite (its search key), or null without a document. */
async function indexedKey(trx: Executor, itemId: number): Promise<number | null> {
  const row = await trx
    .selectFrom('search_documents')
    .select('published_on')
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return row === undefined ? null : searchKey(row.published_on, itemId);
}

export async function deleteDocument(trx: Executor, dialect: DialectName, itemId: number): Promise<void> {
  if (dialect === 'sqlite') {
    const key = await indexedKey(trx, itemId);
    if (key !== null) await sql`DELETE FROM search_fts WHERE rowid = ${key}`.execute(trx);
  }
  await trx.deleteFrom('search_documents').where('item_id', '=', itemId).execute();
}

export async function clearIndex(trx: Executor, dialect: DialectName): Promise<void> {
  await trx.deleteFrom('search_documents').execute();
  if (dialect === 'sqlite') await sql`INSERT INTO search_fts (search_fts) VALUES ('delete-all')`.execute(trx);
}

/** Replaces the item's document (delete, then insert: both databases, one statement shape). */
export async function writeDocument(trx: Executor, dialect: DialectName, doc: SearchDocument): Promise<void> {
  await deleteDocument(trx, dialect, doc.itemId);
  const values = {
    item_id: doc.itemId,
    unit_id: doc.unitId,
    category_code: doc.categoryCode,
    genre: doc.genre,
    published_year: doc.publishedYear,
    published_on: doc.publishedOn,
    title_tokens: doc.titleTokens,
    text_tokens: doc.textTokens,
  };
  if (dialect === 'postgres') {
    // array_to_tsvector takes the tokens as they are: no parser, no dictionary, nothing re-split.
    await trx
      .insertInto('search_documents')
      .values({
        ...values,
        document:
          doc.tokens.length === 0
            ? sql`''::tsvector`
            : sql`array_to_tsvector(string_to_array(${doc.tokens.join(' ')}, ' '))`,
      } as typeof values)
      .execute();
  } else {
    await trx.insertInto('search_documents').values(values).execute();
    const facets = facetTokens({
      unitId: doc.unitId,
      publishedYear: doc.publishedYear,
      categoryCode: doc.categoryCode,
      genre: doc.genre,
    });
    await sql`INSERT INTO search_fts (rowid, title, body, facets) VALUES (${searchKey(doc.publishedOn, doc.itemId)}, ${doc.titleTokens}, ${doc.textTokens}, ${facets})`.execute(
      trx,
    );
  }
}

export interface SearchQuery {
  readonly terms: readonly string[];
  /** Materialised path of the unit whose subtree is searched, or null for all units. */
  readonly unitPath: string | null;
  readonly categoryCode: string | null;
  readonly year: number | null;
  readonly genre: string | null;
  readonly limit: number;
  readonly offset: number;
}

export interface SearchRow {
  readonly itemId: number;
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly documentNumber: string | null;
  readonly indexNumber: string;
  readonly publishedOn: PlainDate;
  readonly unitName: string;
  /** How many of the query terms the title holds. */
  readonly rank: number;
}

interface RankedItem {
  readonly itemId: number;
  readonly rank: number;
}

/**
 * SQLite: everything from the full-text index's row id lists, never a row per match: the total, the
 * title hits of each term (the rank), and for the rest of a page the matches without any title hit in
 * row id (date, then id) order.
 */
async function searchSqlite(db: Executor, q: SearchQuery): Promise<{ total: number; page: RankedItem[] }> {
  let units: string[] | null = null;
  if (q.unitPath !== null) {
    const rows = await db.selectFrom('units').select('id').where('path', 'like', `${q.unitPath}%`).execute();
    units = rows.map((row) => unitFacet(row.id));
    if (units.length === 0) return { total: 0, page: [] };
  }
  const expression = ftsMatchExpression(q.terms, {
    units,
    year: q.year === null ? null : yearFacet(q.year),
    category: q.categoryCode === null ? null : categoryFacet(q.categoryCode),
    genre: q.genre === null ? null : genreFacet(q.genre),
  });
  const counted = await sql<{
    total: number;
  }>`SELECT count(*) AS total FROM search_fts WHERE search_fts MATCH ${expression}`.execute(db);
  const total = counted.rows[0]?.total ?? 0;
  const wanted = q.offset + q.limit;
  if (total === 0 || q.offset >= total) return { total, page: [] };
  const keysOf = async (match: string, limit: number | null) => {
    const rows = await (
      limit === null
        ? sql<{ key: number }>`SELECT rowid AS key FROM search_fts WHERE search_fts MATCH ${match}`
        : sql<{
            key: number;
          }>`SELECT rowid AS key FROM search_fts WHERE search_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${limit}`
    ).execute(db);
    return rows.rows.map((row) => row.key);
  };
  const ranked: RankedKey[] = [];
  if (q.terms.length > 0 && q.terms.length <= MAX_TIERED_TERMS) {
    // Tier by tier, newest first: a tier that fills the page ends the search early, and FTS5 reads
    // only as far down its row id lists as the page needs.
    for (let rank = q.terms.length; rank >= 0 && ranked.length < wanted; rank -= 1) {
      const tier = ftsTitleTier(expression, q.terms, rank);
      for (const key of await keysOf(tier, wanted - ranked.length)) ranked.push({ key, rank });
    }
  } else {
    if (q.terms.length > 0) {
      const hits = [];
      for (const term of q.terms) hits.push(await keysOf(ftsTitleHits(expression, term), null));
      ranked.push(...rankByTitleHits(hits, wanted));
    }
    if (ranked.length < wanted) {
      const rest = q.terms.length === 0 ? expression : ftsNoTitleHit(expression, q.terms);
      for (const key of await keysOf(rest, wanted - ranked.length)) ranked.push({ key, rank: 0 });
    }
  }
  return {
    total,
    page: ranked.slice(q.offset, wanted).map(({ key, rank }) => ({ itemId: itemIdOfKey(key), rank })),
  };
}

/** PostgreSQL: the GIN index finds the matches; the rank is the title hits, sorted in SQL. */
async function searchPostgres(db: Executor, q: SearchQuery): Promise<{ total: number; page: RankedItem[] }> {
  let query = db.selectFrom('search_documents as d');
  if (q.terms.length > 0) {
    query = query.where(sql<SqlBool>`d.document @@ cast(${tsqueryText(q.terms)} as tsquery)`);
  }
  if (q.unitPath !== null) {
    const unitPath = q.unitPath;
    query = query.where('d.unit_id', 'in', (eb) =>
      eb.selectFrom('units').select('id').where('path', 'like', `${unitPath}%`),
    );
  }
  if (q.categoryCode !== null) query = query.where('d.category_code', '=', q.categoryCode);
  if (q.year !== null) query = query.where('d.published_year', '=', q.year);
  if (q.genre !== null) query = query.where('d.genre', '=', q.genre);
  const counted = await query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow();
  const total = Number(counted.total);
  if (total === 0 || q.offset >= total) return { total, page: [] };
  const rank =
    q.terms.length === 0
      ? sql<number>`0`
      : sql<number>`(${sql.join(
          q.terms.map(
            (term) => sql`CASE WHEN strpos(d.title_tokens, ${paddedTerm(term)}) > 0 THEN 1 ELSE 0 END`,
          ),
          sql` + `,
        )})`;
  let ordered = query.select(['d.item_id']).select(rank.as('rank'));
  // A constant in ORDER BY would be read as a column position: rank only when there are terms.
  if (q.terms.length > 0) ordered = ordered.orderBy(rank, 'desc');
  const rows = await ordered
    .orderBy('d.published_on', 'desc')
    .orderBy('d.item_id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { total, page: rows.map((row) => ({ itemId: row.item_id, rank: row.rank })) };
}

/** One page of results (most title hits, then newest publication, then highest id) and the total. */
export async function searchDocuments(
  db: Executor,
  dialect: DialectName,
  q: SearchQuery,
): Promise<{ total: number; rows: SearchRow[] }> {
  const { total, page } = dialect === 'sqlite' ? await searchSqlite(db, q) : await searchPostgres(db, q);
  if (page.length === 0) return { total, rows: [] };
  const found = await db
    .selectFrom('publishing_items as i')
    .innerJoin('units as u', 'u.id', 'i.unit_id')
    .select([
      'i.id',
      'i.title',
      'i.summary',
      'i.body',
      'i.document_number',
      'i.index_number',
      'i.published_on',
      'u.name as unit_name',
    ])
    .where(
      'i.id',
      'in',
      page.map((entry) => entry.itemId),
    )
    .where('i.status', '=', 'published')
    .execute();
  const byId = new Map(found.map((row) => [row.id, row]));
  return {
    total,
    rows: page.flatMap(({ itemId, rank }) => {
      const row = byId.get(itemId);
      return row === undefined || row.published_on === null
        ? []
        : [
            {
              itemId,
              title: row.title,
              summary: row.summary,
              body: row.body,
              documentNumber: row.document_number,
              indexNumber: row.index_number ?? '',
              publishedOn: row.published_on,
              unitName: row.unit_name,
              rank,
            },
          ];
    }),
  };
}

export interface SearchFacets {
  readonly units: readonly { id: number; name: string; path: string }[];
  readonly years: readonly number[];
  readonly genres: readonly string[];
}

/**
 * The distinct values of an indexed column of the documents, by skipping down its index (each step a max()
 * below the last value) rather than reading every document: a handful of index lookups on both databases
 * however large the index.
 */
async function distinctIndexed<T extends number | string>(
  db: Executor,
  column: 'published_year' | 'genre',
): Promise<T[]> {
  const ref = sql.ref(column);
  const found = await sql<{ value: T }>`
    WITH RECURSIVE found(value) AS (
      SELECT max(${ref}) FROM search_documents
      UNION ALL
      SELECT (SELECT max(${ref}) FROM search_documents WHERE ${ref} < found.value)
      FROM found WHERE found.value IS NOT NULL
    )
    SELECT value FROM found WHERE value IS NOT NULL`.execute(db);
  return found.rows.map((row) => row.value);
}

/** The choices of the filter form: every unit, and the years and genres that the index holds. */
export async function searchFacets(db: Executor): Promise<SearchFacets> {
  const units = await db.selectFrom('units').select(['id', 'name', 'path']).orderBy('path').execute();
  const years = await distinctIndexed<number>(db, 'published_year');
  const genres = await distinctIndexed<string>(db, 'genre');
  return {
    units,
    years: years.sort((a, b) => b - a),
    // Sorted here: the two databases collate Chinese text differently.
    genres: genres.sort(),
  };
}

export async function findUnitPath(db: Executor, unitId: number): Promise<string | null> {
  const row = await db.selectFrom('units').select('path').where('id', '=', unitId).executeTakeFirst();
  return row?.path ?? null;
}

/** When a published item last changed; null when it is not published. */
export async function publishedItemChangedAt(db: Executor, itemId: number): Promise<Date | null> {
  const row = await db
    .selectFrom('publishing_items')
    .select('updated_at')
    .where('id', '=', itemId)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row === undefined ? null : toDate(row.updated_at);
}

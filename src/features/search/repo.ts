// SQL of the full-text index: writing and removing an item's document, and the search itself. Matching
// is FTS5 on SQLite and a tsvector on PostgreSQL over the same tokens; the rank and the order are the same
// SQL on both (term presence in the stored token lists), so both databases answer alike.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import { ftsMatchExpression, paddedTerm, TITLE_WEIGHT, tsqueryText } from '../../core/search/query.ts';
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
  /** Every distinct token of the item, for the FTS5 table and the tsvector. */
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

export async function deleteDocument(trx: Executor, dialect: DialectName, itemId: number): Promise<void> {
  await trx.deleteFrom('search_documents').where('item_id', '=', itemId).execute();
  if (dialect === 'sqlite') await sql`DELETE FROM search_fts WHERE rowid = ${itemId}`.execute(trx);
}

export async function clearIndex(trx: Executor, dialect: DialectName): Promise<void> {
  await trx.deleteFrom('search_documents').execute();
  if (dialect === 'sqlite') await sql`DELETE FROM search_fts`.execute(trx);
}

/** Replaces the item's document (delete, then insert: both databases, one statement shape). */
export async function writeDocument(trx: Executor, dialect: DialectName, doc: SearchDocument): Promise<void> {
  await deleteDocument(trx, dialect, doc.itemId);
  const tokens = doc.tokens.join(' ');
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
            : sql`array_to_tsvector(string_to_array(${tokens}, ' '))`,
      } as typeof values)
      .execute();
  } else {
    await trx.insertInto('search_documents').values(values).execute();
    await sql`INSERT INTO search_fts (rowid, tokens) VALUES (${doc.itemId}, ${tokens})`.execute(trx);
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
  readonly rank: number;
}

function position(dialect: DialectName, column: 'd.title_tokens' | 'd.text_tokens', term: string) {
  const needle = paddedTerm(term);
  return dialect === 'postgres'
    ? sql<number>`strpos(${sql.ref(column)}, ${needle})`
    : sql<number>`instr(${sql.ref(column)}, ${needle})`;
}

/** Σ over the terms of TITLE_WEIGHT if in the title plus 1 if in the other fields. */
function rankExpression(dialect: DialectName, terms: readonly string[]) {
  if (terms.length === 0) return sql<number>`0`;
  const parts = terms.map(
    (term) =>
      sql`(CASE WHEN ${position(dialect, 'd.title_tokens', term)} > 0 THEN ${sql.lit(TITLE_WEIGHT)} ELSE 0 END + CASE WHEN ${position(dialect, 'd.text_tokens', term)} > 0 THEN 1 ELSE 0 END)`,
  );
  return sql<number>`(${sql.join(parts, sql` + `)})`;
}

function matchCondition(dialect: DialectName, terms: readonly string[]): Expression<SqlBool> {
  return dialect === 'postgres'
    ? sql<SqlBool>`d.document @@ cast(${tsqueryText(terms)} as tsquery)`
    : sql<SqlBool>`d.item_id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${ftsMatchExpression(terms)})`;
}

function filtered(db: Executor, dialect: DialectName, q: SearchQuery) {
  let query = db
    .selectFrom('search_documents as d')
    .innerJoin('publishing_items as i', 'i.id', 'd.item_id')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .where('i.status', '=', 'published');
  if (q.terms.length > 0) query = query.where(matchCondition(dialect, q.terms));
  if (q.unitPath !== null) query = query.where('u.path', 'like', `${q.unitPath}%`);
  if (q.categoryCode !== null) query = query.where('d.category_code', '=', q.categoryCode);
  if (q.year !== null) query = query.where('d.published_year', '=', q.year);
  if (q.genre !== null) query = query.where('d.genre', '=', q.genre);
  return query;
}

/** One page of results in rank order, then newest publication, then highest id; and the total. */
export async function searchDocuments(
  db: Executor,
  dialect: DialectName,
  q: SearchQuery,
): Promise<{ total: number; rows: SearchRow[] }> {
  const counted = await filtered(db, dialect, q)
    .select((eb) => eb.fn.countAll().as('total'))
    .executeTakeFirstOrThrow();
  const total = Number(counted.total);
  if (total === 0 || q.offset >= total) return { total, rows: [] };
  const rank = rankExpression(dialect, q.terms);
  let query = filtered(db, dialect, q)
    .select([
      'd.item_id',
      'i.title',
      'i.summary',
      'i.body',
      'i.document_number',
      'i.index_number',
      'd.published_on',
      'u.name as unit_name',
    ])
    .select(rank.as('rank'));
  // A constant in ORDER BY would be read as a column position: rank only when there are terms.
  if (q.terms.length > 0) query = query.orderBy(rank, 'desc');
  const rows = await query
    .orderBy('d.published_on', 'desc')
    .orderBy('d.item_id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return {
    total,
    rows: rows.map((row) => ({
      itemId: row.item_id,
      title: row.title,
      summary: row.summary,
      body: row.body,
      documentNumber: row.document_number,
      indexNumber: row.index_number ?? '',
      publishedOn: row.published_on,
      unitName: row.unit_name,
      rank: row.rank,
    })),
  };
}

export interface SearchFacets {
  readonly units: readonly { id: number; name: string; path: string }[];
  readonly years: readonly number[];
  readonly genres: readonly string[];
}

/** The choices of the filter form: every unit, and the years and genres that the index holds. */
export async function searchFacets(db: Executor): Promise<SearchFacets> {
  const units = await db.selectFrom('units').select(['id', 'name', 'path']).orderBy('path').execute();
  const years = await db
    .selectFrom('search_documents')
    .select('published_year')
    .distinct()
    .orderBy('published_year', 'desc')
    .execute();
  const genres = await db
    .selectFrom('search_documents')
    .select('genre')
    .distinct()
    .where('genre', 'is not', null)
    .execute();
  return {
    units,
    years: years.map((row) => row.published_year),
    // Sorted here: the two databases collate Chinese text differently.
    genres: genres.flatMap((row) => (row.genre === null ? [] : [row.genre])).sort(),
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

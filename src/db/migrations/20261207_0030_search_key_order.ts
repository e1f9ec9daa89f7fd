import { sql } from 'kysely';
import type { MigrationContext } from '../dialect.ts';

// SQLite's full-text table is rebuilt so that a search never reads a row per match: its row id becomes
// the search key (day number of the publication × 2³² + item id, core/search/order.ts), so row id order is
// the result order; the title and the other text are separate columns, so title hits come from the index;
// the filters are tokens of a facet column. Contentless (the text is in search_documents) with deletes,
// and column-level detail (no positions: matching is by presence). On both databases, indexes on the
// year and the genre let the search form list their values without reading every document.
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  for (const column of ['published_year', 'genre']) {
    await db.schema
      .createIndex(`search_documents_${column}`)
      .ifNotExists()
      .on('search_documents')
      .column(column)
      .execute();
  }
  if (dialect !== 'sqlite') return;
  await sql`DROP TABLE search_fts`.execute(db);
  await sql`CREATE VIRTUAL TABLE search_fts USING fts5(title, body, facets, content = '', contentless_delete = 1, detail = column, tokenize = 'unicode61 remove_diacritics 0')`.execute(
    db,
  );
  // The same facet tokens as facetTokens(): hex() is the upper-case hex of the UTF-8 text.
  await sql`
    INSERT INTO search_fts (rowid, title, body, facets)
    SELECT (CAST(julianday(published_on) - 2440587.5 AS INTEGER) * 4294967296) + item_id,
           title_tokens,
           text_tokens,
           'u' || unit_id || ' y' || published_year
             || CASE WHEN category_code IS NULL THEN '' ELSE ' c' || hex(category_code) END
             || CASE WHEN genre IS NULL THEN '' ELSE ' g' || hex(genre) END
    FROM search_documents`.execute(db);
}

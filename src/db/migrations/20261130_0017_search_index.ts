import { sql } from 'kysely';
import type { MigrationContext } from '../dialect.ts';

// The full-text index of published items: one row per published item with the segmented tokens of its
// title and of its other searchable fields (space-separated, written by the application), and the
// filter columns. Matching runs on SQLite's FTS5 (a virtual table over the same tokens, rowid = item id)
// and on PostgreSQL's tsvector of the same tokens with a GIN index.
export async function up({ db, dialect }: MigrationContext): Promise<void> {
  let table = db.schema
    .createTable('search_documents')
    .addColumn('item_id', 'bigint', (col) => col.primaryKey().references('publishing_items.id'))
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('category_code', 'text')
    .addColumn('genre', 'text')
    .addColumn('published_year', 'integer', (col) => col.notNull())
    .addColumn('published_on', 'text', (col) => col.notNull())
    .addColumn('title_tokens', 'text', (col) => col.notNull())
    .addColumn('text_tokens', 'text', (col) => col.notNull());
  if (dialect === 'postgres') table = table.addColumn('document', sql`tsvector`, (col) => col.notNull());
  await table.execute();
  await db.schema
    .createIndex('search_documents_order')
    .on('search_documents')
    .columns(['published_on', 'item_id'])
    .execute();
  if (dialect === 'postgres') {
    await sql`CREATE INDEX search_documents_document ON search_documents USING GIN (document)`.execute(db);
  } else {
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(tokens, tokenize = 'unicode61 remove_diacritics 0')`.execute(
      db,
    );
  }
}

import { addIdColumn, type MigrationContext } from '../dialect.ts';

// Proactive disclosure (主动公开): items of the unified 政府信息公开 column with their catalogue metadata,
// the versions a correction leaves behind, the review chain per unit and every review decision, the
// overrides of automatic-check findings, the units' own sub-categories and the per-unit, per-year counter
// of index-number serials (one atomic upsert per publication, so concurrent publications queue on it).
export async function up({ db, dialect, types }: MigrationContext): Promise<void> {
  await addIdColumn(db.schema.createTable('publishing_subcategories'), dialect)
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('parent_code', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('publishing_subcategories_name')
    .on('publishing_subcategories')
    .columns(['unit_id', 'parent_code', 'name'])
    .unique()
    .execute();

  await addIdColumn(db.schema.createTable('publishing_items'), dialect)
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('sub_column', 'text', (col) => col.notNull())
    .addColumn('category_code', 'text')
    .addColumn('subcategory_id', 'bigint', (col) => col.references('publishing_subcategories.id'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('document_number', 'text')
    .addColumn('written_on', 'text')
    .addColumn('genre', 'text')
    .addColumn('keywords', 'text')
    .addColumn('validity', 'text')
    .addColumn('effective_on', 'text')
    .addColumn('invalid_on', 'text')
    .addColumn('disclosure_method', 'text', (col) => col.notNull())
    .addColumn('disclosure_period', 'text', (col) => col.notNull())
    .addColumn('format', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('round', 'integer', (col) => col.notNull())
    .addColumn('chain', 'text')
    .addColumn('submitted_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('assignee_id', 'bigint', (col) => col.references('users.id'))
    .addColumn('index_number', 'text', (col) => col.unique())
    .addColumn('published_year', 'integer')
    .addColumn('serial', 'integer')
    .addColumn('published_at', types.timestamp)
    .addColumn('published_on', 'text')
    .addColumn('corrected_on', 'text')
    .addColumn('withdrawn_at', types.timestamp)
    .addColumn('withdrawn_reason', 'text')
    .addColumn('created_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .addColumn('updated_at', types.timestamp, (col) => col.notNull())
    .execute();
  // The public catalogue: a unit's published items by sub-column in publication order (keyset on year, serial).
  await db.schema
    .createIndex('publishing_items_public')
    .on('publishing_items')
    .columns(['unit_id', 'status', 'sub_column', 'published_year', 'serial'])
    .execute();
  await db.schema
    .createIndex('publishing_items_serial')
    .on('publishing_items')
    .columns(['unit_id', 'published_year', 'serial'])
    .unique()
    .execute();

  await addIdColumn(db.schema.createTable('publishing_versions'), dialect)
    .addColumn('item_id', 'bigint', (col) => col.notNull().references('publishing_items.id'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('content', 'text', (col) => col.notNull())
    .addColumn('reason', 'text')
    .addColumn('material', 'integer', (col) => col.notNull())
    .addColumn('created_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('publishing_versions_item')
    .on('publishing_versions')
    .columns(['item_id', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('publishing_review_chains')
    .addColumn('unit_id', 'bigint', (col) => col.primaryKey().references('units.id'))
    .addColumn('stages', 'text', (col) => col.notNull())
    .addColumn('updated_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('updated_at', types.timestamp, (col) => col.notNull())
    .execute();

  await addIdColumn(db.schema.createTable('publishing_reviews'), dialect)
    .addColumn('item_id', 'bigint', (col) => col.notNull().references('publishing_items.id'))
    .addColumn('round', 'integer', (col) => col.notNull())
    .addColumn('stage', 'text', (col) => col.notNull())
    .addColumn('decision', 'text', (col) => col.notNull())
    .addColumn('comment', 'text')
    .addColumn('reviewer_id', 'bigint', (col) => col.references('users.id'))
    .addColumn('decided_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('publishing_reviews_item')
    .on('publishing_reviews')
    .columns(['item_id', 'round'])
    .execute();

  await addIdColumn(db.schema.createTable('publishing_overrides'), dialect)
    .addColumn('item_id', 'bigint', (col) => col.notNull().references('publishing_items.id'))
    .addColumn('round', 'integer', (col) => col.notNull())
    .addColumn('finding_key', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('decided_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('decided_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('publishing_overrides_key')
    .on('publishing_overrides')
    .columns(['item_id', 'round', 'finding_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('publishing_counters')
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('last', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('publishing_counters_pk', ['unit_id', 'year'])
    .execute();
}

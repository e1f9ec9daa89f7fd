import { addIdColumn, type MigrationContext } from '../dialect.ts';

// The freshness monitor: an index for the last publication per column, the kind of a column (news, notice/policy, static) where a unit departs from the
// default table in core/publishing/freshness.ts, and one row per staleness episode of a column, so the
// daily scan opens one correction task per episode however many processes run it. An episode is named by
// the day the column went stale; an update followed by a new lapse gives another day, hence a new episode.
export async function up({ db, dialect, types }: MigrationContext): Promise<void> {
  // The measure reads the last publication date per unit and column: one index range per unit.
  await db.schema
    .createIndex('publishing_items_freshness')
    .on('publishing_items')
    .columns(['unit_id', 'sub_column', 'category_code', 'subcategory_id', 'published_on'])
    .execute();

  await db.schema
    .createTable('freshness_column_kinds')
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('column_key', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('updated_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('updated_at', types.timestamp, (col) => col.notNull())
    .addPrimaryKeyConstraint('freshness_column_kinds_pk', ['unit_id', 'column_key'])
    .execute();

  await addIdColumn(db.schema.createTable('freshness_episodes'), dialect)
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('column_key', 'text', (col) => col.notNull())
    .addColumn('stale_since', 'text', (col) => col.notNull())
    .addColumn('correction_id', 'bigint', (col) => col.references('correction_tasks.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('freshness_episodes_key')
    .on('freshness_episodes')
    .columns(['unit_id', 'column_key', 'stale_since'])
    .unique()
    .execute();
}

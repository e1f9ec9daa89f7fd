import { addIdColumn, type MigrationContext } from '../dialect.ts';

// Check dictionaries kept per deployment, with one version number bumped on every change; the re-scan of
// published items that a new version starts (its cursor persisted after each batch, so a restarted process
// continues where the last one stopped) and what each scan reported per item. The outbox learns to carry a
// sealed address for people without an account (the reporter of a 纠错 who left an e-mail address).
export async function up({ db, dialect, types }: MigrationContext): Promise<void> {
  await addIdColumn(db.schema.createTable('dictionary_entries'), dialect)
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('severity', 'text', (col) => col.notNull())
    .addColumn('term', 'text', (col) => col.notNull())
    .addColumn('suggestion', 'text')
    .addColumn('note', 'text')
    .addColumn('updated_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .addColumn('updated_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('dictionary_entries_term')
    .on('dictionary_entries')
    .columns(['category', 'term'])
    .unique()
    .execute();

  // One row (id 1): the version of the dictionaries and whether the shipped sample was loaded into them.
  await db.schema
    .createTable('dictionary_state')
    .addColumn('id', 'integer', (col) => col.primaryKey())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('seeded_from_sample', 'integer', (col) => col.notNull())
    .addColumn('updated_at', types.timestamp, (col) => col.notNull())
    .execute();

  // One row (id 1): the scan of published items against `target_version`; `last_item_id` is the cursor.
  await db.schema
    .createTable('dictionary_scan')
    .addColumn('id', 'integer', (col) => col.primaryKey())
    .addColumn('target_version', 'integer', (col) => col.notNull())
    .addColumn('last_item_id', 'bigint', (col) => col.notNull())
    .addColumn('total', 'integer', (col) => col.notNull())
    .addColumn('checked', 'integer', (col) => col.notNull())
    .addColumn('tasks_opened', 'integer', (col) => col.notNull())
    .addColumn('started_at', types.timestamp, (col) => col.notNull())
    .addColumn('finished_at', types.timestamp)
    .execute();

  await addIdColumn(db.schema.createTable('dictionary_scan_reports'), dialect)
    .addColumn('item_id', 'bigint', (col) => col.notNull().references('publishing_items.id'))
    .addColumn('dictionary_version', 'integer', (col) => col.notNull())
    .addColumn('correction_task_id', 'bigint', (col) => col.notNull().references('correction_tasks.id'))
    /** JSON array of the finding keys (core/publishing/item-checks findingKey) this report raised. */
    .addColumn('finding_keys', 'text', (col) => col.notNull())
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('dictionary_scan_reports_item_version')
    .on('dictionary_scan_reports')
    .columns(['item_id', 'dictionary_version'])
    .unique()
    .execute();

  await db.schema.alterTable('outbox').addColumn('recipient_address_sealed', 'text').execute();
}

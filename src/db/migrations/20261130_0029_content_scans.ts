import { addIdColumn, type MigrationContext } from '../dialect.ts';

// The internal scans of published items (personal data, dead internal links): one cursor row per scan and
// one row per item and finding a scan has reported, so a finding opens a correction task once only.
export async function up({ db, dialect, types }: MigrationContext): Promise<void> {
  // `pass` names the walk in progress: the detector version for the privacy scan, the China day for the
  // daily dead-link scan; a different pass restarts the walk from the first item.
  await db.schema
    .createTable('content_scans')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('pass', 'text', (col) => col.notNull())
    .addColumn('last_item_id', 'bigint', (col) => col.notNull())
    .addColumn('checked', 'integer', (col) => col.notNull())
    .addColumn('tasks_opened', 'integer', (col) => col.notNull())
    .addColumn('external_links', 'integer', (col) => col.notNull())
    .addColumn('started_at', types.timestamp, (col) => col.notNull())
    .addColumn('finished_at', types.timestamp)
    .execute();

  // `finding_key`: a SHA-256 of the item-checks finding key for personal data (the key holds the data
  // itself), the dead address's path for links.
  await addIdColumn(db.schema.createTable('content_scan_findings'), dialect)
    .addColumn('scan', 'text', (col) => col.notNull())
    .addColumn('item_id', 'bigint', (col) => col.notNull().references('publishing_items.id'))
    .addColumn('finding_key', 'text', (col) => col.notNull())
    .addColumn('correction_task_id', 'bigint', (col) => col.notNull().references('correction_tasks.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('content_scan_findings_key')
    .on('content_scan_findings')
    .columns(['scan', 'item_id', 'finding_key'])
    .unique()
    .execute();
}

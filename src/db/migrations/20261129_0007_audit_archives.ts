import { addIdColumn, type MigrationContext } from '../dialect.ts';

// Archived stretches of the audit log: entries older than the retention period may be moved to a file;
// the last archived entry's sequence number and hash stay here, so the chain still verifies from there.
export async function up({ db, dialect, types }: MigrationContext): Promise<void> {
  await addIdColumn(db.schema.createTable('audit_archives'), dialect)
    .addColumn('up_to_seq', 'bigint', (col) => col.notNull())
    .addColumn('up_to_hash', 'text', (col) => col.notNull())
    .addColumn('entry_count', 'bigint', (col) => col.notNull())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('archived_before', 'text', (col) => col.notNull())
    .addColumn('archived_at', types.timestamp, (col) => col.notNull())
    .execute();
}

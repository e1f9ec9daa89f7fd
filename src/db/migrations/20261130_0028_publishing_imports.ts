import { addIdColumn, type MigrationContext } from '../dialect.ts';

// Imports of items already published on another platform: one row per uploaded CSV/XLSX with its progress
// (rows read, accepted, rejected; running, done or failed), the rejected rows with the field and reason,
// and on each imported item the import it came from.
export async function up({ db, dialect, types }: MigrationContext): Promise<void> {
  await addIdColumn(db.schema.createTable('publishing_imports'), dialect)
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('file_sha256', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('rows_total', 'integer')
    .addColumn('rows_read', 'integer', (col) => col.notNull())
    .addColumn('accepted', 'integer', (col) => col.notNull())
    .addColumn('rejected', 'integer', (col) => col.notNull())
    .addColumn('failure', 'text')
    .addColumn('created_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .addColumn('updated_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('publishing_imports_unit')
    .on('publishing_imports')
    .columns(['unit_id', 'created_at'])
    .execute();

  await addIdColumn(db.schema.createTable('publishing_import_rejections'), dialect)
    .addColumn('import_id', 'bigint', (col) => col.notNull().references('publishing_imports.id'))
    .addColumn('row_number', 'integer', (col) => col.notNull())
    .addColumn('field', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('publishing_import_rejections_row')
    .on('publishing_import_rejections')
    .columns(['import_id', 'row_number'])
    .execute();

  await db.schema
    .alterTable('publishing_items')
    .addColumn('import_id', 'bigint', (col) => col.references('publishing_imports.id'))
    .execute();
}

import { addIdColumn, type MigrationContext } from '../dialect.ts';

// Annual reports of units that are not on the platform, imported by a supervising unit for its rollup:
// the numbers the report checker read from the uploaded file (interchange JSON with its findings) and the
// file's name and SHA-256. A re-import adds a row; the latest of a name and year counts.
export async function up({ db, dialect, types }: MigrationContext): Promise<void> {
  await addIdColumn(db.schema.createTable('external_annual_reports'), dialect)
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('report_json', 'text', (col) => col.notNull())
    .addColumn('errors', 'integer', (col) => col.notNull())
    .addColumn('warnings', 'integer', (col) => col.notNull())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('file_sha256', 'text', (col) => col.notNull())
    .addColumn('imported_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('imported_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('external_annual_reports_unit_year')
    .on('external_annual_reports')
    .columns(['unit_id', 'year'])
    .execute();
}

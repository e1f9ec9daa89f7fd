import { addIdColumn, type MigrationContext } from '../dialect.ts';

// Published annual reports: the compiled report (interchange JSON) as it stood when a supervisor published
// it. A re-publication adds the next version of the unit's year; earlier versions stay.
export async function up({ db, dialect, types }: MigrationContext): Promise<void> {
  await addIdColumn(db.schema.createTable('annual_reports'), dialect)
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('report_json', 'text', (col) => col.notNull())
    .addColumn('published_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('published_at', types.timestamp, (col) => col.notNull())
    .addUniqueConstraint('annual_reports_unit_year_version', ['unit_id', 'year', 'version'])
    .execute();
}

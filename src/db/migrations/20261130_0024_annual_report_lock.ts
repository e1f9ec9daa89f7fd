import { addIdColumn, type MigrationContext } from '../dialect.ts';

// The year lock of published annual reports and the edited narrative sections. The lock is a log: each
// publication adds a 'lock' event, each audited unlock an 'unlock' event with its reason; the latest event
// of a unit's year decides. Narrative drafts are kept per save (the latest is the one in force).
export async function up({ db, dialect, types }: MigrationContext): Promise<void> {
  await addIdColumn(db.schema.createTable('annual_report_lock_events'), dialect)
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('event', 'text', (col) => col.notNull())
    .addColumn('version', 'integer')
    .addColumn('reason', 'text')
    .addColumn('actor_id', 'bigint', (col) => col.references('users.id'))
    .addColumn('actor_name', 'text', (col) => col.notNull())
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('annual_report_lock_events_unit_year')
    .on('annual_report_lock_events')
    .columns(['unit_id', 'year', 'id'])
    .execute();

  await addIdColumn(db.schema.createTable('annual_report_narratives'), dialect)
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('section', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('saved_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('saved_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('annual_report_narratives_unit_year')
    .on('annual_report_narratives')
    .columns(['unit_id', 'year', 'section', 'id'])
    .execute();
}

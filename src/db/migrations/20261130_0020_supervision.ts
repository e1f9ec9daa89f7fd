import { addIdColumn, type MigrationContext } from '../dialect.ts';

// Registers behind the annual report's 监督保障 part: training sessions on disclosure (organised by a unit,
// attended by several), the 政府信息查阅点 of each unit (shown publicly while open), and the counts of service
// guides entered per unit, year and kind with their provenance (a later entry supersedes, history stays).
export async function up({ db, dialect, types }: MigrationContext): Promise<void> {
  await addIdColumn(db.schema.createTable('training_sessions'), dialect)
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('held_on', 'text', (col) => col.notNull())
    .addColumn('topic', 'text', (col) => col.notNull())
    .addColumn('participants', 'integer', (col) => col.notNull())
    .addColumn('created_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .addColumn('updated_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('training_sessions_unit')
    .on('training_sessions')
    .columns(['unit_id', 'held_on'])
    .execute();

  await db.schema
    .createTable('training_session_units')
    .addColumn('session_id', 'bigint', (col) => col.notNull().references('training_sessions.id'))
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addPrimaryKeyConstraint('training_session_units_pk', ['session_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('training_session_units_unit')
    .on('training_session_units')
    .columns(['unit_id'])
    .execute();

  await addIdColumn(db.schema.createTable('query_points'), dialect)
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('location', 'text', (col) => col.notNull())
    .addColumn('hours', 'text', (col) => col.notNull())
    .addColumn('equipment', 'text', (col) => col.notNull())
    .addColumn('phone', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('created_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .addColumn('updated_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('query_points_unit').on('query_points').columns(['unit_id']).execute();

  await addIdColumn(db.schema.createTable('service_guide_counts'), dialect)
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('value', 'integer', (col) => col.notNull())
    .addColumn('entered_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('entered_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('service_guide_counts_unit')
    .on('service_guide_counts')
    .columns(['unit_id', 'year', 'kind', 'id'])
    .execute();
}

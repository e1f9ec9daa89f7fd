import { addIdColumn, type MigrationContext } from '../dialect.ts';

// Disclosing bodies (units) in a hierarchy. `path` is the materialised path of ids ("/1/5/12/") so
// that a unit's subtree is one indexed prefix query on both databases.
export async function up({ db, dialect, types }: MigrationContext): Promise<void> {
  await addIdColumn(db.schema.createTable('units'), dialect)
    .addColumn('parent_id', 'bigint', (col) => col.references('units.id'))
    .addColumn('path', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('uscc', 'text', (col) => col.unique())
    .addColumn('region_code', 'text')
    .addColumn('office_name', 'text')
    .addColumn('office_address', 'text')
    .addColumn('office_hours', 'text')
    .addColumn('office_phone', 'text')
    .addColumn('office_fax', 'text')
    .addColumn('office_email', 'text')
    .addColumn('office_postcode', 'text')
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .addColumn('updated_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('units_path').on('units').column('path').execute();
  await db.schema.createIndex('units_parent').on('units').column('parent_id').execute();
}

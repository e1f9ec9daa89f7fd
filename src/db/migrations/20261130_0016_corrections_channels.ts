import { addIdColumn, type MigrationContext } from '../dialect.ts';

// Corrections (纠错) and the channels registry. A correction task belongs to a unit and usually to one of
// its items; the reporter's contact is personal data and stored sealed only. Channels are the places a unit
// publishes (website columns, new-media accounts, traditional media, platforms); publications on channels
// other than this platform's own column are recorded here by entry or import, the column's own come from
// publishing_items.
export async function up({ db, dialect, types }: MigrationContext): Promise<void> {
  await addIdColumn(db.schema.createTable('correction_tasks'), dialect)
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('item_id', 'bigint', (col) => col.references('publishing_items.id'))
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('contact_sealed', 'text')
    .addColumn('received_on', 'text', (col) => col.notNull())
    .addColumn('due_on', 'text', (col) => col.notNull())
    .addColumn('fix_note', 'text')
    .addColumn('reply', 'text')
    .addColumn('replied_on', 'text')
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .addColumn('updated_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('correction_tasks_unit_status')
    .on('correction_tasks')
    .columns(['unit_id', 'status', 'due_on'])
    .execute();

  await addIdColumn(db.schema.createTable('channels'), dialect)
    .addColumn('unit_id', 'bigint', (col) => col.notNull().references('units.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('platform', 'text')
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('record_number', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('opened_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .addColumn('updated_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('channels_unit').on('channels').columns(['unit_id', 'kind']).execute();

  await addIdColumn(db.schema.createTable('channel_publications'), dialect)
    .addColumn('channel_id', 'bigint', (col) => col.notNull().references('channels.id'))
    .addColumn('published_on', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('url', 'text')
    .addColumn('origin', 'text', (col) => col.notNull())
    .addColumn('created_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('channel_publications_channel')
    .on('channel_publications')
    .columns(['channel_id', 'published_on'])
    .execute();
}

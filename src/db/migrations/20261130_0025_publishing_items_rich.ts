import { addIdColumn, type MigrationContext } from '../dialect.ts';

// Rich items: `body_html`, the sanitised HTML of a rich-text body (null for plain-text bodies, one paragraph
// a line, as written before); `body` then holds its text content, which the checks, search and every
// other reader of `body` use unchanged. Also the Art. 44 draft an item was made from (one item a draft),
// and item attachments with the versions they were added and removed in (a removal by correction keeps
// the file in the history).
export async function up({ db, dialect, types }: MigrationContext): Promise<void> {
  await db.schema.alterTable('publishing_items').addColumn('body_html', 'text').execute();
  await db.schema.alterTable('publishing_items').addColumn('draft_id', 'bigint').execute();
  await db.schema
    .createIndex('publishing_items_draft')
    .on('publishing_items')
    .column('draft_id')
    .unique()
    .execute();

  await addIdColumn(db.schema.createTable('publishing_attachments'), dialect)
    .addColumn('item_id', 'bigint', (col) => col.notNull().references('publishing_items.id'))
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('media_type', 'text', (col) => col.notNull())
    .addColumn('size_bytes', 'integer', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('content', 'text', (col) => col.notNull())
    .addColumn('added_in_version', 'integer', (col) => col.notNull())
    .addColumn('removed_in_version', 'integer')
    .addColumn('created_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('publishing_attachments_item')
    .on('publishing_attachments')
    .columns(['item_id', 'id'])
    .execute();
}

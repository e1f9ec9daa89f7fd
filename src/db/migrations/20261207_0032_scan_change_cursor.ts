import type { MigrationContext } from '../dialect.ts';

// The internal scans walk published items in the order they last changed (updated_at, then id) instead
// of by id alone, so an item published or corrected after the walk passed its id is still checked: the
// cursor gains the change time of the last item checked, and an index serves that order.
export async function up({ db, types }: MigrationContext): Promise<void> {
  await db.schema.alterTable('content_scans').addColumn('last_updated_at', types.timestamp).execute();
  await db.schema
    .createIndex('publishing_items_changed')
    .on('publishing_items')
    .columns(['updated_at', 'id'])
    .execute();
}

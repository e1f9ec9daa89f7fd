import type { MigrationContext } from '../dialect.ts';

// One-time setup links printed at the first start (only their SM3 hashes are stored).
export async function up({ db, types }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('setup_tokens')
    .addColumn('token_hash', 'text', (col) => col.primaryKey())
    .addColumn('created_at', types.timestamp, (col) => col.notNull())
    .addColumn('expires_at', types.timestamp, (col) => col.notNull())
    .addColumn('used_at', types.timestamp)
    .execute();
}

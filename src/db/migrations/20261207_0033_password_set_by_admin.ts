import type { MigrationContext } from '../dialect.ts';

// An account created with a password an administrator chose must change it at its first sign-in: the
// administrator knows it. The time it was set stays until the person sets their own.
export async function up({ db, types }: MigrationContext): Promise<void> {
  await db.schema.alterTable('users').addColumn('password_set_by_admin_at', types.timestamp).execute();
}

import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import { columnTypes } from './dialect.ts';
import type { DatabaseHandle } from './connection.ts';
import { MIGRATIONS } from './migrations/index.ts';

export interface MigrationReport {
  readonly applied: string[];
}

/** Applies every pending migration, each in its own transaction. Throws when one fails. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationReport> {
  const dialect = handle.dialect;
  const types = columnTypes(dialect);
  const migrations: Record<string, Migration> = {};
  for (const [name, module] of Object.entries(MIGRATIONS)) {
    // Each migration must use the transaction Kysely hands it, never the outer handle.
    migrations[name] = { up: (db) => module.up({ db, dialect, types }) };
  }
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? '未知';
    throw new Error(
      `数据库迁移失败（${failed}）：${result.error instanceof Error ? result.error.message : JSON.stringify(result.error)}`,
      { cause: result.error },
    );
  }
  return { applied: (result.results ?? []).map((r) => r.migrationName) };
}

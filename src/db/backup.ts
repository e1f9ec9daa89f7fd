// Backup and restore of the whole database, for the `gongkai backup` and `gongkai restore` commands.
// SQLite: an online, consistent copy as one self-contained .db file; restore replaces the file
// atomically. PostgreSQL: pg_dump custom format; restore with pg_restore in one transaction.
// Restore must run while the service is stopped; the backup file is fully checked before anything
// in the live database is touched. The key file of the personal-data encryption is not in the database
// and must be backed up separately.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DatabaseConfig } from '../config.ts';
import { Conflict, Invalid } from '../core/errors.ts';
import { assertBackupMatches, type BackupSummary, type RestoreSummary } from './backup-common.ts';
import { backupPostgres, restorePostgres } from './backup-postgres.ts';
import { backupSqlite, restoreSqlite } from './backup-sqlite.ts';
import type { DatabaseHandle } from './connection.ts';

export type { BackupSummary, RestoreSummary, TableCount } from './backup-common.ts';

/** Writes a backup of the open database to `file`, which must not exist yet. */
export async function backupDatabase(
  config: DatabaseConfig,
  handle: DatabaseHandle,
  file: string,
): Promise<BackupSummary> {
  const target = resolve(file);
  if (existsSync(target)) throw new Conflict(`备份文件已存在：${target}（不会覆盖，请换一个文件名）`);
  if (!existsSync(dirname(target))) throw new Invalid('FILE', `备份文件所在的目录不存在：${dirname(target)}`);
  return config.kind === 'sqlite'
    ? backupSqlite(config.file, handle, target)
    : backupPostgres(config.url, handle, target);
}

/** Replaces the whole database with the backup in `file`. The service must be stopped first. */
export async function restoreDatabase(config: DatabaseConfig, file: string): Promise<RestoreSummary> {
  const source = resolve(file);
  if (!existsSync(source) || !statSync(source).isFile())
    throw new Invalid('FILE', `备份文件不存在：${source}`);
  assertBackupMatches(source, config.kind);
  return config.kind === 'sqlite' ? restoreSqlite(config.file, source) : restorePostgres(config.url, source);
}

// SQLite backups: a consistent copy of the live file taken on a separate read-only connection while the
// app keeps running (VACUUM INTO reads one snapshot), stored as one self-contained file in rollback
// journal mode so that no -wal file has to travel with it.
import { copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { Conflict, Invalid } from '../core/errors.ts';
import {
  checkBackupMigrations,
  commitFile,
  MIGRATION_TABLE,
  notOurs,
  siblingTempPath,
  type BackupSummary,
  type RestoreSummary,
  type TableCount,
} from './backup-common.ts';
import type { DatabaseHandle } from './connection.ts';

const COMPANIONS = ['-wal', '-shm', '-journal'] as const;

function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function countTables(db: SQLite.Database): TableCount[] {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return names.map((name) => ({
    name,
    rows: db
      .prepare(`SELECT count(*) FROM ${quoteName(name)}`)
      .pluck()
      .get() as number,
  }));
}

interface Inspection {
  readonly tables: TableCount[];
  readonly latestMigration: string;
}

/** Opens a copy read-write (it is ours to change), drops any WAL setting, and checks it through. */
function inspectCopy(copy: string, shownName: string): Inspection {
  let db: SQLite.Database;
  try {
    db = new SQLite(copy, { fileMustExist: true });
  } catch {
    throw notOurs(shownName, '无法作为 SQLite 数据库打开');
  }
  try {
    let verdict: unknown[];
    try {
      db.pragma('journal_mode = DELETE');
      verdict = db.pragma('integrity_check', { simple: false }) as unknown[];
    } catch {
      throw notOurs(shownName, '文件已损坏或不完整');
    }
    const first = verdict[0] as { integrity_check?: unknown } | undefined;
    if (verdict.length !== 1 || first?.integrity_check !== 'ok') {
      throw notOurs(shownName, 'SQLite 完整性检查未通过（文件已损坏）');
    }
    const ledger = db
      .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?")
      .pluck()
      .get(MIGRATION_TABLE) as number;
    if (ledger === 0) throw notOurs(shownName, `其中没有迁移记录表 ${MIGRATION_TABLE}`);
    const names = db.prepare(`SELECT name FROM ${MIGRATION_TABLE}`).pluck().all() as string[];
    const latestMigration = checkBackupMigrations(shownName, names);
    return { tables: countTables(db), latestMigration };
  } finally {
    db.close();
  }
}

export async function backupSqlite(
  live: string,
  handle: DatabaseHandle,
  target: string,
): Promise<BackupSummary> {
  const temp = siblingTempPath(target, 'partial');
  try {
    if (live === ':memory:') {
      // An in-memory database exists only inside this handle's connection.
      await sql`VACUUM INTO ${temp}`.execute(handle.db);
    } else {
      if (!existsSync(live)) throw new Invalid('DATABASE_URL', `数据库文件不存在：${live}`);
      const source = new SQLite(live, { readonly: true, fileMustExist: true });
      try {
        source.pragma('busy_timeout = 5000');
        source.prepare('VACUUM INTO ?').run(temp);
      } finally {
        source.close();
      }
    }
    const { tables } = inspectCopy(temp, target);
    commitFile(temp, target);
    return { file: target, dialect: 'sqlite', bytes: statSync(target).size, tables };
  } finally {
    removeWithCompanions(temp);
  }
}

function removeWithCompanions(file: string): void {
  for (const suffix of ['', ...COMPANIONS]) rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Best effort only: the last connection to close a WAL database checkpoints it and deletes the -wal
 * file, so a -wal file that survives our own open-and-close means another process holds the database.
 */
function assertNotInUse(live: string): void {
  if (!existsSync(live)) return;
  let probe: SQLite.Database;
  try {
    probe = new SQLite(live, { fileMustExist: true });
  } catch {
    return; // not a database any more: nothing of value to protect
  }
  try {
    probe.pragma('busy_timeout = 2000');
    probe.pragma('journal_mode');
  } catch {
    // unreadable: nothing of value to protect
  } finally {
    probe.close();
  }
  if (existsSync(`${live}-wal`)) {
    throw new Conflict(`数据库文件 ${live} 正被其他进程使用（如 gongkai serve），请先停止服务再恢复`);
  }
}

export function restoreSqlite(live: string, file: string): RestoreSummary {
  if (live === ':memory:')
    throw new Invalid('DATABASE_URL', '内存数据库（:memory:）无法恢复，请指定数据库文件');
  if (!existsSync(dirname(live)))
    throw new Invalid('DATABASE_URL', `数据库所在的目录不存在：${dirname(live)}`);
  const temp = siblingTempPath(live, 'restore');
  try {
    // Everything is checked on the very bytes that will be installed, before the live file is touched.
    copyFileSync(file, temp);
    const { tables, latestMigration } = inspectCopy(temp, file);
    assertNotInUse(live);
    // A stale -wal beside the new file would be replayed into it: the old companions go first.
    for (const suffix of COMPANIONS) rmSync(`${live}${suffix}`, { force: true });
    commitFile(temp, live);
    return { file, dialect: 'sqlite', bytes: statSync(live).size, tables, latestMigration };
  } finally {
    removeWithCompanions(temp);
  }
}

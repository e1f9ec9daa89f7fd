// What every backup shares: the summary reported to the operator, recognising a file as one of ours,
// and refusing a backup written by a newer Gongkai (its schema would be unknown to this one).
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Invalid, Unprocessable } from '../core/errors.ts';
import type { DialectName } from './dialect.ts';
import { MIGRATIONS } from './migrations/index.ts';

export interface TableCount {
  readonly name: string;
  readonly rows: number;
}

export interface BackupSummary {
  readonly file: string;
  readonly dialect: DialectName;
  readonly bytes: number;
  readonly tables: readonly TableCount[];
}

export interface RestoreSummary extends BackupSummary {
  /** The last migration recorded in the backup; newer ones run at the next start. */
  readonly latestMigration: string;
}

/** The table every Gongkai database has: Kysely's migration ledger. */
export const MIGRATION_TABLE = 'kysely_migration';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const PG_CUSTOM_MAGIC = Buffer.from('PGDMP', 'latin1');

function dialectLabel(dialect: DialectName): string {
  return dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
}

/** Reads the file's first bytes and names the kind of backup it is, or refuses it. */
export function detectBackupKind(file: string): DialectName {
  const head = Buffer.alloc(16);
  let read: number;
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    throw new Invalid('FILE', `备份文件无法读取：${file}`);
  }
  try {
    read = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (read >= SQLITE_MAGIC.length && head.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    return 'sqlite';
  }
  if (read >= PG_CUSTOM_MAGIC.length && head.subarray(0, PG_CUSTOM_MAGIC.length).equals(PG_CUSTOM_MAGIC)) {
    return 'postgres';
  }
  throw new Invalid(
    'FILE',
    `文件“${file}”不是公开（Gongkai）的数据库备份：既不是 SQLite 数据库文件，也不是 pg_dump 自定义格式（custom）文件`,
  );
}

export function assertBackupMatches(file: string, target: DialectName): void {
  const kind = detectBackupKind(file);
  if (kind !== target) {
    throw new Invalid(
      'FILE',
      `“${file}”是 ${dialectLabel(kind)} 数据库的备份，不能恢复到当前的 ${dialectLabel(target)} 数据库`,
    );
  }
}

/** Checks the migrations recorded in a backup and returns the latest one. */
export function checkBackupMigrations(file: string, names: readonly string[]): string {
  if (names.length === 0) {
    throw new Unprocessable(
      `“${file}”不是公开（Gongkai）的数据库备份：其中没有迁移记录（${MIGRATION_TABLE}）`,
    );
  }
  const unknown = names.filter((name) => !(name in MIGRATIONS));
  if (unknown.length > 0) {
    throw new Unprocessable(
      `备份“${file}”来自更新版本的公开（Gongkai）（含本程序不认识的迁移 ${unknown.join('、')}），请先升级程序再恢复`,
    );
  }
  return [...names].sort().at(-1) as string;
}

export function notOurs(file: string, reason: string): Unprocessable {
  return new Unprocessable(`“${file}”不是可用的公开（Gongkai）数据库备份：${reason}`);
}

/** A hidden file beside the target, so that the final rename stays on one file system. */
export function siblingTempPath(target: string, purpose: string): string {
  return join(dirname(target), `.${basename(target)}.${purpose}-${randomBytes(6).toString('hex')}`);
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a finished temp file durable and puts it in place atomically: a crash leaves old or new, never half. */
export function commitFile(temp: string, target: string): void {
  fsyncPath(temp);
  renameSync(temp, target);
  fsyncPath(dirname(target));
}

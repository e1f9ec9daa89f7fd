// PostgreSQL backups through the standard client tools: pg_dump's custom format (readable by any
// pg_restore of the same or a newer version) and pg_restore in one transaction. The connection goes to
// them through PG* environment variables so the password never shows on a command line.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { Invalid, Unprocessable } from '../core/errors.ts';
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
import { openDatabase, type DatabaseHandle } from './connection.ts';
import type { Database } from './schema.ts';

const run = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';
// The server is PostgreSQL 15: its own client tools come first, then any other installed version.
const PREFERRED_MAJOR = '15';

function toolPath(name: 'pg_dump' | 'pg_restore'): string {
  let majors: string[] = [];
  try {
    majors = readdirSync(PG_ROOT).filter((v) => /^\d+$/.test(v));
  } catch {
    // no Debian-style installation: fall back to PATH
  }
  majors.sort((a, b) => (a === PREFERRED_MAJOR ? -1 : b === PREFERRED_MAJOR ? 1 : Number(b) - Number(a)));
  for (const major of majors) {
    const candidate = join(PG_ROOT, major, 'bin', name);
    if (existsSync(candidate)) return candidate;
  }
  return name;
}

/** The libpq environment of a postgres:// URL (query parameters such as sslmode and host included). */
export function connectionEnvironment(url: string): Record<string, string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Invalid('DATABASE_URL', 'DATABASE_URL 不是有效的 PostgreSQL 连接地址');
  }
  const env: Record<string, string> = { PGAPPNAME: 'gongkai-backup', PGCONNECT_TIMEOUT: '10' };
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host !== '') env.PGHOST = decodeURIComponent(host);
  if (parsed.port !== '') env.PGPORT = parsed.port;
  if (parsed.username !== '') env.PGUSER = decodeURIComponent(parsed.username);
  if (parsed.password !== '') env.PGPASSWORD = decodeURIComponent(parsed.password);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database !== '') env.PGDATABASE = database;
  const params: Record<string, string> = {
    host: 'PGHOST',
    port: 'PGPORT',
    user: 'PGUSER',
    password: 'PGPASSWORD',
    dbname: 'PGDATABASE',
    sslmode: 'PGSSLMODE',
    sslrootcert: 'PGSSLROOTCERT',
    sslcert: 'PGSSLCERT',
    sslkey: 'PGSSLKEY',
  };
  for (const [key, value] of parsed.searchParams) {
    const name = params[key];
    if (name !== undefined) env[name] = value;
  }
  return env;
}

function childEnvironment(url: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // Inherited PG* settings would silently point the tools elsewhere.
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PG')));
  return { ...base, ...connectionEnvironment(url), ...extra };
}

async function pgTool(
  name: 'pg_dump' | 'pg_restore',
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<string> {
  try {
    const { stdout } = await run(toolPath(name), args, {
      env,
      maxBuffer: 256 * 1024 * 1024,
      encoding: 'utf8',
    });
    return stdout;
  } catch (error) {
    const failure = error as { code?: unknown; stderr?: unknown };
    if (failure.code === 'ENOENT') {
      throw new Unprocessable(`未找到 PostgreSQL 客户端程序 ${name}，请安装 postgresql-client-15`);
    }
    const stderr = typeof failure.stderr === 'string' ? failure.stderr.trim() : '';
    throw new ToolFailed(stderr === '' ? `${name} 执行失败` : stderr.split('\n').slice(-5).join('\n'));
  }
}

class ToolFailed extends Error {}

async function countTables(db: Kysely<Database>): Promise<TableCount[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT tablename AS name FROM pg_catalog.pg_tables
    WHERE schemaname = current_schema() ORDER BY tablename`.execute(db);
  const counts: TableCount[] = [];
  for (const { name } of rows) {
    const result = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(name)}`.execute(db);
    counts.push({ name, rows: result.rows[0]?.n ?? 0 });
  }
  return counts;
}

export async function backupPostgres(
  url: string,
  handle: DatabaseHandle,
  target: string,
): Promise<BackupSummary> {
  const temp = siblingTempPath(target, 'partial');
  try {
    // One exported snapshot serves both the row counts and pg_dump, so the summary matches the file.
    const tables = await handle.db.connection().execute(async (connection) => {
      await sql`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`.execute(connection);
      try {
        const { rows } = await sql<{ id: string }>`SELECT pg_export_snapshot() AS id`.execute(connection);
        const counts = await countTables(connection);
        const args = ['--format=custom', '--no-owner', '--no-privileges', `--file=${temp}`];
        if (rows[0] !== undefined) args.push(`--snapshot=${rows[0].id}`);
        await pgTool('pg_dump', args, childEnvironment(url));
        return counts;
      } finally {
        await sql`COMMIT`.execute(connection);
      }
    });
    commitFile(temp, target);
    return { file: target, dialect: 'postgres', bytes: statSync(target).size, tables };
  } catch (error) {
    if (error instanceof ToolFailed) throw new Unprocessable(`pg_dump 备份失败：${error.message}`);
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** The first column of the rows of a COPY … FROM stdin block in a plain-SQL script. */
function copiedNames(script: string): string[] {
  const names: string[] = [];
  let inside = false;
  for (const line of script.split('\n')) {
    if (!inside) {
      inside = line.startsWith('COPY ') && line.includes(MIGRATION_TABLE);
    } else if (line === '\\.') {
      inside = false;
    } else {
      names.push(line.split('\t')[0] ?? '');
    }
  }
  return names;
}

/** Reads the whole archive without a database: catches files that are not ours, truncated or damaged. */
async function inspectArchive(file: string, env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const list = await pgTool('pg_restore', ['--list', file], env);
    if (!new RegExp(`\\bTABLE \\S+ ${MIGRATION_TABLE}\\b`).test(list)) {
      throw notOurs(file, `其中没有迁移记录表 ${MIGRATION_TABLE}`);
    }
    await pgTool('pg_restore', ['--file=/dev/null', file], env);
    const script = await pgTool(
      'pg_restore',
      ['--data-only', `--table=${MIGRATION_TABLE}`, '--file=-', file],
      env,
    );
    return checkBackupMigrations(file, copiedNames(script));
  } catch (error) {
    if (error instanceof ToolFailed)
      throw notOurs(file, `pg_restore 无法完整读取（文件不完整或已损坏）：${error.message}`);
    throw error;
  }
}

export async function restorePostgres(url: string, file: string): Promise<RestoreSummary> {
  const latestMigration = await inspectArchive(file, childEnvironment(url));
  // A running app holding locks makes DROP TABLE wait: give up with a clear message instead of hanging.
  const env = childEnvironment(url, { PGOPTIONS: '-c lock_timeout=15000' });
  const database = env.PGDATABASE ?? env.PGUSER ?? '';
  try {
    await pgTool(
      'pg_restore',
      [
        '--clean',
        '--if-exists',
        '--no-owner',
        '--no-privileges',
        '--single-transaction',
        '--exit-on-error',
        `--dbname=${database}`,
        file,
      ],
      env,
    );
  } catch (error) {
    if (error instanceof ToolFailed) {
      throw new Unprocessable(
        `恢复失败，数据库保持原状（恢复在一个事务中进行）。若服务仍在运行，请先停止服务。pg_restore：${error.message}`,
      );
    }
    throw error;
  }
  const handle = openDatabase({ kind: 'postgres', url });
  try {
    const tables = await countTables(handle.db);
    return { file, dialect: 'postgres', bytes: statSync(file).size, tables, latestMigration };
  } finally {
    await handle.close();
  }
}

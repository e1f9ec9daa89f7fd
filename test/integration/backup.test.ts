import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict, Invalid, Unprocessable } from '../../src/core/errors.ts';
import { backupDatabase, restoreDatabase, type BackupSummary } from '../../src/db/backup.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.ts';
import type { Database } from '../../src/db/schema.ts';
import { verifyAudit } from '../../src/features/audit/service.ts';
import { insertCheckRun } from '../../src/features/reports/repo.ts';
import { addUnit } from '../../src/features/units/service.ts';
import { operatorScope } from '../support/actors.ts';
import { createTestContext, createTestDatabase, testDialect, type TestContext } from '../support/database.ts';
import { repoRoot } from '../support/paths.ts';

type Row = Record<string, unknown>;

async function tableNames(db: Kysely<Database>): Promise<string[]> {
  const { rows } =
    testDialect === 'postgres'
      ? await sql<{ name: string }>`SELECT tablename AS name FROM pg_catalog.pg_tables
          WHERE schemaname = current_schema() ORDER BY tablename`.execute(db)
      : await sql<{ name: string }>`SELECT name FROM sqlite_master
          WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(db);
  return rows.map((r) => r.name);
}

/** The primary key columns of a table, or every column when it has none. */
async function orderColumns(db: Kysely<Database>, table: string): Promise<string[]> {
  if (testDialect === 'postgres') {
    const { rows: key } = await sql<{ name: string }>`
      SELECT a.attname AS name FROM pg_index i
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
      WHERE i.indrelid = ${table}::regclass AND i.indisprimary
      ORDER BY array_position(i.indkey::int2[], a.attnum)`.execute(db);
    if (key.length > 0) return key.map((r) => r.name);
    const { rows } = await sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY ordinal_position`.execute(db);
    return rows.map((r) => r.name);
  }
  const { rows } = await sql<{ name: string; pk: number }>`
    SELECT name, pk FROM pragma_table_info(${table}) ORDER BY pk, cid`.execute(db);
  const key = rows.filter((r) => r.pk > 0).map((r) => r.name);
  return key.length > 0 ? key : rows.map((r) => r.name);
}

/** Every row of every table in the catalogue, ordered by primary key. */
async function snapshot(db: Kysely<Database>): Promise<Record<string, Row[]>> {
  const all: Record<string, Row[]> = {};
  for (const table of await tableNames(db)) {
    const order = await orderColumns(db, table);
    const orderBy = sql.join(order.map((c) => sql.ref(c)));
    const { rows } = await sql<Row>`SELECT * FROM ${sql.table(table)} ORDER BY ${orderBy}`.execute(db);
    all[table] = rows;
  }
  return all;
}

describe(`backup and restore on ${testDialect}`, () => {
  let context: TestContext;
  let dir: string;
  let file: string;
  let atBackup: Record<string, Row[]>;
  let summary: BackupSummary;

  beforeAll(async () => {
    context = await createTestContext();
    dir = mkdtempSync(join(tmpdir(), 'gongkai-backup-'));
    file = join(dir, 'gongkai.backup');
    const operator = operatorScope(context);
    const city = await addUnit(operator, { parentId: null, name: '示例市人民政府', kind: 'city' });
    await addUnit(operator, { parentId: city.id, name: '示例区人民政府', kind: 'county' });
    await addUnit(operator, { parentId: city.id, name: '示例市教育局', kind: 'department' });
    for (const [index, outcome] of (['checked', 'checked', 'unreadable'] as const).entries()) {
      await insertCheckRun(context.database.db, context.database.dialect, {
        source: index === 0 ? 'api' : 'web',
        fileName: `report-${index}.pdf`,
        format: outcome === 'checked' ? '2021' : null,
        reportYear: outcome === 'checked' ? 2023 : null,
        agency: '示例市人民政府',
        outcome,
        errors: index,
        warnings: 2 * index,
      });
    }
    atBackup = await snapshot(context.database.db);
    // The database stays open (as a running service would keep it) while the backup is taken.
    summary = await backupDatabase(context.config.database, context.database, file);
    await addUnit(operator, { parentId: city.id, name: '备份之后新增的单位', kind: 'department' });
    await addUnit(operator, { parentId: null, name: '另一个备份之后的单位', kind: 'city' });
  });
  afterAll(async () => {
    await context.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a backup of the open database and reports every table with its rows', async () => {
    expect(summary.bytes).toBeGreaterThan(0);
    const counts = Object.fromEntries(summary.tables.map((t) => [t.name, t.rows]));
    expect(Object.keys(counts).sort()).toEqual(Object.keys(atBackup).sort());
    for (const [table, rows] of Object.entries(atBackup)) expect(counts[table], table).toBe(rows.length);
    expect(counts.units).toBe(3);
    expect(counts.audit_log).toBe(3);
    expect(counts.report_check_runs).toBe(3);
    await expect(backupDatabase(context.config.database, context.database, file)).rejects.toThrow(Conflict);
  });

  it('refuses a file that is not a backup of ours, and leaves the live database untouched', async () => {
    const before = await snapshot(context.database.db);
    const garbage = join(dir, 'garbage.backup');
    writeFileSync(garbage, 'this is not a database backup at all\n');
    const attempt = restoreDatabase(context.config.database, garbage);
    await expect(attempt).rejects.toThrow(Invalid);
    await expect(attempt).rejects.toThrow(/不是公开（Gongkai）的数据库备份/);

    const bytes = readFileSync(file);
    const truncated = join(dir, 'truncated.backup');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(restoreDatabase(context.config.database, truncated)).rejects.toThrow(Unprocessable);

    if (testDialect === 'sqlite') {
      const foreign = join(dir, 'foreign.db');
      const other = new SQLite(foreign);
      other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
      other.close();
      await expect(restoreDatabase(context.config.database, foreign)).rejects.toThrow(/kysely_migration/);
    } else {
      const wrongKind = join(dir, 'wrong-kind.db');
      writeFileSync(
        wrongKind,
        Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(100)]),
      );
      await expect(restoreDatabase(context.config.database, wrongKind)).rejects.toThrow(
        /SQLite 数据库的备份/,
      );
    }
    expect(await snapshot(context.database.db)).toEqual(before);
  });

  it.skipIf(testDialect !== 'sqlite')(
    'refuses to replace a SQLite file another connection holds open',
    async () => {
      const before = await snapshot(context.database.db);
      await expect(restoreDatabase(context.config.database, file)).rejects.toThrow(Conflict);
      expect(await snapshot(context.database.db)).toEqual(before);
    },
  );

  it('restores into an empty database, equal to the database at backup time', async () => {
    const empty = await createTestDatabase({ migrate: false });
    await empty.handle.close();
    const restored = await restoreDatabase(empty.databaseConfig, file);
    expect(restored.tables).toEqual(summary.tables);
    const handle = openDatabase(empty.databaseConfig);
    try {
      expect(await snapshot(handle.db)).toEqual(atBackup);
      expect(await verifyAudit(handle.db)).toEqual({ ok: true, count: 3 });
    } finally {
      await handle.close();
      await empty.destroy();
    }
  });

  it('restores over the live database: every table equals the backup, the audit chain verifies', async () => {
    expect((await snapshot(context.database.db)).units).toHaveLength(5);
    await context.database.close();
    const restored = await restoreDatabase(context.config.database, file);
    expect(restored.latestMigration).toBe(atBackup.kysely_migration?.at(-1)?.name);
    const handle: DatabaseHandle = openDatabase(context.config.database);
    try {
      expect(await snapshot(handle.db)).toEqual(atBackup);
      expect(await verifyAudit(handle.db)).toEqual({ ok: true, count: 3 });
      // Work continues on the restored database: ids and the audit chain carry on from the backup.
      const unit = await addUnit(operatorScope({ ...context, database: handle }), {
        parentId: null,
        name: '恢复之后新增的单位',
        kind: 'city',
      });
      const maxId = Math.max(...(atBackup.units ?? []).map((u) => Number(u.id)));
      expect(unit.id).toBeGreaterThan(maxId);
      expect(await verifyAudit(handle.db)).toEqual({ ok: true, count: 4 });
    } finally {
      await handle.close();
    }
  });
});

const run = promisify(execFile);
const registered = readFileSync(join(repoRoot, 'src/cli/main.ts'), 'utf8').includes('registerBackupCommands');
// Until src/cli/main.ts registers the commands, the same command modules run under a minimal entry point.
const harness = `
import { register } from 'tsx/esm/api';
register();
const { Command } = await import('commander');
const { registerBackupCommands } = await import('./src/cli/backup-commands.ts');
const { registerUnitCommands } = await import('./src/cli/units-commands.ts');
const { registerAuditCommands } = await import('./src/cli/audit-commands.ts');
const { reportCliError } = await import('./src/cli/errors.ts');
const program = new Command('gongkai');
registerBackupCommands(program);
registerUnitCommands(program);
registerAuditCommands(program);
try {
  await program.parseAsync(process.argv.slice(1), { from: 'user' });
} catch (error) {
  process.exitCode = reportCliError(error);
}
`;

async function gongkai(args: string[], env: Record<string, string>) {
  const entry = registered ? [join(repoRoot, 'bin/gongkai.js')] : ['--input-type=module', '-e', harness];
  try {
    const { stdout, stderr } = await run(process.execPath, [...entry, ...args], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      encoding: 'utf8',
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.skipIf(testDialect !== 'sqlite')('gongkai backup and gongkai restore', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-backup-cli-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up, refuses to restore unconfirmed, and restores with --yes', { timeout: 90_000 }, async () => {
    const env = { DATABASE_URL: join(dir, 'gongkai.db'), DATA_KEYS_FILE: join(dir, 'keys.json') };
    for (const command of ['backup', 'restore']) {
      const help = await gongkai([command, '--help'], env);
      expect(help.code, command).toBe(0);
      expect(help.stdout).toMatch(/Usage|用法/);
    }
    expect((await gongkai(['units', 'add', '--name', '示例市人民政府', '--kind', 'city'], env)).code).toBe(0);
    const file = join(dir, 'nightly.backup');
    const backup = await gongkai(['backup', file], env);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('已备份');
    expect(backup.stdout).toMatch(/units\s+1 行/);
    expect(backup.stdout).toContain(env.DATA_KEYS_FILE);

    expect((await gongkai(['units', 'add', '--name', '备份后的单位', '--kind', 'city'], env)).code).toBe(0);
    const unconfirmed = await gongkai(['restore', file], env);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('--yes');
    expect((await gongkai(['units', 'list'], env)).stdout).toContain('备份后的单位');

    const garbage = join(dir, 'garbage.backup');
    writeFileSync(garbage, 'nothing to see here');
    const refused = await gongkai(['restore', '--yes', garbage], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^错误：.*不是公开（Gongkai）的数据库备份/);

    const restore = await gongkai(['restore', '--yes', file], env);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/units\s+1 行/);
    const list = await gongkai(['units', 'list'], env);
    expect(list.stdout).toContain('示例市人民政府');
    expect(list.stdout).not.toContain('备份后的单位');
    const verify = await gongkai(['audit', 'verify'], env);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('审计日志完整');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { countCheckRuns, insertCheckRun, listRecentCheckRuns } from '../../src/features/reports/repo.ts';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/database.ts';

describe(`database on ${testDialect}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('applies every migration once and is idempotent', async () => {
    const first = await migrateToLatest(database.handle);
    expect(first.applied).toContain('20261128_0001_report_check_runs');
    const second = await migrateToLatest(database.handle);
    expect(second.applied).toEqual([]);
  });

  it('stores and lists check runs through the repo, newest first, as domain objects', async () => {
    const { db, dialect } = database.handle;
    const older = new Date('2026-01-02T03:04:05.000Z');
    await insertCheckRun(db, dialect, {
      source: 'web',
      fileName: 'a.pdf',
      format: '2021',
      reportYear: 2023,
      agency: '沈阳市皇姑区人民政府',
      outcome: 'checked',
      errors: 0,
      warnings: 1,
      createdAt: older,
    });
    await insertCheckRun(db, dialect, {
      source: 'api',
      fileName: null,
      format: null,
      reportYear: null,
      agency: null,
      outcome: 'unreadable',
      errors: 0,
      warnings: 0,
    });
    const runs = await listRecentCheckRuns(db, 10);
    expect(runs).toHaveLength(2);
    expect(runs[0]?.outcome).toBe('unreadable');
    expect(runs[1]).toMatchObject({
      source: 'web',
      agency: '沈阳市皇姑区人民政府',
      reportYear: 2023,
      warnings: 1,
    });
    expect(runs[1]?.createdAt).toBeInstanceOf(Date);
    expect(runs[1]?.createdAt.toISOString()).toBe(older.toISOString());
    expect(await countCheckRuns(db)).toEqual({ total: 2, withErrors: 0 });
  });

  it('rolls a transaction back whole when it fails, and commits it whole otherwise', async () => {
    const { db, dialect } = database.handle;
    const before = (await countCheckRuns(db)).total;
    const run = { source: 'api', fileName: null, format: null, reportYear: null, agency: null } as const;
    await expect(
      inTransaction(db, async (trx) => {
        await insertCheckRun(trx, dialect, { ...run, outcome: 'checked', errors: 3, warnings: 0 });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await countCheckRuns(db)).total).toBe(before);

    await inTransaction(db, async (trx) => {
      await insertCheckRun(trx, dialect, { ...run, outcome: 'checked', errors: 3, warnings: 0 });
      // A nested call joins the outer transaction instead of opening a second one.
      await inTransaction(trx, (inner) =>
        insertCheckRun(inner, dialect, { ...run, outcome: 'checked', errors: 0, warnings: 0 }),
      );
    });
    expect(await countCheckRuns(db)).toEqual({ total: before + 2, withErrors: 1 });
  });
});

import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Invalid } from '../../src/core/errors.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { archiveAuditLog } from '../../src/features/audit/archive.ts';
import { findAuditEntries } from '../../src/features/audit/repo.ts';
import { recordAudit, verifyAudit } from '../../src/features/audit/service.ts';
import { createTestContext, testDialect, type TestContext } from '../support/database.ts';

describe(`audit retention and archives on ${testDialect}`, () => {
  let context: TestContext;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-archive-'));
  const record = (action: string, at: Date) =>
    inTransaction(context.database.db, (trx) =>
      recordAudit(trx, { actor: null, address: 'cli', action }, at),
    );

  beforeAll(async () => {
    context = await createTestContext();
    for (let month = 1; month <= 3; month++)
      await record(`old.${month}`, new Date(`2025-0${month}-15T02:00:00Z`));
    await record('recent', new Date());
  });
  afterAll(async () => {
    await context.destroy();
  });

  it('refuses to archive entries younger than the retention period', async () => {
    const recent = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    await expect(archiveAuditLog(context, recent, join(dir, 'too-young.jsonl'))).rejects.toThrow(Invalid);
    await expect(archiveAuditLog(context, recent, join(dir, 'too-young.jsonl'))).rejects.toThrow(
      /至少保留 180 天/,
    );
  });

  it('moves older entries to a file, keeps the rest verifiable, and records the archiving', async () => {
    const file = join(dir, 'audit-2025.jsonl');
    const result = await archiveAuditLog(context, '2025-03-01', file);
    expect(result).toMatchObject({ count: 2, upToSeq: 2 });
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { action: string }).action)).toEqual(['old.1', 'old.2']);
    const remaining = await findAuditEntries(context.database.db, {}, 100);
    expect(remaining.map((e) => e.action).sort()).toEqual(['audit.archive', 'old.3', 'recent']);
    expect(await verifyAudit(context.database.db)).toMatchObject({ ok: true });
    await expect(archiveAuditLog(context, '2025-03-01', file)).resolves.toMatchObject({ count: 0 });
  });

  it('still refuses plain deletes afterwards, and still locates tampering', async () => {
    const db = context.database.db;
    await expect(sql`DELETE FROM audit_log WHERE seq = 3`.execute(db)).rejects.toThrow();
    const disable =
      testDialect === 'postgres'
        ? sql`ALTER TABLE audit_log DISABLE TRIGGER USER`
        : sql`DROP TRIGGER audit_log_no_update`;
    await disable.execute(db);
    await sql`UPDATE audit_log SET action = 'forged' WHERE seq = 3`.execute(db);
    expect(await verifyAudit(db)).toMatchObject({ ok: false, seq: 3 });
  });
});

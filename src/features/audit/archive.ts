// Retention: audit entries are kept at least AUDIT_RETENTION_DAYS (default 180, 网络安全法 Art. 21) and
// are never deleted automatically. Older entries may be moved to an archive file by the operator; the
// last archived entry stays recorded, so the remaining chain still verifies from it.
import { closeSync, existsSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import type { AppContext } from '../../app-context.ts';
import { Conflict, Invalid } from '../../core/errors.ts';
import { inTransaction } from '../../db/transaction.ts';
import { GENESIS_HASH } from '../../security/audit-chain.ts';
import {
  deleteArchivedEntries,
  insertAuditArchive,
  latestAuditArchive,
  pageAuditEntries,
  type StoredAuditEntry,
} from './repo.ts';
import { auditActorOf, recordAudit, verifyAudit } from './service.ts';

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ArchiveResult {
  readonly count: number;
  readonly upToSeq: number;
  readonly file: string;
}

/** The first entry still in the database continues from here. */
export async function auditAnchor(context: AppContext): Promise<{ seq: number; hash: string }> {
  const archive = await latestAuditArchive(context.database.db);
  return archive ? { seq: archive.upToSeq, hash: archive.upToHash } : { seq: 0, hash: GENESIS_HASH };
}

async function entriesToArchive(context: AppContext, beforeIso: string): Promise<StoredAuditEntry[]> {
  const anchor = await auditAnchor(context);
  const entries: StoredAuditEntry[] = [];
  let after = anchor.seq;
  for (;;) {
    const page = await pageAuditEntries(context.database.db, after, 2000);
    for (const entry of page) {
      // Only a prefix of the chain can leave: the first younger entry ends the archive.
      if (entry.at >= beforeIso) return entries;
      entries.push(entry);
    }
    const last = page.at(-1);
    if (last === undefined || page.length < 2000) return entries;
    after = last.seq;
  }
}

function writeArchiveFile(file: string, entries: readonly StoredAuditEntry[]): void {
  if (existsSync(file)) throw new Conflict(`归档文件已存在，不会覆盖：${file}`);
  const temporary = `${file}.partial`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    for (const entry of entries) writeSync(fd, `${JSON.stringify(entry)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

/** Moves the entries recorded before `before` (a date in China Standard Time) into a JSON-lines file. */
export async function archiveAuditLog(
  context: AppContext,
  before: string,
  file: string,
  now = new Date(),
): Promise<ArchiveResult> {
  if (!DATE.test(before)) throw new Invalid('--before', '“--before”应为 YYYY-MM-DD');
  const beforeTime = new Date(`${before}T00:00:00+08:00`);
  const retention = context.config.auditRetentionDays;
  if (Number.isNaN(beforeTime.getTime()) || beforeTime.getTime() > now.getTime() - retention * DAY_MS) {
    throw new Invalid(
      '--before',
      `审计日志至少保留 ${retention} 天（AUDIT_RETENTION_DAYS），只能归档 ${retention} 天以前的记录`,
    );
  }
  const verification = await verifyAudit(context.database.db);
  if (!verification.ok) throw new Conflict(`审计日志校验未通过，不能归档：${verification.message}`);
  const entries = await entriesToArchive(context, beforeTime.toISOString());
  const last = entries.at(-1);
  if (last === undefined) return { count: 0, upToSeq: (await auditAnchor(context)).seq, file };
  writeArchiveFile(file, entries);
  const { db, dialect } = context.database;
  await inTransaction(db, async (trx) => {
    const archive = {
      upToSeq: last.seq,
      upToHash: last.hash,
      entryCount: entries.length,
      fileName: file,
      archivedBefore: before,
    };
    await insertAuditArchive(trx, dialect, archive, now);
    await deleteArchivedEntries(trx, dialect, last.seq);
    await recordAudit(
      trx,
      {
        actor: auditActorOf({ kind: 'operator' }),
        address: 'cli',
        action: 'audit.archive',
        details: { before, count: entries.length, upToSeq: last.seq, file },
      },
      now,
    );
  });
  return { count: entries.length, upToSeq: last.seq, file };
}

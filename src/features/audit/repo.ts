// All SQL of the audit log. The log is append-only (database triggers refuse UPDATE and DELETE).
import type { ChainedAuditRecord } from '../../security/audit-chain.ts';
import { sql, type Selectable } from 'kysely';
import type { AuditLogTable } from '../../db/schema.ts';
import { fromDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';

export type StoredAuditEntry = ChainedAuditRecord;

/**
 * Takes the next sequence number. The UPDATE comes first so that the row lock (PostgreSQL) or the write
 * lock (SQLite) is held from the start: concurrent writers queue here instead of forking the chain.
 */
export async function advanceAuditHead(trx: Executor): Promise<{ seq: number; previousHash: string }> {
  const row = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  return { seq: row.seq, previousHash: row.hash };
}

export async function setAuditHeadHash(trx: Executor, hash: string, at: Date): Promise<void> {
  await trx
    .updateTable('audit_head')
    .set({ hash, updated_at: at.toISOString() })
    .where('id', '=', 1)
    .execute();
}

export async function readAuditHead(db: Executor): Promise<{ seq: number; hash: string }> {
  const row = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { seq: row.seq, hash: row.hash };
}

export async function insertAuditEntry(trx: Executor, entry: StoredAuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      seq: entry.seq,
      at: entry.at,
      actor_id: entry.actorId,
      actor_name: entry.actorName,
      address: entry.address,
      action: entry.action,
      object_type: entry.objectType,
      object_id: entry.objectId,
      result: entry.result,
      details: entry.details,
      prev_hash: entry.prevHash,
      hash: entry.hash,
    })
    .execute();
}

function toEntry(row: Selectable<AuditLogTable>): StoredAuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    address: row.address,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    result: row.result === 'denied' || row.result === 'failed' ? row.result : 'ok',
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Entries in storage order (by seq) after `afterSeq`, a page at a time. */
export async function pageAuditEntries(
  db: Executor,
  afterSeq: number,
  limit: number,
): Promise<StoredAuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(toEntry);
}

export interface AuditFilter {
  readonly from?: string;
  readonly to?: string;
  readonly actorName?: string;
  readonly action?: string;
  readonly objectType?: string;
  readonly objectId?: string;
}

export async function findAuditEntries(
  db: Executor,
  filter: AuditFilter,
  limit: number,
): Promise<StoredAuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<=', filter.to);
  if (filter.actorName) query = query.where('actor_name', '=', filter.actorName);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.objectType) query = query.where('object_type', '=', filter.objectType);
  if (filter.objectId) query = query.where('object_id', '=', filter.objectId);
  const rows = await query.orderBy('seq', 'desc').limit(limit).execute();
  return rows.map(toEntry);
}

// ---- archives ----

export interface AuditArchive {
  readonly upToSeq: number;
  readonly upToHash: string;
  readonly entryCount: number;
  readonly fileName: string;
  readonly archivedBefore: string;
}

export async function latestAuditArchive(db: Executor): Promise<AuditArchive | null> {
  const row = await db
    .selectFrom('audit_archives')
    .selectAll()
    .orderBy('up_to_seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        upToSeq: row.up_to_seq,
        upToHash: row.up_to_hash,
        entryCount: row.entry_count,
        fileName: row.file_name,
        archivedBefore: row.archived_before,
      }
    : null;
}

export async function insertAuditArchive(
  trx: Executor,
  dialect: DialectName,
  archive: AuditArchive,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('audit_archives')
    .values({
      up_to_seq: archive.upToSeq,
      up_to_hash: archive.upToHash,
      entry_count: archive.entryCount,
      file_name: archive.fileName,
      archived_before: archive.archivedBefore,
      archived_at: fromDate(dialect, now),
    })
    .execute();
}

/**
 * Removes archived entries. The append-only guard is lifted for this statement only, inside the
 * caller's transaction (DDL is transactional on both databases), so no other change can slip through.
 */
export async function deleteArchivedEntries(
  trx: Executor,
  dialect: DialectName,
  upToSeq: number,
): Promise<void> {
  if (dialect === 'postgres') {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(trx);
    await trx.deleteFrom('audit_log').where('seq', '<=', upToSeq).execute();
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(trx);
    return;
  }
  await sql`DROP TRIGGER audit_log_no_delete`.execute(trx);
  await trx.deleteFrom('audit_log').where('seq', '<=', upToSeq).execute();
  await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(trx);
}

/** Entries recorded before `before` (ISO time), oldest first. */
export async function entriesBefore(db: Executor, before: string, afterSeq: number, limit: number) {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('at', '<', before)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map(toEntry);
}

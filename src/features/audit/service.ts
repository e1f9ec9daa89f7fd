// The audit trail: every security-relevant event and every state change, written in the same
// transaction as the change, chained by SM3 so that editing, deleting or reordering entries shows.
import type { Transaction } from 'kysely';
import type { ActingScope } from '../../app-context.ts';
import type { Actor } from '../../core/access/roles.ts';
import type { Database } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import {
  chainHash,
  GENESIS_HASH,
  verifyAuditChain,
  type AuditChainAnchor,
  type AuditRecord,
} from '../../security/audit-chain.ts';
import {
  advanceAuditHead,
  insertAuditEntry,
  latestAuditArchive,
  pageAuditEntries,
  readAuditHead,
  setAuditHeadHash,
} from './repo.ts';

export interface AuditActor {
  readonly id: number | null;
  readonly name: string | null;
}

export interface AuditEvent {
  readonly actor: AuditActor | null;
  /** Where the request came from (IP address), or 'cli'. */
  readonly address: string | null;
  /** A stable dotted name, e.g. `unit.create`, `session.sign-in`. */
  readonly action: string;
  readonly objectType?: string;
  readonly objectId?: string | number;
  readonly result?: AuditRecord['result'];
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Appends one entry to the audit log inside the caller's transaction. */
export async function recordAudit(
  trx: Transaction<Database>,
  event: AuditEvent,
  now = new Date(),
): Promise<number> {
  const { seq, previousHash } = await advanceAuditHead(trx);
  const record: AuditRecord = {
    seq,
    at: now.toISOString(),
    actorId: event.actor?.id ?? null,
    actorName: event.actor?.name ?? null,
    address: event.address,
    action: event.action,
    objectType: event.objectType ?? null,
    objectId: event.objectId === undefined ? null : String(event.objectId),
    result: event.result ?? 'ok',
    details: JSON.stringify(event.details ?? {}),
  };
  const hash = chainHash(previousHash, record);
  await insertAuditEntry(trx, { ...record, prevHash: previousHash, hash });
  await setAuditHeadHash(trx, hash, now);
  return seq;
}

export type AuditVerification =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly seq: number; readonly message: string };

const PAGE = 2000;

/**
 * Checks the whole chain a page at a time (each page continues from the last verified entry) and that
 * its end matches the recorded head, so entries cut off the end show too.
 */
export async function verifyAudit(db: Executor): Promise<AuditVerification> {
  const archived = await latestAuditArchive(db);
  let anchor: AuditChainAnchor = archived
    ? { seq: archived.upToSeq, hash: archived.upToHash }
    : { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  for (;;) {
    const page = await pageAuditEntries(db, anchor.seq, PAGE);
    const verdict = verifyAuditChain(page, anchor);
    if (!verdict.ok) return { ok: false, seq: verdict.seq, message: verdict.message };
    count += verdict.count;
    if (verdict.last !== null) anchor = verdict.last;
    if (page.length < PAGE) break;
  }
  const head = await readAuditHead(db);
  if (anchor.seq !== head.seq || anchor.hash !== head.hash) {
    const seq = anchor.seq + 1;
    return {
      ok: false,
      seq,
      message: `审计记录应有 ${head.seq} 条，实有 ${anchor.seq} 条：第 ${seq} 条起的记录被删除`,
    };
  }
  return { ok: true, count };
}

/** The audit log's view of who acted. */
/** Audits an act of `scope` on one object, inside the caller's transaction. */
export async function recordAct(
  trx: Transaction<Database>,
  scope: ActingScope,
  action: string,
  objectType: string,
  objectId: number,
  details: Readonly<Record<string, unknown>>,
  now: Date,
): Promise<void> {
  await recordAudit(
    trx,
    { actor: auditActorOf(scope.actor), address: scope.address, action, objectType, objectId, details },
    now,
  );
}

export function auditActorOf(actor: Actor): AuditActor {
  return actor.kind === 'staff'
    ? { id: actor.userId, name: actor.username }
    : { id: null, name: '命令行操作员' };
}

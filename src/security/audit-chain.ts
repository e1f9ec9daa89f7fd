// Tamper evidence for the append-only audit log (等保 8.1.4.3): every entry carries the SM3 hash
// (GB/T 32905-2016) of the previous entry's hash and its own canonical text, so editing, deleting,
// reordering or inserting an entry breaks the chain from that point on.
//
// SM3 has no key: someone who can write the database can rebuild the whole chain after the entry they
// changed. Exporting the latest hash elsewhere now and then (a printed report, the auditor's copy)
// and verifying from such an anchor closes that gap.
import { Invalid } from '../core/errors.ts';
import { sm3Hex } from './sm3.ts';

export type AuditResult = 'ok' | 'denied' | 'failed';

export interface AuditRecord {
  /** 1, 2, 3 … without gaps. */
  seq: number;
  /** ISO 8601 UTC with milliseconds, exactly as `Date.prototype.toISOString` writes it. */
  at: string;
  actorId: number | null;
  actorName: string | null;
  address: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: AuditResult;
  /** JSON text, hashed as stored (it is not re-serialised). */
  details: string;
}

export interface ChainedAuditRecord extends AuditRecord {
  prevHash: string;
  hash: string;
}

export type AuditChainBreak = 'hash-mismatch' | 'broken-link' | 'sequence-gap' | 'reordered';

export type AuditChainVerdict =
  | { ok: true; count: number; last: { seq: number; hash: string } | null }
  | { ok: false; seq: number; reason: AuditChainBreak; message: string };

/** Where verification starts: the chain's beginning, or an entry verified and recorded earlier. */
export interface AuditChainAnchor {
  seq: number;
  hash: string;
}

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

const GENESIS_ANCHOR: AuditChainAnchor = { seq: 0, hash: GENESIS_HASH };
const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const HASH_PATTERN = /^[0-9a-f]{64}$/;
const RESULTS: readonly string[] = ['ok', 'denied', 'failed'] satisfies AuditResult[];

function checkRecord(record: AuditRecord): void {
  if (!Number.isSafeInteger(record.seq) || record.seq < 1) {
    throw new Invalid('seq', '审计记录序号必须是正整数');
  }
  // A timestamp column may come back in another spelling (PostgreSQL timestamptz, SQLite text);
  // the hash needs the one spelling it was written with.
  if (!ISO_UTC_MS.test(record.at) || Number.isNaN(Date.parse(record.at))) {
    throw new Invalid('at', '审计记录时间必须是带毫秒的 UTC ISO 8601 格式，如 2026-03-14T08:00:00.000Z');
  }
  if (record.actorId !== null && !Number.isSafeInteger(record.actorId)) {
    throw new Invalid('actorId', '审计记录的用户 ID 必须是整数或空');
  }
  if (!RESULTS.includes(record.result)) {
    throw new Invalid('result', '审计记录结果必须是 ok、denied 或 failed');
  }
}

/**
 * The deterministic text an entry is hashed over: the fields in a fixed order, each JSON-encoded
 * (so strings cannot contain a raw newline and null differs from "null"), one per line.
 */
export function canonicalAuditText(record: AuditRecord): string {
  checkRecord(record);
  return [
    record.seq,
    record.at,
    record.actorId,
    record.actorName,
    record.address,
    record.action,
    record.objectType,
    record.objectId,
    record.result,
    record.details,
  ]
    .map((value) => JSON.stringify(value))
    .join('\n');
}

export function chainHash(previousHash: string, record: AuditRecord): string {
  if (!HASH_PATTERN.test(previousHash)) {
    throw new Invalid('prevHash', '前序哈希必须是 64 位小写十六进制 SM3 值');
  }
  return sm3Hex(`${previousHash}\n${canonicalAuditText(record)}`);
}

/** The entry to append after the entry with `previousHash` (GENESIS_HASH for the first entry). */
export function linkAuditRecord(previousHash: string, record: AuditRecord): ChainedAuditRecord {
  return { ...record, prevHash: previousHash, hash: chainHash(previousHash, record) };
}

function seqRange(from: number, to: number): string {
  return from === to ? `第 ${from} 条` : `第 ${from}–${to} 条`;
}

function breakAt(seq: number, reason: AuditChainBreak, message: string): AuditChainVerdict {
  return { ok: false, seq, reason, message };
}

function contentIntact(record: ChainedAuditRecord): boolean {
  try {
    return chainHash(record.prevHash, record) === record.hash;
  } catch (error) {
    if (error instanceof Invalid) return false;
    throw error;
  }
}

/**
 * Verifies entries given in ascending `seq` order and names the first broken one. Accepts any
 * iterable, so the caller can page through the database; it looks one entry ahead to tell a
 * reordered pair from a deleted entry. Pass `from` to continue from a verified anchor (e.g. after
 * old entries were archived).
 */
export function verifyAuditChain(
  records: Iterable<ChainedAuditRecord>,
  from: AuditChainAnchor = GENESIS_ANCHOR,
): AuditChainVerdict {
  const iterator = records[Symbol.iterator]();
  let previous = from;
  let count = 0;
  let upcoming = iterator.next();
  while (upcoming.done !== true) {
    const record = upcoming.value;
    upcoming = iterator.next();
    const seq = record.seq;

    if (!contentIntact(record)) {
      return breakAt(seq, 'hash-mismatch', `第 ${seq} 条审计记录的哈希与内容不符（记录被修改）`);
    }
    const expectedSeq = previous.seq + 1;
    if (seq === previous.seq) {
      return breakAt(seq, 'broken-link', `第 ${seq} 条审计记录重复出现（插入了伪造记录）`);
    }
    if (seq < previous.seq) {
      return breakAt(
        seq,
        'reordered',
        `第 ${seq} 条审计记录出现在第 ${previous.seq} 条之后（记录顺序被调换）`,
      );
    }
    if (seq > expectedSeq) {
      const next = upcoming.done === true ? undefined : upcoming.value;
      if (next !== undefined && next.seq >= expectedSeq && next.seq < seq) {
        return breakAt(seq, 'reordered', `第 ${seq} 条审计记录出现在第 ${next.seq} 条之前（记录顺序被调换）`);
      }
      const missing = seqRange(expectedSeq, seq - 1);
      const after = previous.seq === 0 ? '日志开头' : `第 ${previous.seq} 条之后`;
      return breakAt(
        expectedSeq,
        'sequence-gap',
        `${missing}审计记录缺失（${after}直接是第 ${seq} 条，记录被删除）`,
      );
    }
    if (record.prevHash !== previous.hash) {
      const before = previous.seq === 0 ? '创世哈希' : `第 ${previous.seq} 条记录的哈希`;
      return breakAt(
        seq,
        'broken-link',
        `第 ${seq} 条审计记录的前序哈希与${before}不符（之前的记录被修改、删除或插入了伪造记录）`,
      );
    }
    previous = { seq, hash: record.hash };
    count++;
  }
  return { ok: true, count, last: count === 0 ? null : previous };
}

import { describe, expect, it } from 'vitest';
import {
  canonicalAuditText,
  chainHash,
  GENESIS_HASH,
  linkAuditRecord,
  verifyAuditChain,
} from './audit-chain.ts';
import type { AuditRecord, ChainedAuditRecord } from './audit-chain.ts';
import { sm3Hex } from './sm3.ts';

function event(seq: number, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    seq,
    at: new Date(Date.UTC(2026, 2, 14, 8, 0, seq)).toISOString(),
    actorId: 7,
    actorName: '王editor',
    address: '10.0.0.8',
    action: 'item.publish',
    objectType: 'item',
    objectId: String(100 + seq),
    result: 'ok',
    details: JSON.stringify({ title: `第${seq}号通知` }),
    ...overrides,
  };
}

function chain(length: number): ChainedAuditRecord[] {
  const records: ChainedAuditRecord[] = [];
  let previousHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const record = linkAuditRecord(previousHash, event(seq));
    records.push(record);
    previousHash = record.hash;
  }
  return records;
}

function nth(records: ChainedAuditRecord[], index: number): ChainedAuditRecord {
  const record = records[index];
  if (record === undefined) throw new Error(`no record at index ${index}`);
  return record;
}

function* paged(records: ChainedAuditRecord[], pageSize: number): Generator<ChainedAuditRecord> {
  for (let offset = 0; offset < records.length; offset += pageSize) {
    yield* records.slice(offset, offset + pageSize);
  }
}

describe('canonicalAuditText', () => {
  it('writes every field JSON-encoded, in a fixed order, one per line', () => {
    const text = canonicalAuditText(event(42, { actorId: null, objectType: null, details: '{"a":1}' }));
    expect(text.split('\n')).toEqual([
      '42',
      '"2026-03-14T08:00:42.000Z"',
      'null',
      '"王editor"',
      '"10.0.0.8"',
      '"item.publish"',
      'null',
      '"142"',
      '"ok"',
      '"{\\"a\\":1}"',
    ]);
  });

  it('does not depend on the order of the object keys', () => {
    const record = event(3);
    const reversed = Object.fromEntries(Object.entries(record).reverse()) as unknown as AuditRecord;
    expect(canonicalAuditText(reversed)).toBe(canonicalAuditText(record));
  });

  it('keeps null apart from the string "null" and a newline apart from a field break', () => {
    expect(canonicalAuditText(event(1, { actorName: null }))).not.toBe(
      canonicalAuditText(event(1, { actorName: 'null' })),
    );
    expect(canonicalAuditText(event(1, { actorName: 'a\n"b"', address: null }))).not.toBe(
      canonicalAuditText(event(1, { actorName: 'a', address: 'b' })),
    );
  });

  it.each([
    ['a time without milliseconds', { at: '2026-03-14T08:00:00Z' }, 'at'],
    ['a local time', { at: '2026-03-14T16:00:00.000+08:00' }, 'at'],
    ['a fractional sequence number', { seq: 1.5 }, 'seq'],
    ['an unknown result', { result: 'maybe' as AuditRecord['result'] }, 'result'],
  ])('refuses %s', (_name, overrides, field) => {
    expect(() => canonicalAuditText(event(1, overrides))).toThrow(expect.objectContaining({ field }));
  });
});

describe('chainHash', () => {
  it('is the SM3 of the previous hash, a newline and the canonical text', () => {
    const record = event(1);
    expect(chainHash(GENESIS_HASH, record)).toBe(sm3Hex(`${GENESIS_HASH}\n${canonicalAuditText(record)}`));
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('changes with the previous hash', () => {
    expect(chainHash(GENESIS_HASH, event(1))).not.toBe(chainHash('f'.repeat(64), event(1)));
  });
});

describe('verifyAuditChain', () => {
  it('accepts an intact chain, also when read page by page', () => {
    const records = chain(50);
    const last = records.at(-1);
    expect(verifyAuditChain(records)).toEqual({ ok: true, count: 50, last: { seq: 50, hash: last?.hash } });
    expect(verifyAuditChain(paged(records, 7))).toEqual(verifyAuditChain(records));
    expect(verifyAuditChain([])).toEqual({ ok: true, count: 0, last: null });
  });

  it('continues from an anchor after older entries were archived', () => {
    const records = chain(10);
    const anchor = { seq: 4, hash: records[3]?.hash ?? '' };
    expect(verifyAuditChain(records.slice(4), anchor)).toMatchObject({ ok: true, count: 6 });
    expect(verifyAuditChain(records.slice(4))).toMatchObject({ ok: false, seq: 1, reason: 'sequence-gap' });
  });

  it('names an edited entry', () => {
    const records = chain(60);
    records[41] = { ...nth(records, 41), result: 'denied' };
    expect(verifyAuditChain(records)).toEqual({
      ok: false,
      seq: 42,
      reason: 'hash-mismatch',
      message: '第 42 条审计记录的哈希与内容不符（记录被修改）',
    });
  });

  it('names the entry after an edited entry whose hash was recomputed', () => {
    const records = chain(10);
    const edited = nth(records, 4);
    records[4] = linkAuditRecord(edited.prevHash, { ...edited, details: '{"title":"改过"}' });
    expect(verifyAuditChain(records)).toMatchObject({ ok: false, seq: 6, reason: 'broken-link' });
  });

  it('names a deleted entry', () => {
    const records = chain(10);
    records.splice(4, 1);
    const verdict = verifyAuditChain(records);
    expect(verdict).toMatchObject({ ok: false, seq: 5, reason: 'sequence-gap' });
    expect(verdict.ok ? '' : verdict.message).toBe(
      '第 5 条审计记录缺失（第 4 条之后直接是第 6 条，记录被删除）',
    );
  });

  it('names deleted entries at the start and at the end of what was read', () => {
    expect(verifyAuditChain(chain(5).slice(2))).toMatchObject({ ok: false, seq: 1, reason: 'sequence-gap' });
    const tail = chain(5);
    tail.splice(3, 1);
    expect(verifyAuditChain(tail)).toMatchObject({ ok: false, seq: 4, reason: 'sequence-gap' });
  });

  it('names a deleted entry whose successors were renumbered', () => {
    const records = chain(10);
    records.splice(4, 1);
    const renumbered = records.map((record, index) => ({ ...record, seq: index + 1 }));
    expect(verifyAuditChain(renumbered)).toMatchObject({ ok: false, seq: 5, reason: 'hash-mismatch' });
  });

  it('cannot see a deletion when the rest of the chain was rebuilt (why anchors are exported)', () => {
    const records = chain(10);
    records.splice(4, 1);
    let previousHash = nth(records, 3).hash;
    const rebuilt = records.map((record, index) => {
      if (index < 4) return record;
      const relinked = linkAuditRecord(previousHash, { ...record, seq: index + 1 });
      previousHash = relinked.hash;
      return relinked;
    });
    // Undetectable from the chain alone; an exported anchor of the original last entry exposes it.
    expect(verifyAuditChain(rebuilt)).toMatchObject({ ok: true });
    expect(rebuilt.at(-1)?.hash).not.toBe(chain(10).at(-1)?.hash);
  });

  it('names a reordered pair', () => {
    const records = chain(10);
    [records[6], records[7]] = [nth(records, 7), nth(records, 6)];
    const verdict = verifyAuditChain(records);
    expect(verdict).toMatchObject({ ok: false, seq: 8, reason: 'reordered' });
    expect(verdict.ok ? '' : verdict.message).toContain('记录顺序被调换');
  });

  it('names a pair whose sequence numbers were swapped', () => {
    const records = chain(10);
    const [a, b] = [nth(records, 2), nth(records, 3)];
    records[2] = { ...b, seq: a.seq };
    records[3] = { ...a, seq: b.seq };
    expect(verifyAuditChain(records)).toMatchObject({ ok: false, seq: 3, reason: 'hash-mismatch' });
  });

  it('reports an entry moved far down as a gap, and one moved next door as reordered', () => {
    const records = chain(10);
    const moved = nth(records, 2);
    records.splice(2, 1);
    records.splice(6, 0, moved);
    expect(verifyAuditChain(records)).toMatchObject({ ok: false, reason: 'sequence-gap', seq: 3 });
    records.splice(6, 1);
    records.splice(3, 0, moved);
    expect(verifyAuditChain(records)).toMatchObject({ ok: false, reason: 'reordered', seq: 4 });
  });

  it('names an inserted forged entry that reuses a sequence number', () => {
    const records = chain(10);
    const forged = linkAuditRecord(nth(records, 4).hash, event(6, { action: 'user.grant-admin' }));
    records.splice(5, 0, forged);
    const verdict = verifyAuditChain(records);
    expect(verdict).toMatchObject({ ok: false, seq: 6, reason: 'broken-link' });
  });

  it('names an inserted forged entry with a made-up hash', () => {
    const records = chain(10);
    records.splice(5, 0, {
      ...event(6, { action: 'user.grant-admin' }),
      prevHash: nth(records, 4).hash,
      hash: 'a'.repeat(64),
    });
    expect(verifyAuditChain(records)).toMatchObject({ ok: false, seq: 6, reason: 'hash-mismatch' });
  });

  it('names an appended entry that is not linked to the last one', () => {
    const records = chain(10);
    records.push(linkAuditRecord(GENESIS_HASH, event(11)));
    expect(verifyAuditChain(records)).toMatchObject({ ok: false, seq: 11, reason: 'broken-link' });
  });

  it('names a first entry that does not start from the genesis hash', () => {
    const records = [linkAuditRecord('1'.repeat(64), event(1))];
    const verdict = verifyAuditChain(records);
    expect(verdict).toMatchObject({ ok: false, seq: 1, reason: 'broken-link' });
    expect(verdict.ok ? '' : verdict.message).toContain('创世哈希');
  });

  it('treats a malformed stored entry as not matching its hash', () => {
    const records = chain(3);
    records[1] = { ...nth(records, 1), at: '2026-03-14 08:00:02' };
    expect(verifyAuditChain(records)).toMatchObject({ ok: false, seq: 2, reason: 'hash-mismatch' });
  });

  it('stops reading at the first broken entry', () => {
    const records = chain(10);
    records[2] = { ...nth(records, 2), action: 'x' };
    let read = 0;
    const counted = (function* () {
      for (const record of records) {
        read++;
        yield record;
      }
    })();
    expect(verifyAuditChain(counted)).toMatchObject({ ok: false, seq: 3 });
    expect(read).toBeLessThanOrEqual(4);
  });
});

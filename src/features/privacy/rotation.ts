// Key rotation of the personal-data keys (密评: keys are replaced on a schedule; a compromised key is
// retired). `gongkai keys rotate` adds a new current key to the key file, then re-encrypts every value
// of every sealed column under it and recomputes every blind index, in batches of one transaction each.
//
// The run is resumable: a value already sealed under the current key is skipped (its key id says so),
// so a second run after an interruption finishes the job, and running `rotate` while values are still
// under older keys of the ring continues that rotation instead of adding yet another key.
//
// The old keys stay in the key file. One may be deleted only when `gongkai keys rotate --status` shows
// no value under it any more (and after every backup that still holds such values has expired):
// a value sealed under a deleted key can never be opened again.
import { readFileSync, renameSync } from 'node:fs';
import type { ActingScope } from '../../app-context.ts';
import { Conflict, NotFound } from '../../core/errors.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { FieldIntegrityError, sealedKeyId } from '../../security/field-crypto.ts';
import { saveKeyRing } from '../../security/key-file.ts';
import { addKey, parseKeyFile, type KeyRing } from '../../security/key-ring.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { indexPersonal, openPersonal, sealPersonal } from './personal-field.ts';
import {
  countSealed,
  pageSealedOutside,
  replaceSealed,
  sealedPrefix,
  type RowKey,
  type SealedColumn,
} from './repo.ts';

export type { SealedColumn } from './repo.ts';

/**
 * Every column of the database that holds sealed values. A feature that stores personal data adds its
 * columns here, and rotation, `--status` and the tests cover them from then on.
 */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'users', keyColumn: 'id', sealedColumn: 'totp_secret_sealed' },
  {
    table: 'users',
    keyColumn: 'id',
    sealedColumn: 'id_number_sealed',
    index: { column: 'id_number_index', purpose: 'id-number' },
  },
  {
    table: 'users',
    keyColumn: 'id',
    sealedColumn: 'phone_sealed',
    index: { column: 'phone_index', purpose: 'phone' },
  },
  {
    table: 'users',
    keyColumn: 'id',
    sealedColumn: 'email_sealed',
    index: { column: 'email_index', purpose: 'email' },
  },
  { table: 'applications', keyColumn: 'id', sealedColumn: 'applicant_name_sealed' },
  {
    table: 'applications',
    keyColumn: 'id',
    sealedColumn: 'id_number_sealed',
    index: { column: 'id_number_index', purpose: 'id-number' },
  },
  { table: 'applications', keyColumn: 'id', sealedColumn: 'contact_name_sealed' },
  {
    table: 'applications',
    keyColumn: 'id',
    sealedColumn: 'phone_sealed',
    index: { column: 'phone_index', purpose: 'phone' },
  },
  {
    table: 'applications',
    keyColumn: 'id',
    sealedColumn: 'phone_tail_sealed',
    index: { column: 'phone_tail_index', purpose: 'phone' },
  },
  {
    table: 'applications',
    keyColumn: 'id',
    sealedColumn: 'email_sealed',
    index: { column: 'email_index', purpose: 'email' },
  },
  { table: 'applications', keyColumn: 'id', sealedColumn: 'address_sealed' },
  { table: 'applications', keyColumn: 'id', sealedColumn: 'postcode_sealed' },
  { table: 'applications', keyColumn: 'id', sealedColumn: 'fax_sealed' },
  // A letter names the applicant in its addressee and in its text.
  { table: 'application_letters', keyColumn: 'id', sealedColumn: 'addressee' },
  { table: 'application_letters', keyColumn: 'id', sealedColumn: 'body' },
  { table: 'application_agents', keyColumn: 'application_id', sealedColumn: 'name_sealed' },
  {
    table: 'application_agents',
    keyColumn: 'application_id',
    sealedColumn: 'id_number_sealed',
    index: { column: 'id_number_index', purpose: 'id-number' },
  },
  // A file name may carry a name; the content is an identity proof or a power of attorney.
  { table: 'application_attachments', keyColumn: 'id', sealedColumn: 'file_name' },
  { table: 'application_attachments', keyColumn: 'id', sealedColumn: 'content_sealed' },
  // The phone or email a member of the public leaves with a correction report (纠错).
  { table: 'correction_tasks', keyColumn: 'id', sealedColumn: 'contact_sealed' },
  // The e-mail address a reply to such a report goes to, while it waits in the outbox.
  { table: 'outbox', keyColumn: 'id', sealedColumn: 'recipient_address_sealed' },
];

export const DEFAULT_BATCH_SIZE = 500;

export function columnName(column: SealedColumn): string {
  return `${column.table}.${column.sealedColumn}`;
}

// ---- status ----

export interface ColumnStatus {
  readonly column: string;
  readonly total: number;
  readonly current: number;
  /** Values under each older key of the ring, by key id (keys with none are left out). */
  readonly oldKeys: Readonly<Record<string, number>>;
  /** Values under a key id that is not in the ring, or not in the sealed format: they cannot be opened. */
  readonly unknown: number;
}

export interface RotationStatus {
  readonly currentKeyId: string;
  readonly columns: readonly ColumnStatus[];
  /** Values still under older keys of the ring: the rotation is unfinished while this is above 0. */
  readonly underOldKeys: number;
  readonly unknown: number;
  /** Older key ids with no value left under them (they may be deleted from the key file). */
  readonly retirableKeyIds: readonly string[];
}

export async function rotationStatus(
  db: Executor,
  keys: KeyRing,
  columns: readonly SealedColumn[] = SEALED_COLUMNS,
): Promise<RotationStatus> {
  const oldIds = [...keys.keys.keys()].filter((id) => id !== keys.current.id);
  const stillUsed = new Set<string>();
  const statuses: ColumnStatus[] = [];
  for (const column of columns) {
    const total = await countSealed(db, column, null);
    const current = await countSealed(db, column, sealedPrefix(keys.current.id));
    const oldKeys: Record<string, number> = {};
    for (const id of oldIds) {
      const count = await countSealed(db, column, sealedPrefix(id));
      if (count > 0) {
        oldKeys[id] = count;
        stillUsed.add(id);
      }
    }
    const old = Object.values(oldKeys).reduce((sum, count) => sum + count, 0);
    statuses.push({ column: columnName(column), total, current, oldKeys, unknown: total - current - old });
  }
  const sum = (pick: (status: ColumnStatus) => number) => statuses.reduce((n, s) => n + pick(s), 0);
  return {
    currentKeyId: keys.current.id,
    columns: statuses,
    underOldKeys: sum((s) => s.total - s.current - s.unknown),
    unknown: sum((s) => s.unknown),
    retirableKeyIds: oldIds.filter((id) => !stillUsed.has(id)),
  };
}

// ---- re-encryption ----

export interface BatchProgress {
  readonly column: string;
  /** Values of this column moved to the current key so far in this run. */
  readonly resealed: number;
}

export interface ResealOptions {
  readonly batchSize?: number;
  readonly columns?: readonly SealedColumn[];
  /** Checked between batches: an aborted run stops after the batch in hand has committed. */
  readonly signal?: AbortSignal;
  readonly onBatch?: (progress: BatchProgress) => void;
}

/** A value that could not be re-encrypted; it names the row, never the value. */
export interface DamagedValue {
  readonly column: string;
  readonly key: RowKey;
  readonly reason: FieldIntegrityError['reason'];
}

export interface ResealReport {
  readonly resealed: Readonly<Record<string, number>>;
  readonly reindexed: number;
  /** Rows the application changed while the batch ran; the next run picks them up if needed. */
  readonly changedMeanwhile: number;
  readonly damaged: readonly DamagedValue[];
  /** False when the run was aborted before every column was done. */
  readonly complete: boolean;
}

interface ColumnRun {
  resealed: number;
  reindexed: number;
  changedMeanwhile: number;
  readonly damaged: DamagedValue[];
}

/** One transaction: the next page of values outside the current key, re-encrypted and re-indexed. */
async function resealBatch(
  db: Executor,
  keys: KeyRing,
  column: SealedColumn,
  afterKey: RowKey | null,
  batchSize: number,
  run: ColumnRun,
): Promise<{ lastKey: RowKey | null; size: number }> {
  return inTransaction(db, async (trx) => {
    const cells = await pageSealedOutside(trx, column, keys.current.id, afterKey, batchSize);
    for (const cell of cells) {
      let plaintext: string;
      try {
        // The SQL filter is a prefix test; the key id parsed from the value has the last word.
        if (sealedKeyId(cell.sealed) === keys.current.id) continue;
        plaintext = openPersonal(keys, cell.sealed);
      } catch (error) {
        if (!(error instanceof FieldIntegrityError)) throw error;
        run.damaged.push({ column: columnName(column), key: cell.key, reason: error.reason });
        continue;
      }
      const index = column.index === undefined ? null : indexPersonal(keys, plaintext, column.index.purpose);
      const next = { sealed: sealPersonal(keys, plaintext), index };
      if (await replaceSealed(trx, column, cell, next)) {
        run.resealed += 1;
        if (index !== null) run.reindexed += 1;
      } else {
        run.changedMeanwhile += 1;
      }
    }
    return { lastKey: cells.at(-1)?.key ?? null, size: cells.length };
  });
}

/**
 * Re-encrypts every value not under the ring's current key, column by column, `batchSize` rows per
 * transaction. Damaged values are skipped and reported (by row), so one bad value cannot block the rest.
 */
export async function resealAll(db: Executor, keys: KeyRing, options: ResealOptions = {}) {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const resealed: Record<string, number> = {};
  const run: ColumnRun = { resealed: 0, reindexed: 0, changedMeanwhile: 0, damaged: [] };
  for (const column of options.columns ?? SEALED_COLUMNS) {
    const before = run.resealed;
    let afterKey: RowKey | null = null;
    for (;;) {
      if (options.signal?.aborted === true) return report(resealed, run, false);
      const batch = await resealBatch(db, keys, column, afterKey, batchSize, run);
      resealed[columnName(column)] = run.resealed - before;
      if (batch.size > 0) options.onBatch?.({ column: columnName(column), resealed: run.resealed - before });
      if (batch.size < batchSize) break;
      afterKey = batch.lastKey;
    }
  }
  return report(resealed, run, true);
}

function report(resealed: Record<string, number>, run: ColumnRun, complete: boolean): ResealReport {
  const { reindexed, changedMeanwhile, damaged } = run;
  return { resealed, reindexed, changedMeanwhile, damaged, complete };
}

// ---- the rotation command ----

export interface RotationOutcome extends ResealReport {
  /** The ring after the run (with the new key when one was added). */
  readonly keys: KeyRing;
  /** True when this run added a key; false when it continued an unfinished rotation. */
  readonly keyAdded: boolean;
  readonly previousKeyId: string;
}

/** Writes the key file through a temporary file and a rename, so a crash never leaves half a file. */
function replaceKeyFile(path: string, keys: KeyRing): void {
  const temporary = `${path}.${process.pid}.tmp`;
  saveKeyRing(temporary, keys);
  renameSync(temporary, path);
}

/**
 * The ring as the key file holds it now. Rotation builds on the file, not on a ring loaded earlier: a
 * stale ring written back would drop a key that values may already be sealed under.
 */
function keyFileRing(path: string, loaded: KeyRing): KeyRing {
  const onDisk = parseKeyFile(readFileSync(path, 'utf8'));
  for (const [id, key] of loaded.keys) {
    if (!onDisk.keys.get(id)?.secret.equals(key.secret)) {
      throw new Conflict(`密钥文件已被修改，其中缺少或改动了正在使用的密钥“${id}”：请核对密钥文件后重试`);
    }
  }
  return onDisk;
}

/**
 * Rotates the data keys from the command line: unless an earlier rotation is unfinished, adds a new
 * current key and saves the key file (old keys kept) BEFORE anything is sealed under it; then reseals
 * everything and writes 'keys.rotate' to the audit log with the counts (never a value or a secret).
 */
export async function rotateDataKeys(
  scope: ActingScope,
  options: ResealOptions = {},
  now = new Date(),
): Promise<RotationOutcome> {
  if (scope.actor.kind !== 'operator') throw new NotFound();
  const { context } = scope;
  const { db } = context.database;
  const file = context.config.dataKeysFile;
  const start = keyFileRing(file, context.keys);
  const before = await rotationStatus(db, start, options.columns);
  const keyAdded = before.underOldKeys === 0;
  const keys = keyAdded ? addKey(start, now) : start;
  if (keyAdded) replaceKeyFile(file, keys);
  const result = await resealAll(db, keys, options);
  const total = Object.values(result.resealed).reduce((sum, count) => sum + count, 0);
  await inTransaction(db, async (trx) => {
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'keys.rotate',
        objectType: 'data-key',
        objectId: keys.current.id,
        result: result.damaged.length > 0 ? 'failed' : 'ok',
        details: {
          previousKeyId: start.current.id,
          keyAdded,
          complete: result.complete,
          resealed: total,
          byColumn: result.resealed,
          reindexed: result.reindexed,
          changedMeanwhile: result.changedMeanwhile,
          damaged: result.damaged.length,
        },
      },
      now,
    );
  });
  return { ...result, keys, keyAdded, previousKeyId: start.current.id };
}

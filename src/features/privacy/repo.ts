// All SQL of the privacy feature: reading and rewriting the sealed columns named in the rotation
// registry. Table and column names come only from that registry (never from input) and are quoted as
// identifiers; values are bound parameters.
import { sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import type { PersonalKind } from './personal-field.ts';

type ColumnOf<T extends keyof Database> = keyof Database[T] & string;

/**
 * A column holding sealed values: its table, the column that identifies a row (unique, ordered), and
 * the blind-index column and purpose when the value is indexed for look-up.
 */
export type SealedColumn = {
  [T in keyof Database]: {
    readonly table: T;
    readonly keyColumn: ColumnOf<T>;
    readonly sealedColumn: ColumnOf<T>;
    readonly index?: { readonly column: ColumnOf<T>; readonly purpose: PersonalKind };
  };
}[keyof Database];

export type RowKey = string | number;

export interface SealedCell {
  readonly key: RowKey;
  readonly sealed: string;
}

/** The start of every value sealed under `keyId` (field-crypto.ts: v1:<keyId>:<iv>:<ct>:<mac>). */
export function sealedPrefix(keyId: string): string {
  return `v1:${keyId}:`;
}

/**
 * The next page of values NOT sealed under `currentKeyId`, after `afterKey` in key order. Comparing a
 * prefix with substr() rather than LIKE: key ids may contain "_", a LIKE wildcard.
 */
export async function pageSealedOutside(
  db: Executor,
  column: SealedColumn,
  currentKeyId: string,
  afterKey: RowKey | null,
  limit: number,
): Promise<SealedCell[]> {
  const key = sql.ref(column.keyColumn);
  const sealed = sql.ref(column.sealedColumn);
  const prefix = sealedPrefix(currentKeyId);
  const after = afterKey === null ? sql`` : sql`and ${key} > ${afterKey}`;
  const result = await sql<{ row_key: RowKey; sealed: string }>`
    select ${key} as row_key, ${sealed} as sealed from ${sql.table(column.table)}
    where ${sealed} is not null and substr(${sealed}, 1, ${prefix.length}) <> ${prefix} ${after}
    order by ${key} limit ${limit}`.execute(db);
  return result.rows.map((row) => ({ key: row.row_key, sealed: row.sealed }));
}

/**
 * Replaces one sealed value (and its blind index) only if it is still the value that was read, so a
 * concurrent change by the application is never overwritten. False when the row changed meanwhile.
 */
export async function replaceSealed(
  trx: Executor,
  column: SealedColumn,
  cell: SealedCell,
  next: { readonly sealed: string; readonly index: string | null },
): Promise<boolean> {
  const sealed = sql.ref(column.sealedColumn);
  const index = column.index === undefined ? sql`` : sql`, ${sql.ref(column.index.column)} = ${next.index}`;
  const result = await sql`
    update ${sql.table(column.table)} set ${sealed} = ${next.sealed} ${index}
    where ${sql.ref(column.keyColumn)} = ${cell.key} and ${sealed} = ${cell.sealed}`.execute(trx);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** How many values of the column are sealed: all of them, or those starting with `prefix`. */
export async function countSealed(
  db: Executor,
  column: SealedColumn,
  prefix: string | null,
): Promise<number> {
  const sealed = sql.ref(column.sealedColumn);
  const match = prefix === null ? sql`` : sql`and substr(${sealed}, 1, ${prefix.length}) = ${prefix}`;
  const result = await sql<{ count: number | string }>`
    select count(*) as count from ${sql.table(column.table)} where ${sealed} is not null ${match}`.execute(
    db,
  );
  return Number(result.rows[0]?.count ?? 0);
}

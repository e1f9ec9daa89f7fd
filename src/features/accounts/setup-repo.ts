// SQL of the one-time setup links.
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';

export async function insertSetupToken(
  db: Executor,
  dialect: DialectName,
  tokenHash: string,
  now: Date,
  expiresAt: Date,
): Promise<void> {
  await db
    .insertInto('setup_tokens')
    .values({
      token_hash: tokenHash,
      created_at: fromDate(dialect, now),
      expires_at: fromDate(dialect, expiresAt),
      used_at: null,
    })
    .execute();
}

export async function findSetupToken(
  db: Executor,
  tokenHash: string,
): Promise<{ expiresAt: Date; usedAt: Date | null } | null> {
  const row = await db
    .selectFrom('setup_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row
    ? { expiresAt: toDate(row.expires_at), usedAt: row.used_at === null ? null : toDate(row.used_at) }
    : null;
}

/** Marks the token used; false when it was already used (a second, concurrent use). */
export async function useSetupToken(
  db: Executor,
  dialect: DialectName,
  tokenHash: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('setup_tokens')
    .set({ used_at: fromDate(dialect, now) })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives a spent token back when the setup it was spent on failed. */
export async function releaseSetupToken(db: Executor, tokenHash: string): Promise<void> {
  await db.updateTable('setup_tokens').set({ used_at: null }).where('token_hash', '=', tokenHash).execute();
}

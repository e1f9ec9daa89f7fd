// All SQL of sessions and of failed sign-ins.
import { fromDate, toDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';

// ---- sessions ----

export interface SessionRecord {
  readonly tokenHash: string;
  readonly userId: number;
  readonly csrfToken: string;
  readonly mfaPassedAt: Date | null;
  readonly address: string | null;
  readonly lastSeenAt: Date;
  readonly revokedAt: Date | null;
}

export async function insertSession(
  trx: Executor,
  dialect: DialectName,
  session: {
    tokenHash: string;
    userId: number;
    csrfToken: string;
    address: string | null;
    userAgent: string | null;
  },
  now: Date,
): Promise<void> {
  const at = fromDate(dialect, now);
  await trx
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      mfa_passed_at: null,
      address: session.address,
      user_agent: session.userAgent === null ? null : session.userAgent.slice(0, 500),
      created_at: at,
      last_seen_at: at,
      revoked_at: null,
    })
    .execute();
}

export async function findSession(db: Executor, tokenHash: string): Promise<SessionRecord | null> {
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  return {
    tokenHash: row.token_hash,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    mfaPassedAt: row.mfa_passed_at === null ? null : toDate(row.mfa_passed_at),
    address: row.address,
    lastSeenAt: toDate(row.last_seen_at),
    revokedAt: row.revoked_at === null ? null : toDate(row.revoked_at),
  };
}

export async function touchSession(trx: Executor, dialect: DialectName, tokenHash: string, now: Date) {
  await trx
    .updateTable('sessions')
    .set({ last_seen_at: fromDate(dialect, now) })
    .where('token_hash', '=', tokenHash)
    .execute();
}

/**
 * Replaces a session that has just shown its second factor with a new one (new token and CSRF token,
 * second factor passed) and revokes the old one: a token seen before the second factor (a fixated or
 * sniffed cookie) never becomes a fully signed-in session.
 */
export async function rotateSessionPastSecondFactor(
  trx: Executor,
  dialect: DialectName,
  oldTokenHash: string,
  next: { readonly tokenHash: string; readonly csrfToken: string },
  now: Date,
): Promise<void> {
  const old = await trx
    .selectFrom('sessions')
    .select(['user_id', 'address', 'user_agent', 'created_at'])
    .where('token_hash', '=', oldTokenHash)
    .executeTakeFirstOrThrow();
  const at = fromDate(dialect, now);
  await trx
    .insertInto('sessions')
    .values({
      token_hash: next.tokenHash,
      user_id: old.user_id,
      csrf_token: next.csrfToken,
      mfa_passed_at: at,
      address: old.address,
      user_agent: old.user_agent,
      // The session still began when the password was shown.
      created_at: old.created_at,
      last_seen_at: at,
      revoked_at: null,
    })
    .execute();
  await trx.updateTable('sessions').set({ revoked_at: at }).where('token_hash', '=', oldTokenHash).execute();
}

/** Revokes one session; false when it was already revoked. */
export async function revokeSession(
  trx: Executor,
  dialect: DialectName,
  tokenHash: string,
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('sessions')
    .set({ revoked_at: fromDate(dialect, now) })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Revokes every open session of a user; returns how many were open. */
export async function revokeUserSessions(
  trx: Executor,
  dialect: DialectName,
  userId: number,
  now: Date,
): Promise<number> {
  const result = await trx
    .updateTable('sessions')
    .set({ revoked_at: fromDate(dialect, now) })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Revokes every open session of everyone; returns how many were open. */
export async function revokeAllSessions(trx: Executor, dialect: DialectName, now: Date): Promise<number> {
  const result = await trx
    .updateTable('sessions')
    .set({ revoked_at: fromDate(dialect, now) })
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ---- sign-in failures ----

export async function insertSignInFailure(
  trx: Executor,
  dialect: DialectName,
  username: string,
  address: string | null,
  now: Date,
): Promise<void> {
  await trx
    .insertInto('sign_in_failures')
    .values({ username, address, at: fromDate(dialect, now) })
    .execute();
}

/** Times of the recorded failures for a user name since `since`. */
export async function signInFailuresSince(
  db: Executor,
  dialect: DialectName,
  username: string,
  since: Date,
): Promise<Date[]> {
  const rows = await db
    .selectFrom('sign_in_failures')
    .select('at')
    .where('username', '=', username)
    .where('at', '>', fromDate(dialect, since))
    .execute();
  return rows.map((row) => toDate(row.at));
}

export async function clearSignInFailures(trx: Executor, username: string): Promise<void> {
  await trx.deleteFrom('sign_in_failures').where('username', '=', username).execute();
}

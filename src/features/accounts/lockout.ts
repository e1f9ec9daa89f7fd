// Account lockout (等保 8.1.4.1 b): failed sign-ins and failed second-factor codes are recorded by user
// name (also for names that do not exist, so a lock does not reveal which exist) and forgotten on a
// complete sign-in. Attempts refused because of a lock are not recorded: their password is never checked.
import type { Transaction } from 'kysely';
import type { AppContext } from '../../app-context.ts';
import { lockoutState, type LockoutState } from '../../core/security/password-policy.ts';
import type { Database } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import { recordAudit } from '../audit/service.ts';
import { passwordPolicyOf } from './model.ts';
import { clearSignInFailures, insertSignInFailure, signInFailuresSince } from './session-repo.ts';

const MINUTE_MS = 60_000;

/** Whether the user name is locked now, from its failures since the last complete sign-in. */
export async function lockoutOf(
  db: Executor,
  context: AppContext,
  username: string,
  now: Date,
): Promise<LockoutState> {
  const policy = passwordPolicyOf(context.config);
  // A lock at `now` comes from a triggering failure within lockMinutes, whose window reaches back
  // another lockMinutes: older failures cannot matter.
  const since = new Date(now.getTime() - 2 * policy.lockMinutes * MINUTE_MS);
  const failures = await signInFailuresSince(db, context.database.dialect, username, since);
  return lockoutState(failures, now, policy);
}

/**
 * Records one failure and returns the lock state after it; when this failure locks the account the lock
 * is written to the audit log as its own event.
 */
export async function recordFailure(
  trx: Transaction<Database>,
  context: AppContext,
  failure: { username: string; userId: number | null; address: string | null },
  now: Date,
): Promise<LockoutState> {
  await insertSignInFailure(trx, context.database.dialect, failure.username, failure.address, now);
  const state = await lockoutOf(trx, context, failure.username, now);
  if (state.locked && state.until !== null) {
    await recordAudit(
      trx,
      {
        actor: failure.userId === null ? null : { id: failure.userId, name: failure.username },
        address: failure.address,
        action: 'user.lock',
        objectType: 'user',
        objectId: failure.userId ?? failure.username,
        result: 'denied',
        details: { username: failure.username, until: state.until.toISOString() },
      },
      now,
    );
  }
  return state;
}

export async function forgetFailures(trx: Executor, username: string): Promise<void> {
  await clearSignInFailures(trx, username);
}

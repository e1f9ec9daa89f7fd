// Signing in and out, and the server-side sessions behind the cookie. The client holds a random
// 256-bit token; the database holds only its SM3 hash, so a leaked copy of the table opens no session.
import { randomBytes } from 'node:crypto';
import type { ActingScope, AppContext } from '../../app-context.ts';
import type { Grant } from '../../core/access/roles.ts';
import { Invalid } from '../../core/errors.ts';
import { isPasswordExpired, isSessionIdle } from '../../core/security/password-policy.ts';
import { inTransaction } from '../../db/transaction.ts';
import { sm3Hex } from '../../security/sm3.ts';
import { auditActorOf, recordAudit, type AuditActor } from '../audit/service.ts';
import { forgetFailures, lockoutOf, recordFailure } from './lockout.ts';
import {
  lockedMessage,
  passwordPolicyOf,
  secondFactorFor,
  SIGN_IN_FAILED_MESSAGE,
  type LoadedSession,
  type SignInResult,
  type UserCredentials,
} from './model.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { findCredentials, findCredentialsByUsername, findGrants } from './repo.ts';
import {
  findSession,
  insertSession,
  revokeSession,
  revokeUserSessions,
  touchSession,
  type SessionRecord,
} from './session-repo.ts';
import { normaliseUsername, USERNAME_PATTERN } from './validate.ts';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** last_seen_at is written at most this often, to spare the database a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionTokenHash(token: string): string {
  return sm3Hex(token);
}

/** A new session token (for the client), its stored hash, and a new CSRF token. */
export function newSessionSecrets(): { token: string; tokenHash: string; csrfToken: string } {
  const token = newToken();
  return { token, tokenHash: sessionTokenHash(token), csrfToken: newToken() };
}

/** A short, non-secret name of a session for the audit log. */
/**
 * Whether the person must set a new password before anything else: it is past its age under the policy,
 * or an administrator chose it (they know it), whatever the policy.
 */
function mustChangePassword(
  user: Pick<UserCredentials, 'passwordChangedAt' | 'passwordSetByAdminAt'>,
  now: Date,
  policy: ReturnType<typeof passwordPolicyOf>,
): boolean {
  return user.passwordSetByAdminAt !== null || isPasswordExpired(user.passwordChangedAt, now, policy);
}

function sessionRef(tokenHash: string): string {
  return tokenHash.slice(0, 16);
}

function userActor(user: Pick<UserCredentials, 'id' | 'username'>): AuditActor {
  return { id: user.id, name: user.username };
}

export interface SignInInput {
  readonly username: unknown;
  readonly password: unknown;
  readonly address: string | null;
  readonly userAgent: string | null;
}

/**
 * Checks a user name and password. Unknown user names and wrong passwords get the same answer in about
 * the same time; a locked user name is refused without checking the password.
 */
export async function signIn(
  context: AppContext,
  input: SignInInput,
  now = new Date(),
): Promise<SignInResult> {
  const { db, dialect } = context.database;
  const typed = normaliseUsername(input.username).slice(0, 64);
  // What cannot be a user name (a password typed into the wrong box, say) is never stored as typed:
  // the append-only audit log and the failure records keep a digest instead.
  const username = USERNAME_PATTERN.test(typed) ? typed : `invalid:${sm3Hex(typed).slice(0, 16)}`;
  const password = typeof input.password === 'string' ? input.password : '';
  const address = input.address;
  const lock = await lockoutOf(db, context, username, now);
  const user = USERNAME_PATTERN.test(username) ? await findCredentialsByUsername(db, username) : null;
  const actor = user === null ? null : userActor(user);
  const audit = {
    actor,
    address,
    action: 'session.sign-in',
    objectType: 'user',
    objectId: user?.id ?? username,
  };

  if (lock.locked && lock.until !== null) {
    const until = lock.until;
    await inTransaction(db, (trx) =>
      recordAudit(trx, { ...audit, result: 'denied', details: { username, reason: 'locked' } }, now),
    );
    return { kind: 'locked', until, message: lockedMessage(until, now) };
  }

  const passwordOk =
    user === null ? await verifyAgainstDummy(password) : await verifyPassword(user.passwordHash, password);
  if (!passwordOk || user === null) {
    const state = await inTransaction(db, async (trx) => {
      const reason = user === null ? 'unknown-user' : 'wrong-password';
      await recordAudit(trx, { ...audit, result: 'failed', details: { username, reason } }, now);
      return recordFailure(trx, context, { username, userId: user?.id ?? null, address }, now);
    });
    if (state.locked && state.until !== null) {
      return { kind: 'locked', until: state.until, message: lockedMessage(state.until, now) };
    }
    return { kind: 'failed', message: SIGN_IN_FAILED_MESSAGE };
  }

  if (user.disabledAt !== null) {
    await inTransaction(db, (trx) =>
      recordAudit(trx, { ...audit, result: 'denied', details: { username, reason: 'disabled' } }, now),
    );
    return { kind: 'failed', message: SIGN_IN_FAILED_MESSAGE };
  }

  const grants = await findGrants(db, user.id);
  const secondFactor = secondFactorFor(user, grants, context.config.totpRequiredRoles);
  const token = newToken();
  const csrfToken = newToken();
  const tokenHash = sessionTokenHash(token);
  await inTransaction(db, async (trx) => {
    await insertSession(
      trx,
      dialect,
      { tokenHash, userId: user.id, csrfToken, address, userAgent: input.userAgent },
      now,
    );
    // With a second factor still to show, the failures stay: a stolen password must not reset the count.
    if (secondFactor !== 'required') await forgetFailures(trx, username);
    await recordAudit(
      trx,
      { ...audit, details: { username, secondFactor, session: sessionRef(tokenHash) } },
      now,
    );
  });
  return {
    kind: 'signed-in',
    token,
    csrfToken,
    secondFactor,
    passwordExpired: mustChangePassword(user, now, passwordPolicyOf(context.config)),
  };
}

export interface LiveSession {
  readonly session: SessionRecord;
  readonly user: UserCredentials;
  readonly grants: readonly Grant[];
}

/**
 * The open session of a token, or null when it is unknown, revoked, idle too long or its account is
 * disabled (an idle or orphaned session is revoked, and the expiry audited).
 */
export async function liveSession(
  context: AppContext,
  token: unknown,
  now: Date,
): Promise<LiveSession | null> {
  if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return null;
  const { db, dialect } = context.database;
  const session = await findSession(db, sessionTokenHash(token));
  if (session === null || session.revokedAt !== null) return null;
  const user = await findCredentials(db, session.userId);
  const idle = isSessionIdle(session.lastSeenAt, now, passwordPolicyOf(context.config));
  if (user === null || user.disabledAt !== null || idle) {
    await inTransaction(db, async (trx) => {
      if (!(await revokeSession(trx, dialect, session.tokenHash, now))) return;
      await recordAudit(
        trx,
        {
          actor: user === null ? null : userActor(user),
          address: session.address,
          action: 'session.expire',
          objectType: 'session',
          objectId: sessionRef(session.tokenHash),
          details: { reason: idle ? 'idle' : 'account-disabled' },
        },
        now,
      );
    });
    return null;
  }
  return { session, user, grants: await findGrants(db, user.id) };
}

/** The signed-in actor of a session token and what the session still has to show. */
export async function loadSession(
  context: AppContext,
  token: unknown,
  now = new Date(),
): Promise<LoadedSession | null> {
  const live = await liveSession(context, token, now);
  if (live === null) return null;
  const { session, user, grants } = live;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await touchSession(context.database.db, context.database.dialect, session.tokenHash, now);
  }
  return {
    actor: { kind: 'staff', userId: user.id, username: user.username, displayName: user.displayName, grants },
    csrfToken: session.csrfToken,
    secondFactor:
      session.mfaPassedAt !== null
        ? 'passed'
        : secondFactorFor(user, grants, context.config.totpRequiredRoles),
    tokenHash: session.tokenHash,
    passwordExpired: mustChangePassword(user, now, passwordPolicyOf(context.config)),
  };
}

/** Ends the session of a token (nothing happens for an unknown or already ended one). */
export async function signOut(context: AppContext, token: unknown, now = new Date()): Promise<void> {
  if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return;
  const { db, dialect } = context.database;
  const session = await findSession(db, sessionTokenHash(token));
  if (session === null) return;
  const user = await findCredentials(db, session.userId);
  await inTransaction(db, async (trx) => {
    if (!(await revokeSession(trx, dialect, session.tokenHash, now))) return;
    await recordAudit(
      trx,
      {
        actor: user === null ? null : userActor(user),
        address: session.address,
        action: 'session.sign-out',
        objectType: 'session',
        objectId: sessionRef(session.tokenHash),
      },
      now,
    );
  });
}

/** Ends every session of the acting user (e.g. after a lost device); returns how many were open. */
export async function signOutEverywhere(scope: ActingScope, now = new Date()): Promise<number> {
  const actor = scope.actor;
  if (actor.kind !== 'staff') throw new Invalid('actor', '只有登录的工作人员才能退出所有会话');
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    const count = await revokeUserSessions(trx, dialect, actor.userId, now);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(actor),
        address: scope.address,
        action: 'session.sign-out-everywhere',
        objectType: 'user',
        objectId: actor.userId,
        details: { sessionsRevoked: count },
      },
      now,
    );
    return count;
  });
}

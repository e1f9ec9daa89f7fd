// The TOTP second factor (RFC 6238) and its recovery codes. The secret is sealed with the data keys
// (SM4 + HMAC-SM3). Enrolment is two steps: start stores a pending secret (users.totp_secret_sealed set,
// totp_enabled_at still null), confirm proves the app has it and enables it.
import type { Transaction } from 'kysely';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { Conflict, NotFound } from '../../core/errors.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { openField, sealField } from '../../security/field-crypto.ts';
import {
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeMatches,
  totpQrSvg,
  totpUri,
  verifyTotp,
} from '../../security/totp.ts';
import { auditActorOf, recordAudit, type AuditEvent } from '../audit/service.ts';
import { forgetFailures, lockoutOf, recordFailure } from './lockout.ts';
import { lockedMessage, type SecondFactorResult, type TotpEnrolment } from './model.ts';
import {
  advanceTotpStep,
  clearTotp,
  deleteRecoveryCode,
  enableTotp,
  findGrants,
  findRecoveryCodes,
  findUser,
  replaceRecoveryCodes,
  setPendingTotpSecret,
} from './repo.ts';
import { assertNotSelf, authorizeSeeUser, canDisableUser } from './policy.ts';
import { revokeSession, revokeUserSessions, rotateSessionPastSecondFactor } from './session-repo.ts';
import { liveSession, newSessionSecrets, type LiveSession } from './sessions.ts';

const RECOVERY_CODE_COUNT = 10;

export type TotpConfirmation =
  | {
      readonly kind: 'enabled';
      readonly recoveryCodes: readonly string[];
      /** The token of the new session that replaces the one that showed only the password. */
      readonly token: string;
    }
  | { readonly kind: 'failed'; readonly message: string };

function eventOf(live: LiveSession, action: string): Omit<AuditEvent, 'result' | 'details'> {
  return {
    actor: { id: live.user.id, name: live.user.username },
    address: live.session.address,
    action,
    objectType: 'user',
    objectId: live.user.id,
  };
}

async function enrollingSession(context: AppContext, token: unknown, now: Date): Promise<LiveSession> {
  const live = await liveSession(context, token, now);
  if (live === null) throw new NotFound('会话已失效，请重新登录');
  // Also refuses a session that has only shown the password of an account that already has TOTP:
  // replacing the factor takes the factor (or an administrator's reset).
  if (live.user.totpEnabledAt !== null) throw new Conflict('该账号已启用动态口令');
  return live;
}

/**
 * Starts (or resumes) TOTP enrolment for the signed-in user: a pending secret is kept until it is
 * confirmed, so reloading the page shows the same QR code.
 */
export async function startTotpEnrolment(
  context: AppContext,
  token: unknown,
  now = new Date(),
): Promise<TotpEnrolment> {
  const live = await enrollingSession(context, token, now);
  const pending = live.user.totpSecretSealed;
  const secret = pending === null ? newTotpSecret() : openField(context.keys, pending);
  if (pending === null) {
    await inTransaction(context.database.db, async (trx) => {
      await setPendingTotpSecret(trx, live.user.id, sealField(context.keys, secret));
      await recordAudit(trx, eventOf(live, 'user.totp-enrol-start'), now);
    });
  }
  const uri = totpUri(secret, live.user.username);
  return { secret, uri, qrSvg: await totpQrSvg(uri) };
}

/**
 * Confirms enrolment with a code from the app: enables TOTP, issues ten recovery codes (shown once,
 * stored hashed) and marks the session's second factor as passed.
 */
export async function confirmTotpEnrolment(
  context: AppContext,
  token: unknown,
  code: string,
  now = new Date(),
): Promise<TotpConfirmation> {
  const live = await enrollingSession(context, token, now);
  const { db, dialect } = context.database;
  const pending = live.user.totpSecretSealed;
  if (pending === null) throw new Conflict('请先开始绑定动态口令');
  const verdict = verifyTotp(openField(context.keys, pending), code, now);
  if (!verdict.ok) {
    await inTransaction(db, (trx) =>
      recordAudit(trx, { ...eventOf(live, 'user.totp-enrol-confirm'), result: 'failed' }, now),
    );
    return { kind: 'failed', message: '动态口令不正确，请核对手机上显示的 6 位数字后重试' };
  }
  const recoveryCodes = newRecoveryCodes(RECOVERY_CODE_COUNT);
  const next = newSessionSecrets();
  await inTransaction(db, async (trx) => {
    await enableTotp(trx, dialect, live.user.id, verdict.step, now);
    await replaceRecoveryCodes(trx, live.user.id, recoveryCodes.map(hashRecoveryCode));
    await rotateSessionPastSecondFactor(trx, dialect, live.session.tokenHash, next, now);
    await forgetFailures(trx, live.user.username);
    await recordAudit(
      trx,
      { ...eventOf(live, 'user.totp-enrol-confirm'), details: { recoveryCodes: RECOVERY_CODE_COUNT } },
      now,
    );
  });
  return { kind: 'enabled', recoveryCodes, token: next.token };
}

async function passWith(
  trx: Transaction<Database>,
  context: AppContext,
  live: LiveSession,
  method: 'totp' | 'recovery-code',
  recoveryCodesLeft: number,
  now: Date,
): Promise<SecondFactorResult> {
  const next = newSessionSecrets();
  await rotateSessionPastSecondFactor(trx, context.database.dialect, live.session.tokenHash, next, now);
  await forgetFailures(trx, live.user.username);
  await recordAudit(
    trx,
    { ...eventOf(live, 'session.second-factor'), details: { method, recoveryCodesLeft } },
    now,
  );
  return { kind: 'passed', method, recoveryCodesLeft, token: next.token };
}

/**
 * Checks the second factor of a session that has shown the password: a TOTP code (a code of a step
 * already used is refused as a replay) or an unused recovery code (used up). Failures count toward the
 * account lockout; when the account locks, the session is ended.
 */
export async function verifySecondFactor(
  context: AppContext,
  token: unknown,
  code: string,
  now = new Date(),
): Promise<SecondFactorResult> {
  const live = await liveSession(context, token, now);
  if (live === null) throw new NotFound('会话已失效，请重新登录');
  const { user, session } = live;
  if (user.totpEnabledAt === null || user.totpSecretSealed === null) {
    throw new Conflict('该账号未启用动态口令');
  }
  if (session.mfaPassedAt !== null) throw new Conflict('本次登录已通过动态口令验证');
  const { db, dialect } = context.database;
  const secret = user.totpSecretSealed;
  const codes = await findRecoveryCodes(db, user.id);

  return inTransaction(db, async (trx) => {
    const endSession = async (until: Date, event: 'locked' | 'locking'): Promise<SecondFactorResult> => {
      await revokeSession(trx, dialect, session.tokenHash, now);
      if (event === 'locked') {
        await recordAudit(
          trx,
          { ...eventOf(live, 'session.second-factor'), result: 'denied', details: { reason: 'locked' } },
          now,
        );
      }
      return { kind: 'locked', until, message: lockedMessage(until, now) };
    };
    const lock = await lockoutOf(trx, context, user.username, now);
    if (lock.locked && lock.until !== null) return endSession(lock.until, 'locked');

    let reason = 'wrong-code';
    const compact = code.replace(/\s/g, '');
    if (/^\d{6}$/.test(compact)) {
      const verdict = verifyTotp(openField(context.keys, secret), compact, now);
      if (verdict.ok) {
        if (await advanceTotpStep(trx, user.id, verdict.step)) {
          return passWith(trx, context, live, 'totp', codes.length, now);
        }
        reason = 'replayed-code';
      }
    } else {
      const match = codes.find((stored) => recoveryCodeMatches(code, stored.hash));
      if (match !== undefined && (await deleteRecoveryCode(trx, match.id))) {
        return passWith(trx, context, live, 'recovery-code', codes.length - 1, now);
      }
    }
    await recordAudit(
      trx,
      { ...eventOf(live, 'session.second-factor'), result: 'failed', details: { reason } },
      now,
    );
    const state = await recordFailure(
      trx,
      context,
      { username: user.username, userId: user.id, address: session.address },
      now,
    );
    if (state.locked && state.until !== null) return endSession(state.until, 'locking');
    return {
      kind: 'failed',
      message: reason === 'replayed-code' ? '该动态口令已使用过，请等待下一个口令' : '动态口令或恢复码不正确',
    };
  });
}

/**
 * An administrator's reset of a user's second factor (lost phone and recovery codes): removes the
 * secret and the recovery codes and ends the user's sessions; the user enrols again at next sign-in.
 * The administrator must administer every unit the user holds a role in, and not be the user.
 */
export async function resetSecondFactor(scope: ActingScope, userId: number, now = new Date()): Promise<void> {
  assertNotSelf(scope.actor, userId, '重置');
  const { db, dialect } = scope.context.database;
  await inTransaction(db, async (trx) => {
    const found = await findUser(trx, userId);
    const user = found === null ? null : { ...found, grants: await findGrants(trx, found.id) };
    authorizeSeeUser(scope.actor, user);
    if (!canDisableUser(scope.actor, user.grants)) throw new NotFound('未找到该用户');
    await clearTotp(trx, user.id);
    const sessionsRevoked = await revokeUserSessions(trx, dialect, user.id, now);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'user.totp-reset',
        objectType: 'user',
        objectId: user.id,
        details: { username: user.username, sessionsRevoked },
      },
      now,
    );
  });
}

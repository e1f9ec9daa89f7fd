// Changing one's own password: the current one must be right, the new one strong and not recently used.
import type { ActingScope } from '../../app-context.ts';
import type { Actor } from '../../core/access/roles.ts';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import { assertPasswordStrength, mustNotReuse } from '../../core/security/password-policy.ts';
import { inTransaction } from '../../db/transaction.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { lockoutOf, recordFailure } from './lockout.ts';
import { lockedMessage, passwordPolicyOf, type StaffActor } from './model.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { findCredentials, insertPasswordHistory, recentPasswordHashes, setPassword } from './repo.ts';
import { validatePasswordPresent } from './validate.ts';

function staffOf(actor: Actor): StaffActor {
  if (actor.kind !== 'staff') throw new Invalid('actor', '只有登录的工作人员才能修改自己的密码');
  return actor;
}

/**
 * Changes the actor's own password under the configured policy: the current password must be right
 * (a wrong one counts toward the lockout), and the new one must be strong and not one of the last N.
 */
export async function changePassword(
  scope: ActingScope,
  input: { readonly currentPassword: unknown; readonly newPassword: unknown },
  now = new Date(),
): Promise<void> {
  const actor = staffOf(scope.actor);
  const { context } = scope;
  const { db, dialect } = context.database;
  const policy = passwordPolicyOf(context.config);
  const current = validatePasswordPresent('currentPassword', input.currentPassword);
  const next = validatePasswordPresent('newPassword', input.newPassword);
  const user = await findCredentials(db, actor.userId);
  if (user === null || user.disabledAt !== null) throw new NotFound('未找到该用户');
  // A locked account cannot be used to keep guessing its current password from an open session.
  const lock = await lockoutOf(db, context, user.username, now);
  if (lock.locked && lock.until !== null) throw new Conflict(lockedMessage(lock.until, now));
  if (!(await verifyPassword(user.passwordHash, current))) {
    await inTransaction(db, async (trx) => {
      await recordFailure(
        trx,
        context,
        { username: user.username, userId: user.id, address: scope.address },
        now,
      );
      await recordAudit(
        trx,
        {
          actor: auditActorOf(actor),
          address: scope.address,
          action: 'user.change-password',
          objectType: 'user',
          objectId: user.id,
          result: 'failed',
          details: { reason: 'wrong-current-password' },
        },
        now,
      );
    });
    throw new Invalid('currentPassword', '当前密码不正确');
  }
  assertPasswordStrength('newPassword', next, policy, {
    username: user.username,
    displayName: user.displayName,
  });
  const remembered = Math.max(1, mustNotReuse(policy));
  for (const old of await recentPasswordHashes(db, user.id, remembered)) {
    if (await verifyPassword(old, next)) {
      throw new Invalid(
        'newPassword',
        remembered === 1 ? '新密码不能与当前密码相同' : `新密码不能与最近 ${remembered} 次使用过的密码相同`,
      );
    }
  }
  const passwordHash = await hashPassword(next);
  await inTransaction(db, async (trx) => {
    await setPassword(trx, dialect, user.id, passwordHash, now);
    await insertPasswordHistory(trx, dialect, user.id, passwordHash, now);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(actor),
        address: scope.address,
        action: 'user.change-password',
        objectType: 'user',
        objectId: user.id,
      },
      now,
    );
  });
}

// The one-time setup link: no default password ever exists, so a fresh installation prints a link at
// its first start through which the operator creates the first top-level unit and system administrator.
import { randomBytes } from 'node:crypto';
import type { ActingScope, AppContext } from '../../app-context.ts';
import { NotFound } from '../../core/errors.ts';
import { inTransaction } from '../../db/transaction.ts';
import { sm3Hex } from '../../security/sm3.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { addUnit, listUnits } from '../units/service.ts';
import { assertPasswordStrength } from '../../core/security/password-policy.ts';
import { validateUnitInput } from '../units/validate.ts';
import { passwordPolicyOf, type UserWithGrants } from './model.ts';
import { validateDisplayName, validatePasswordPresent, validateUsername } from './validate.ts';
import { anyActiveUserHoldsRole } from './repo.ts';
import { createFirstAdmin } from './service.ts';
import { findSetupToken, insertSetupToken, releaseSetupToken, useSetupToken } from './setup-repo.ts';

const SETUP_LINK_HOURS = 24;

function operatorOf(context: AppContext): ActingScope {
  return { context, actor: { kind: 'operator' }, address: 'setup-link' };
}

export async function needsFirstAdmin(context: AppContext): Promise<boolean> {
  return !(await anyActiveUserHoldsRole(context.database.db, 'system-admin'));
}

/** Issues a setup link token when the installation has no system administrator yet; null otherwise. */
export async function issueSetupToken(context: AppContext, now = new Date()): Promise<string | null> {
  if (!(await needsFirstAdmin(context))) return null;
  const token = randomBytes(32).toString('base64url');
  const { db, dialect } = context.database;
  const expiresAt = new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000);
  await inTransaction(db, async (trx) => {
    await insertSetupToken(trx, dialect, sm3Hex(token), now, expiresAt);
    await recordAudit(
      trx,
      { actor: auditActorOf({ kind: 'operator' }), address: 'cli', action: 'setup.link-issued' },
      now,
    );
  });
  return token;
}

/** Throws NotFound unless the token is a live, unused setup link of an installation without administrator. */
export async function assertSetupToken(context: AppContext, token: string, now = new Date()): Promise<void> {
  const found = await findSetupToken(context.database.db, sm3Hex(token));
  if (
    found === null ||
    found.usedAt !== null ||
    found.expiresAt <= now ||
    !(await needsFirstAdmin(context))
  ) {
    throw new NotFound('该设置链接无效、已使用或已过期');
  }
}

export interface SetupInput {
  readonly unitName: unknown;
  readonly unitKind: unknown;
  readonly username: unknown;
  readonly displayName: unknown;
  readonly password: unknown;
}

/**
 * Creates the first top-level unit (unless one exists) and the first system administrator in it, then
 * spends the link. The first top-level unit is used when several exist (made earlier on the command line).
 */
export async function completeSetup(
  context: AppContext,
  token: string,
  input: SetupInput,
  now = new Date(),
): Promise<UserWithGrants> {
  await assertSetupToken(context, token, now);
  const operator = operatorOf(context);
  const topLevel = (await listUnits(operator)).find((unit) => unit.parentId === null);
  // Everything is checked before the unit is created, so a rejected form leaves nothing behind.
  if (topLevel === undefined) validateUnitInput({ name: input.unitName, kind: input.unitKind });
  const username = validateUsername(input.username);
  const displayName = validateDisplayName(input.displayName);
  const password = validatePasswordPresent('password', input.password);
  assertPasswordStrength('password', password, passwordPolicyOf(context.config), { username, displayName });
  // Spending the token first lets only one of two simultaneous submissions go on.
  const { db, dialect } = context.database;
  if (!(await useSetupToken(db, dialect, sm3Hex(token), now)))
    throw new NotFound('该设置链接无效、已使用或已过期');
  let admin: UserWithGrants;
  try {
    const unit =
      topLevel ??
      (await addUnit(operator, { parentId: null, name: input.unitName, kind: input.unitKind }, now));
    admin = await createFirstAdmin(
      context,
      { username: input.username, displayName: input.displayName, password: input.password, unitId: unit.id },
      now,
    );
  } catch (error) {
    await releaseSetupToken(db, sm3Hex(token));
    throw error;
  }
  return admin;
}

/** Whether a top-level unit exists already (then the setup page does not ask for one). */
export async function hasTopLevelUnit(context: AppContext): Promise<boolean> {
  return (await listUnits(operatorOf(context))).some((unit) => unit.parentId === null);
}

// Use cases of accounts: each checks the policy, runs in one transaction and writes its audit entry there.
// Argon2 hashing runs before the transaction opens, so no write lock is held while it works.
import type { ActingScope, AppContext } from '../../app-context.ts';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import { assertPasswordStrength } from '../../core/security/password-policy.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import type { Unit } from '../units/model.ts';
import { getUnit } from '../units/service.ts';
import {
  passwordPolicyOf,
  type GrantInput,
  type StaffActor,
  type User,
  type UserWithGrants,
} from './model.ts';
import { hashPassword } from './passwords.ts';
import { protectPersonalData, type PersonalDataInput } from './personal-data.ts';
import {
  assertNotSelf,
  assertSeparationOfDuties,
  authorizeSeeUser,
  authorizeUnitRoles,
  canDisableUser,
  canSeeUser,
} from './policy.ts';
import {
  anyActiveUserHoldsRole,
  deleteGrant,
  findAllGrants,
  findCredentialsByUsername,
  findGrants,
  findUser,
  insertGrant,
  insertPasswordHistory,
  insertUser,
  listAllUsers,
  lockFirstAdminCreation,
  type NewUserRow,
  setDisabled,
} from './repo.ts';
import { revokeUserSessions } from './session-repo.ts';
import {
  validateDisplayName,
  validateGrants,
  validatePasswordPresent,
  validateRole,
  validateUnitId,
  validateUsername,
} from './validate.ts';

// The feature's use cases in one place for routes and commands.
export { loadSession, signIn, signOut, signOutEverywhere } from './sessions.ts';
export {
  confirmTotpEnrolment,
  resetSecondFactor,
  startTotpEnrolment,
  verifySecondFactor,
} from './second-factor.ts';
export { findUserByIdNumber, presentUserForList, revealUserPersonalData } from './personal-data.ts';

export interface NewUserInput extends PersonalDataInput {
  readonly username: unknown;
  readonly displayName: unknown;
  readonly password: unknown;
  /** An administrator chose the password for someone else: it must be changed at the first sign-in. */
  readonly passwordSetByAdmin?: boolean;
}

interface ValidNewUser extends NewUserRow {
  /** Names of the personal fields given, for the audit entry (never their values). */
  readonly personalFields: readonly string[];
}

async function prepareNewUser(context: AppContext, input: NewUserInput): Promise<ValidNewUser> {
  const username = validateUsername(input.username);
  const displayName = validateDisplayName(input.displayName);
  const { personal, fields } = protectPersonalData(context.keys, input);
  const password = validatePasswordPresent('password', input.password);
  assertPasswordStrength('password', password, passwordPolicyOf(context.config), { username, displayName });
  const passwordHash = await hashPassword(password);
  return {
    username,
    displayName,
    passwordHash,
    personal,
    personalFields: fields,
    passwordSetByAdmin: input.passwordSetByAdmin === true,
  };
}

async function assertUsernameFree(db: Executor, username: string): Promise<void> {
  if ((await findCredentialsByUsername(db, username)) !== null) {
    throw new Conflict(`用户名“${username}”已被使用，请换一个`);
  }
}

async function withGrants(db: Executor, user: User): Promise<UserWithGrants> {
  return { ...user, grants: await findGrants(db, user.id) };
}

/** Reads a unit through the units feature; the caller's policy decides what the actor may do there. */
async function unitFor(scope: ActingScope, unitId: number): Promise<Unit> {
  const unit = await getUnit(scope, unitId);
  authorizeUnitRoles(scope.actor, unit);
  return unit;
}

/**
 * Creates the first system administrator of an installation, from the command line. Refused once any
 * active account holds 'system-admin' (so it also recovers an installation whose admins are all disabled).
 */
export async function createFirstAdmin(
  context: AppContext,
  input: NewUserInput & { readonly unitId: unknown },
  now = new Date(),
): Promise<UserWithGrants> {
  const operator: ActingScope = { context, actor: { kind: 'operator' }, address: 'cli' };
  const unitId = validateUnitId(input.unitId);
  const unit = await getUnit(operator, unitId);
  if (unit.parentId !== null) {
    throw new Invalid('unitId', `首个系统管理员应设在最上级单位，“${unit.name}”有上级单位`);
  }
  const valid = await prepareNewUser(context, input);
  const { db, dialect } = context.database;
  return inTransaction(db, async (trx) => {
    await lockFirstAdminCreation(trx, dialect);
    if (await anyActiveUserHoldsRole(trx, 'system-admin')) {
      throw new Conflict('已有系统管理员，不能再创建首个管理员；请由系统管理员在后台创建账号');
    }
    await assertUsernameFree(trx, valid.username);
    const user = await insertUser(trx, dialect, valid, now);
    await insertGrant(trx, dialect, { userId: user.id, unitId, role: 'system-admin', grantedBy: null }, now);
    await insertPasswordHistory(trx, dialect, user.id, valid.passwordHash, now);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(operator.actor),
        address: operator.address,
        action: 'user.create',
        objectType: 'user',
        objectId: user.id,
        details: {
          username: user.username,
          displayName: user.displayName,
          grants: [{ unitId, role: 'system-admin' }],
          personalData: valid.personalFields,
          firstAdmin: true,
        },
      },
      now,
    );
    return withGrants(trx, user);
  });
}

/** Creates a staff account with its roles; the actor must administer every unit named. */
export async function createUser(
  scope: ActingScope,
  input: NewUserInput & { readonly grants: unknown },
  now = new Date(),
): Promise<UserWithGrants> {
  const grants = validateGrants(input.grants);
  for (const grant of grants) await unitFor(scope, grant.unitId);
  assertSeparationOfDuties(grants.map((grant) => grant.role));
  const valid = await prepareNewUser(scope.context, input);
  const { db, dialect } = scope.context.database;
  const grantedBy = scope.actor.kind === 'staff' ? scope.actor.userId : null;
  return inTransaction(db, async (trx) => {
    await assertUsernameFree(trx, valid.username);
    const user = await insertUser(trx, dialect, valid, now);
    for (const grant of grants)
      await insertGrant(trx, dialect, { ...grant, userId: user.id, grantedBy }, now);
    await insertPasswordHistory(trx, dialect, user.id, valid.passwordHash, now);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'user.create',
        objectType: 'user',
        objectId: user.id,
        details: {
          username: user.username,
          displayName: user.displayName,
          grants,
          personalData: valid.personalFields,
        },
      },
      now,
    );
    return withGrants(trx, user);
  });
}

export interface RoleChange {
  readonly userId: number;
  readonly unitId: unknown;
  readonly role: unknown;
}

async function prepareRoleChange(scope: ActingScope, change: RoleChange, verb: string): Promise<GrantInput> {
  const grant = { unitId: validateUnitId(change.unitId), role: validateRole(change.role) };
  await unitFor(scope, grant.unitId);
  assertNotSelf(scope.actor, change.userId, verb);
  return grant;
}

async function activeUserFor(scope: ActingScope, db: Executor, userId: number): Promise<UserWithGrants> {
  const found = await findUser(db, userId);
  const user = found === null ? null : await withGrants(db, found);
  authorizeSeeUser(scope.actor, user);
  if (user.disabledAt !== null) throw new Conflict(`账号“${user.username}”已停用`);
  return user;
}

export async function grantRole(scope: ActingScope, change: RoleChange, now = new Date()) {
  const grant = await prepareRoleChange(scope, change, '修改');
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx): Promise<UserWithGrants> => {
    const user = await activeUserFor(scope, trx, change.userId);
    if (user.grants.some((g) => g.unitId === grant.unitId && g.role === grant.role)) {
      throw new Conflict(`“${user.username}”已在该单位拥有此角色`);
    }
    assertSeparationOfDuties([...user.grants.map((g) => g.role), grant.role]);
    const grantedBy = scope.actor.kind === 'staff' ? scope.actor.userId : null;
    await insertGrant(trx, dialect, { ...grant, userId: user.id, grantedBy }, now);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'user.grant-role',
        objectType: 'user',
        objectId: user.id,
        details: { username: user.username, ...grant },
      },
      now,
    );
    return withGrants(trx, user);
  });
}

/** Takes a role away; the last role of an account cannot be taken (disable the account instead). */
export async function revokeRole(scope: ActingScope, change: RoleChange, now = new Date()) {
  const grant = await prepareRoleChange(scope, change, '修改');
  return inTransaction(scope.context.database.db, async (trx): Promise<UserWithGrants> => {
    const user = await activeUserFor(scope, trx, change.userId);
    if (!user.grants.some((g) => g.unitId === grant.unitId && g.role === grant.role)) {
      throw new NotFound(`“${user.username}”在该单位没有此角色`);
    }
    if (user.grants.length === 1) {
      throw new Invalid('role', '这是该账号唯一的角色，不能收回；如不再使用该账号，请停用它');
    }
    await deleteGrant(trx, user.id, grant.unitId, grant.role);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'user.revoke-role',
        objectType: 'user',
        objectId: user.id,
        details: { username: user.username, ...grant },
      },
      now,
    );
    return withGrants(trx, user);
  });
}

/** Disables an account and ends all its sessions; only an administrator of all its units may. */
export async function disableUser(scope: ActingScope, userId: number, now = new Date()): Promise<void> {
  assertNotSelf(scope.actor, userId, '停用');
  const { db, dialect } = scope.context.database;
  await inTransaction(db, async (trx) => {
    const user = await activeUserFor(scope, trx, userId);
    if (!canDisableUser(scope.actor, user.grants)) throw new NotFound('未找到该用户');
    await setDisabled(trx, dialect, user.id, now);
    const sessionsRevoked = await revokeUserSessions(trx, dialect, user.id, now);
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'user.disable',
        objectType: 'user',
        objectId: user.id,
        details: { username: user.username, sessionsRevoked },
      },
      now,
    );
  });
}

/** The actor of a signed-in user with their roles; null when the account is missing or disabled. */
export async function loadActor(db: Executor, userId: number): Promise<StaffActor | null> {
  const user = await findUser(db, userId);
  if (user === null || user.disabledAt !== null) return null;
  return {
    kind: 'staff',
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    grants: await findGrants(db, user.id),
  };
}

export async function getUser(scope: ActingScope, userId: number): Promise<UserWithGrants> {
  const db = scope.context.database.db;
  const found = await findUser(db, userId);
  const user = found === null ? null : await withGrants(db, found);
  authorizeSeeUser(scope.actor, user);
  return user;
}

/** The accounts the actor may see (holding a role in a unit the actor administers), by user name. */
export async function listUsers(scope: ActingScope): Promise<UserWithGrants[]> {
  const db = scope.context.database.db;
  const grants = await findAllGrants(db);
  const users = await listAllUsers(db);
  return users
    .map((user) => ({ ...user, grants: grants.get(user.id) ?? [] }))
    .filter((user) => canSeeUser(scope.actor, user.grants));
}

export { changePassword } from './password-change.ts';

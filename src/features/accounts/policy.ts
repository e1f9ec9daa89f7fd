// Who may manage which accounts. An account or unit the actor may not manage answers like a missing one.
//
// Separation of duties (等保 8.1.4.2, 三员分立): one account never holds both 'system-admin' and
// 'security-auditor', in any units; and nobody changes their own roles or disables themselves — that
// takes another administrator (or the operator at the command line).
import { holdsRoleOver, type Actor, type Grant, type Role } from '../../core/access/roles.ts';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';

const EXCLUSIVE_ROLES: readonly (readonly [Role, Role])[] = [['system-admin', 'security-auditor']];

/** May the actor give or take away roles in the unit at `unitPath`? */
export function canManageUnitRoles(actor: Actor, unitPath: string): boolean {
  return holdsRoleOver(actor, ['system-admin'], unitPath);
}

/** May the actor see the account: it holds a role in a unit the actor administers. */
export function canSeeUser(actor: Actor, grants: readonly Grant[]): boolean {
  if (actor.kind === 'operator') return true;
  return grants.some((grant) => canManageUnitRoles(actor, grant.unitPath));
}

/** May the actor disable the account: it holds roles only in units the actor administers. */
export function canDisableUser(actor: Actor, grants: readonly Grant[]): boolean {
  if (actor.kind === 'operator') return true;
  return grants.every((grant) => canManageUnitRoles(actor, grant.unitPath));
}

/**
 * May the actor see the account's real-name data unmasked: a system administrator over every unit in
 * which the account holds a role (an account without roles is nobody's to reveal).
 */
export function canRevealPersonalData(actor: Actor, grants: readonly Grant[]): boolean {
  if (actor.kind === 'operator') return true;
  return grants.length > 0 && canDisableUser(actor, grants);
}

export function authorizeUnitRoles(actor: Actor, unit: { path: string } | null): asserts unit {
  if (unit === null || !canManageUnitRoles(actor, unit.path)) throw new NotFound('未找到该单位');
}

export function authorizeSeeUser<T extends { grants: readonly Grant[] }>(
  actor: Actor,
  user: T | null,
): asserts user is T {
  if (user === null || !canSeeUser(actor, user.grants)) throw new NotFound('未找到该用户');
}

export function assertNotSelf(actor: Actor, userId: number, what: string): void {
  if (actor.kind === 'staff' && actor.userId === userId) {
    throw new Invalid('userId', `不能${what}自己的账号，请由另一名系统管理员操作`);
  }
}

/** Throws Conflict when the roles together would break the separation of duties. */
export function assertSeparationOfDuties(roles: readonly Role[]): void {
  for (const [first, second] of EXCLUSIVE_ROLES) {
    if (roles.includes(first) && roles.includes(second)) {
      throw new Conflict('系统管理员与安全审计员必须由不同的账号担任（三员分立），同一账号不能兼任');
    }
  }
}

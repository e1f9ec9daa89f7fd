// Who sees the freshness of a unit's column: the publishing roles that answer for it (editors, leaders and
// the disclosure office over the unit). Only the disclosure office sets a column's kind. Anything else
// answers like a missing unit.
import { holdsRole, holdsRoleOver, scopesOf, type Actor, type Role } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';

export const FRESHNESS_ROLES: readonly Role[] = ['editor', 'leader', 'supervisor'];
export const KIND_SETTER_ROLES: readonly Role[] = ['supervisor'];

/** Whether the actor sees the freshness pages at all (for the menu). */
export function canListFreshness(actor: Actor): boolean {
  return holdsRole(actor, FRESHNESS_ROLES);
}

export function authorizeFreshnessOverview(actor: Actor): string[] | null {
  if (!holdsRole(actor, FRESHNESS_ROLES)) throw new NotFound();
  return scopesOf(actor, FRESHNESS_ROLES);
}

export function authorizeUnitFreshness<T extends { readonly path: string }>(
  actor: Actor,
  unit: T | null | undefined,
): asserts unit is T {
  if (unit == null || !holdsRoleOver(actor, FRESHNESS_ROLES, unit.path)) throw new NotFound('未找到该单位');
}

export function canSetColumnKind(actor: Actor, unitPath: string): boolean {
  return holdsRoleOver(actor, KIND_SETTER_ROLES, unitPath);
}

export function authorizeSetColumnKind<T extends { readonly path: string }>(
  actor: Actor,
  unit: T | null | undefined,
): asserts unit is T {
  if (unit == null || !canSetColumnKind(actor, unit.path)) throw new NotFound('未找到该单位');
}

// Who sees the dashboard of a unit: the staff who work in it or above it (editors, application handlers,
// the disclosure office, leaders). The figures of applications show only to those who may read the
// unit's applications (features/applications/policy.ts). Anyone else meets a missing page.
import { holdsRole, holdsRoleOver, type Actor, type Grant, type Role } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';

export const DASHBOARD_ROLES: readonly Role[] = ['editor', 'handler', 'supervisor', 'leader'];

export function authorizeDashboard(actor: Actor): void {
  if (!holdsRole(actor, DASHBOARD_ROLES)) throw new NotFound();
}

/** The units whose dashboard the actor sees: one per unit in which a dashboard role is held. */
export function dashboardGrants(actor: Actor): Grant[] {
  if (actor.kind === 'operator') return [];
  const seen = new Set<number>();
  return actor.grants.filter((grant) => {
    if (!DASHBOARD_ROLES.includes(grant.role) || seen.has(grant.unitId)) return false;
    seen.add(grant.unitId);
    return true;
  });
}

/** The disclosure office (政务公开办) over a unit sees it with its whole subtree and the comparison of sub-units. */
export function supervisesSubtree(actor: Actor, unitPath: string): boolean {
  return holdsRoleOver(actor, ['supervisor'], unitPath);
}

// Who handles correction tasks: the unit's editors and its disclosure office (supervisors), in the unit
// or above. Anyone else is answered exactly like a missing task.
import { holdsRole, holdsRoleOver, scopesOf, type Actor, type Role } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';

export const CORRECTION_ROLES: readonly Role[] = ['editor', 'supervisor'];

export function canHandleCorrections(actor: Actor, unitPath: string): boolean {
  return holdsRoleOver(actor, CORRECTION_ROLES, unitPath);
}

export function authorizeCorrection<T extends { readonly unitPath: string }>(
  actor: Actor,
  task: T | null,
): asserts task is T {
  if (task === null || !canHandleCorrections(actor, task.unitPath)) throw new NotFound('未找到该纠错任务');
}

export function authorizeCorrectionList(actor: Actor): void {
  if (!holdsRole(actor, CORRECTION_ROLES)) throw new NotFound();
}

export function correctionScopes(actor: Actor): string[] | null {
  return scopesOf(actor, CORRECTION_ROLES);
}

// Who may keep the supervision registers: the disclosure office (supervisor) and editors of the unit or a
// unit above it enter and change them; leaders read them. Anything else answers like a missing unit.
import { holdsRole, holdsRoleOver, type Actor, type Role } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';

export const SUPERVISION_EDITORS: readonly Role[] = ['supervisor', 'editor'];
export const SUPERVISION_READERS: readonly Role[] = ['supervisor', 'editor', 'leader'];

export type SupervisionAction = 'read' | 'edit';

export function canOnSupervision(actor: Actor, action: SupervisionAction, unitPath: string): boolean {
  return holdsRoleOver(actor, action === 'edit' ? SUPERVISION_EDITORS : SUPERVISION_READERS, unitPath);
}

/** Whether the actor may open the supervision pages at all (some unit in reach). */
export function canListSupervision(actor: Actor): boolean {
  return holdsRole(actor, SUPERVISION_READERS);
}

/** Throws NotFound when the actor may not act on the unit's registers: forbidden looks exactly like missing. */
export function authorizeSupervision<T extends { readonly path: string }>(
  actor: Actor,
  action: SupervisionAction,
  unit: T | null,
): asserts unit is T {
  if (unit === null || !canOnSupervision(actor, action, unit.path)) throw new NotFound('未找到该单位');
}

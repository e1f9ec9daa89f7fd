// Who sees a unit's rollup of its sub-units' annual reports: its disclosure office (supervisors) and its
// leaders, in the unit or above; who imports reports of units not on the platform: the disclosure office.
// Anyone else is answered exactly like a missing unit.
import { holdsRoleOver, type Actor, type Role } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';

export const ROLLUP_READERS: readonly Role[] = ['supervisor', 'leader'];
export const ROLLUP_IMPORTERS: readonly Role[] = ['supervisor'];

export function canImportExternal(actor: Actor, unitPath: string): boolean {
  return holdsRoleOver(actor, ROLLUP_IMPORTERS, unitPath);
}

export function authorizeRollup<T extends { readonly path: string }>(
  actor: Actor,
  unit: T | null,
  action: 'read' | 'import',
): asserts unit is T {
  const roles = action === 'read' ? ROLLUP_READERS : ROLLUP_IMPORTERS;
  if (unit === null || !holdsRoleOver(actor, roles, unit.path)) throw new NotFound('未找到该单位');
}

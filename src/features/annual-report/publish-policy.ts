// Who may publish a unit's annual report: the disclosure office (政务公开办负责人) of the unit or of a unit
// above it. Anyone else is answered as if the unit did not exist.
import { holdsRoleOver, type Actor, type Role } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';

export const REPORT_PUBLISHERS: readonly Role[] = ['supervisor'];

export function canPublishReport(actor: Actor, unitPath: string): boolean {
  return holdsRoleOver(actor, REPORT_PUBLISHERS, unitPath);
}

export function authorizePublishReport<T extends { readonly path: string }>(
  actor: Actor,
  unit: T | null,
): asserts unit is T {
  if (unit === null || !canPublishReport(actor, unit.path)) throw new NotFound('未找到该单位');
}

// Who may keep the report's records: the disclosure office (政务公开办负责人) and editors of the unit or a
// unit above it enter and change them; leaders read them. Anything else answers like a missing unit.
import { holdsRole, holdsRoleOver, type Actor, type Role } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';

export const RECORD_EDITORS: readonly Role[] = ['supervisor', 'editor'];
export const RECORD_READERS: readonly Role[] = ['supervisor', 'editor', 'leader'];

export type RecordAction = 'read' | 'edit';

export function canOnRecords(actor: Actor, action: RecordAction, unitPath: string): boolean {
  return holdsRoleOver(actor, action === 'edit' ? RECORD_EDITORS : RECORD_READERS, unitPath);
}

/** Whether the actor may open the records pages at all (some unit in reach). */
export function canListRecords(actor: Actor): boolean {
  return holdsRole(actor, RECORD_READERS);
}

/** Throws NotFound when the actor may not act on the unit's records: forbidden looks exactly like missing. */
export function authorizeRecords<T extends { readonly path: string }>(
  actor: Actor,
  action: RecordAction,
  unit: T | null,
): asserts unit is T {
  if (unit === null || !canOnRecords(actor, action, unit.path)) throw new NotFound('未找到该单位');
}

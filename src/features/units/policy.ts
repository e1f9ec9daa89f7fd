// Who may do what with a unit. A unit the actor may not see answers exactly like a missing one.
import { NotFound } from '../../core/errors.ts';
import { holdsRoleOver, ROLES, type Actor } from '../../core/access/roles.ts';
import type { Unit } from './model.ts';

export type UnitAction = 'read' | 'add-child' | 'update' | 'move';

export function canOnUnit(actor: Actor, action: UnitAction, unit: Pick<Unit, 'path'>): boolean {
  switch (action) {
    case 'read':
      return holdsRoleOver(actor, ROLES, unit.path);
    case 'add-child':
    case 'update':
    case 'move':
      return holdsRoleOver(actor, ['system-admin'], unit.path);
  }
}

/** Only the operator of the installation (the command line) creates top-level units. */
export function canAddTopLevelUnit(actor: Actor): boolean {
  return actor.kind === 'operator';
}

export function allowedUnitActions(actor: Actor, unit: Pick<Unit, 'path'>): UnitAction[] {
  return (['read', 'add-child', 'update', 'move'] as const).filter((action) =>
    canOnUnit(actor, action, unit),
  );
}

/** Throws NotFound when the actor may not act: forbidden looks exactly like missing. */
export function authorizeUnit(
  actor: Actor,
  action: UnitAction,
  unit: Pick<Unit, 'path'> | null,
): asserts unit {
  if (unit === null || !canOnUnit(actor, action, unit)) throw new NotFound('未找到该单位');
}

import type { ActingScope, AppContext } from '../../src/app-context.ts';
import type { Actor, Role } from '../../src/core/access/roles.ts';
import type { Unit } from '../../src/features/units/model.ts';

export function operatorScope(context: AppContext): ActingScope {
  return { context, actor: { kind: 'operator' }, address: 'cli' };
}

/** A staff member holding the given roles in the given units (no database row needed for policies). */
export function staff(grants: readonly (readonly [Role, Unit])[], userId = 99, username = 'tester'): Actor {
  return {
    kind: 'staff',
    userId,
    username,
    displayName: username,
    grants: grants.map(([role, unit]) => ({ role, unitId: unit.id, unitPath: unit.path })),
  };
}

export function scopeOf(context: AppContext, actor: Actor): ActingScope {
  return { context, actor, address: '127.0.0.1' };
}

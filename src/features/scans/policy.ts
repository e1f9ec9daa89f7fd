// Who sees the state of the internal scans: they cover every unit's items, so the same people as manage
// the check dictionaries (system administrators of a top-level unit, the operator); everyone else gets
// exactly what a missing page gets.
import type { Actor } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';
import { canManageDictionaries } from '../checks/policy.ts';

export function authorizeScans(actor: Actor): void {
  if (!canManageDictionaries(actor)) throw new NotFound();
}

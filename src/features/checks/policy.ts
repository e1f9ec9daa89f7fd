// Who maintains the check dictionaries. They belong to the installation (every unit's items are checked
// against them), so only the system administrators of a top-level unit and the operator at the command
// line manage them, as with the working-day calendar; everyone else gets exactly what a missing page gets.
import type { Actor } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';

function isTopLevelPath(path: string): boolean {
  return path.split('/').filter(Boolean).length === 1;
}

export function canManageDictionaries(actor: Actor): boolean {
  if (actor.kind === 'operator') return true;
  return actor.grants.some((grant) => grant.role === 'system-admin' && isTopLevelPath(grant.unitPath));
}

export function authorizeDictionaries(actor: Actor): void {
  if (!canManageDictionaries(actor)) throw new NotFound();
}

// Who may see and change the working-day calendar. The calendar belongs to the installation: every
// unit's deadlines run on it, so only the installation's system administrators (the role held in a
// top-level unit) and the operator at the command line manage it. Handlers see due dates, not the table;
// everyone else gets exactly what a missing page gets.
import type { Actor } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';

function isTopLevelPath(path: string): boolean {
  return path.split('/').filter(Boolean).length === 1;
}

export function canManageCalendar(actor: Actor): boolean {
  if (actor.kind === 'operator') return true;
  return actor.grants.some((grant) => grant.role === 'system-admin' && isTopLevelPath(grant.unitPath));
}

export function authorizeCalendar(actor: Actor): void {
  if (!canManageCalendar(actor)) throw new NotFound();
}

// Who may read the audit log. The log belongs to the whole installation; it is read and exported by
// security auditors only (三员分立: the system administrator manages accounts but cannot read it).
import { holdsRole, type Actor } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';

export function canReadAuditLog(actor: Actor): boolean {
  if (actor.kind === 'operator') return true;
  return holdsRole(actor, ['security-auditor']);
}

export function authorizeAuditLog(actor: Actor): void {
  if (!canReadAuditLog(actor)) throw new NotFound();
}

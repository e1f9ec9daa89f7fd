// Who may read the audit log. The log belongs to the whole installation; it is read and exported by
// the installation's security auditors only — the role held in a top-level unit (三员分立: system
// administrators manage accounts but cannot read it, and an auditor appointed by a sub-unit's
// administrator must not see the whole installation's log).
import type { Actor } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';

export function canReadAuditLog(actor: Actor): boolean {
  if (actor.kind === 'operator') return true;
  return actor.grants.some((grant) => grant.role === 'security-auditor' && isTopLevelPath(grant.unitPath));
}

export function authorizeAuditLog(actor: Actor): void {
  if (!canReadAuditLog(actor)) throw new NotFound();
}

function isTopLevelPath(path: string): boolean {
  return path.split('/').filter(Boolean).length === 1;
}

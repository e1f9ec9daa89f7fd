// Who may make and read Art. 44 drafts: whoever handles the application (its handlers and the
// disclosure office over its unit) turns it into a draft; editors, the disclosure office and handlers
// read the drafts of their units. Anything else answers like a missing record.
import { holdsRole, scopesOf, type Actor, type Role } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';
import { canHandleApplication } from './policy.ts';

export const DRAFT_READER_ROLES: readonly Role[] = ['editor', 'supervisor', 'handler'];

export function canDraftFromApplication(actor: Actor, application: { readonly unitPath: string }): boolean {
  return canHandleApplication(actor, application);
}

export function authorizeDraftFromApplication(
  actor: Actor,
  application: { readonly unitPath: string } | null,
): asserts application {
  if (application === null || !canDraftFromApplication(actor, application)) {
    throw new NotFound('未找到该申请');
  }
}

export function canListDrafts(actor: Actor): boolean {
  return holdsRole(actor, DRAFT_READER_ROLES);
}

export function authorizeDraftList(actor: Actor): void {
  if (!canListDrafts(actor)) throw new NotFound();
}

/** The subtrees whose drafts the actor reads; null for the operator (everything). */
export function draftScopes(actor: Actor): string[] | null {
  return scopesOf(actor, DRAFT_READER_ROLES);
}

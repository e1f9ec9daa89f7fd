// Who may register an application that arrived by letter, email, fax, in person or orally: those who
// handle applications for the receiving unit (its handlers and the disclosure office over it). Anyone
// else meets the page, and any unit outside their reach, exactly as if it did not exist.
import { holdsRole, holdsRoleOver, type Actor } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';
import { HANDLING_ROLES } from './policy.ts';

export function canRegisterAnywhere(actor: Actor): boolean {
  return holdsRole(actor, HANDLING_ROLES);
}

export function canRegisterFor(actor: Actor, unit: { readonly path: string }): boolean {
  return holdsRoleOver(actor, HANDLING_ROLES, unit.path);
}

export function authorizeRegistrationPage(actor: Actor): void {
  if (!canRegisterAnywhere(actor)) throw new NotFound();
}

/** Throws NotFound when the unit is missing or the actor may not register for it. */
export function authorizeRegistration<T extends { readonly path: string }>(
  actor: Actor,
  unit: T | null,
): asserts unit is T {
  if (unit === null || !canRegisterFor(actor, unit)) throw new NotFound('未找到该单位');
}

// Who may see applications: the handlers, supervisors (政务公开办) and leaders of the unit that received
// one, or of a unit above it. An application the actor may not see answers exactly like a missing one.
import { holdsRole, holdsRoleOver, scopesOf, type Actor, type Role } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';

export const APPLICATION_ROLES: readonly Role[] = ['handler', 'supervisor', 'leader'];

/** Whether the actor may see the work list at all (holds an application role somewhere). */
export function canListApplications(actor: Actor): boolean {
  return holdsRole(actor, APPLICATION_ROLES);
}

export function canReadApplication(actor: Actor, application: { readonly unitPath: string }): boolean {
  return holdsRoleOver(actor, APPLICATION_ROLES, application.unitPath);
}

/** The subtrees whose applications the actor sees; null for the operator (everything). */
export function applicationScopes(actor: Actor): string[] | null {
  return scopesOf(actor, APPLICATION_ROLES);
}

export function authorizeApplicationList(actor: Actor): void {
  if (!canListApplications(actor)) throw new NotFound();
}

/** Throws NotFound when the application is missing or the actor may not see it. */
export function authorizeApplication<T extends { readonly unitPath: string }>(
  actor: Actor,
  application: T | null,
): asserts application is T {
  if (application === null || !canReadApplication(actor, application)) {
    throw new NotFound('未找到该申请');
  }
}

/** Who handles an application: its handlers and the disclosure office over its unit. */
export const HANDLING_ROLES: readonly Role[] = ['handler', 'supervisor'];
/** Who approves an extension or sets an Art. 35 deadline: the head of the disclosure office, or a leader. */
export const APPROVING_ROLES: readonly Role[] = ['supervisor', 'leader'];

export function canHandleApplication(actor: Actor, application: { readonly unitPath: string }): boolean {
  return holdsRoleOver(actor, HANDLING_ROLES, application.unitPath);
}

export function canApproveForApplication(actor: Actor, application: { readonly unitPath: string }): boolean {
  return holdsRoleOver(actor, APPROVING_ROLES, application.unitPath);
}

// An act the actor may not do answers like a missing application, as every refusal does; the pages
// offer only the acts the actor may do, so only a crafted request meets this.
export function authorizeHandling(actor: Actor, application: { readonly unitPath: string }): void {
  if (!canHandleApplication(actor, application)) throw new NotFound('未找到该申请');
}

export function authorizeApproval(actor: Actor, application: { readonly unitPath: string }): void {
  if (!canApproveForApplication(actor, application)) throw new NotFound('未找到该申请');
}

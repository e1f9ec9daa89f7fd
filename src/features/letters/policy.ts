// Who may do what with letters. Reading a letter follows the application (applications/policy.ts);
// recording its delivery is the handlers' and the disclosure office's work; the templates of a unit are
// the disclosure office's (政务公开办负责人). Forbidden answers exactly like missing.
import { holdsRoleOver, type Actor, type Role } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';

const DELIVERY_ROLES: readonly Role[] = ['handler', 'supervisor'];
const TEMPLATE_ROLES: readonly Role[] = ['supervisor'];

export function canRecordDelivery(actor: Actor, application: { readonly unitPath: string }): boolean {
  return holdsRoleOver(actor, DELIVERY_ROLES, application.unitPath);
}

export function canManageTemplates(actor: Actor, unit: { readonly path: string }): boolean {
  return holdsRoleOver(actor, TEMPLATE_ROLES, unit.path);
}

export function authorizeDelivery(actor: Actor, application: { readonly unitPath: string }): void {
  if (!canRecordDelivery(actor, application)) throw new NotFound('未找到该申请');
}

export function authorizeTemplates<T extends { readonly path: string }>(
  actor: Actor,
  unit: T | null,
): asserts unit is T {
  if (unit === null || !canManageTemplates(actor, unit)) throw new NotFound('未找到该单位');
}

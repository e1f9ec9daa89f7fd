// Who may keep a unit's channels registry: its editors and its disclosure office (supervisors), in the
// unit or above. Anyone else is answered exactly like a missing record.
import { holdsRole, holdsRoleOver, scopesOf, type Actor, type Role } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';

export const CHANNEL_ROLES: readonly Role[] = ['editor', 'supervisor'];

export function canManageChannels(actor: Actor, unitPath: string): boolean {
  return holdsRoleOver(actor, CHANNEL_ROLES, unitPath);
}

/** Throws NotFound when the actor may not act: forbidden looks exactly like missing. */
export function authorizeChannels<T extends { readonly path: string }>(
  actor: Actor,
  unit: T | null,
  message = '未找到该单位',
): asserts unit is T {
  if (unit === null || !canManageChannels(actor, unit.path)) throw new NotFound(message);
}

export function authorizeChannelList(actor: Actor): void {
  if (!holdsRole(actor, CHANNEL_ROLES)) throw new NotFound();
}

export function channelScopes(actor: Actor): string[] | null {
  return scopesOf(actor, CHANNEL_ROLES);
}

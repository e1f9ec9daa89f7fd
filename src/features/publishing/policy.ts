// Who may do what with proactive-disclosure items. Editors write and submit; reviewers (and leaders for
// 终审) decide review stages; editors and the disclosure office withdraw and correct published items; the
// disclosure office sets a unit's review chain. Anything else answers like a missing record.
import { holdsRole, holdsRoleOver, scopesOf, type Actor, type Role } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';
import type { ReviewStage } from '../../core/publishing/review-chain.ts';

export const READER_ROLES: readonly Role[] = ['editor', 'reviewer', 'leader', 'supervisor'];
export const EDITOR_ROLES: readonly Role[] = ['editor'];
export const REVIEWER_ROLES: readonly Role[] = ['reviewer', 'leader'];
export const MANAGER_ROLES: readonly Role[] = ['editor', 'supervisor'];
export const ASSIGNER_ROLES: readonly Role[] = ['reviewer', 'supervisor'];

export type ItemAction = 'read' | 'edit' | 'review' | 'assign' | 'manage';

const ROLES_OF: Readonly<Record<ItemAction, readonly Role[]>> = {
  read: READER_ROLES,
  edit: EDITOR_ROLES,
  review: REVIEWER_ROLES,
  assign: ASSIGNER_ROLES,
  manage: MANAGER_ROLES,
};

export function canOnItem(actor: Actor, action: ItemAction, unitPath: string): boolean {
  return holdsRoleOver(actor, ROLES_OF[action], unitPath);
}

/** Throws NotFound when the actor may not act: forbidden looks exactly like missing. */
export function authorizeItem(
  actor: Actor,
  action: ItemAction,
  target: { readonly unitPath: string } | null,
): asserts target {
  if (target === null || !canOnItem(actor, action, target.unitPath)) throw new NotFound('未找到该信息');
}

/** The same for acts on a unit's items as a whole (creating one): the unit answers like a missing one. */
export function authorizeUnitFor<T extends { readonly path: string }>(
  actor: Actor,
  action: ItemAction,
  unit: T | null,
): asserts unit is T {
  if (unit === null || !canOnItem(actor, action, unit.path)) throw new NotFound('未找到该单位');
}

/** 终审 is the leader's or a reviewer's; every other stage is a reviewer's. */
export function canDecideStage(actor: Actor, stage: ReviewStage, unitPath: string): boolean {
  return holdsRoleOver(actor, stage === 'final' ? ['reviewer', 'leader'] : ['reviewer'], unitPath);
}

export function canListItems(actor: Actor): boolean {
  return holdsRole(actor, READER_ROLES);
}

export function authorizeItemList(actor: Actor): void {
  if (!canListItems(actor)) throw new NotFound();
}

export function itemScopes(actor: Actor): string[] | null {
  return scopesOf(actor, READER_ROLES);
}

/** The disclosure office sets a unit's review chain. */
export function canConfigureUnit(actor: Actor, unitPath: string): boolean {
  return holdsRoleOver(actor, ['supervisor'], unitPath);
}

/** Editors and the disclosure office add sub-categories under the statutory ones. */
export function canAddSubcategory(actor: Actor, unitPath: string): boolean {
  return holdsRoleOver(actor, MANAGER_ROLES, unitPath);
}

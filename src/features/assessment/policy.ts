// Who may see and run a unit's assessment: the disclosure office (supervisor) of the supervising unit or a
// unit above it sets the rules and computes scores; leaders there read rankings and notices. Anyone else
// meets a missing unit.
import { holdsRole, holdsRoleOver, type Actor, type Role } from '../../core/access/roles.ts';
import { NotFound } from '../../core/errors.ts';

export const ASSESSMENT_EDITORS: readonly Role[] = ['supervisor'];
export const ASSESSMENT_READERS: readonly Role[] = ['supervisor', 'leader'];

export type AssessmentAction = 'read' | 'edit';

export function canOnAssessment(actor: Actor, action: AssessmentAction, unitPath: string): boolean {
  return holdsRoleOver(actor, action === 'edit' ? ASSESSMENT_EDITORS : ASSESSMENT_READERS, unitPath);
}

export function canListAssessment(actor: Actor): boolean {
  return holdsRole(actor, ASSESSMENT_READERS);
}

export function authorizeAssessment<T extends { readonly path: string }>(
  actor: Actor,
  action: AssessmentAction,
  unit: T | null,
): asserts unit is T {
  if (unit === null || !canOnAssessment(actor, action, unit.path)) throw new NotFound('未找到该单位');
}

// What the application page needs besides the application: the acts the actor may do in its state,
// the people and units the forms offer, co-handling tasks, the decision, the fee, and names for the
// timeline. Read-only; personal data stays masked.
import type { ActingScope } from '../../app-context.ts';
import { findOutcome, type Outcome } from '../../core/disclosure/outcomes.ts';
import { getApplication } from './service.ts';
import type { ApplicationEvent, MaskedApplication } from './model.ts';
import { canApproveForApplication, canHandleApplication, HANDLING_ROLES } from './policy.ts';
import { findApplication } from './repo.ts';
import {
  findDecision,
  findFee,
  findUnitsByIds,
  findUserNames,
  listTasksOfApplication,
  listUnits,
  listUsersWithRoleOver,
  type Assignee,
  type CohandlingTask,
  type DecisionRow,
  type FeeRow,
  type RoutingUnit,
} from './workflow-repo.ts';

export interface ApplicationWorkspace {
  readonly application: MaskedApplication;
  readonly events: readonly ApplicationEvent[];
  readonly status: 'open' | 'closed';
  /** The materialised path of the application's unit, for the policies of other features. */
  readonly unitPath: string;
  readonly handler: Assignee | null;
  readonly mayHandle: boolean;
  readonly mayApprove: boolean;
  /** The actor's own user id, for "take it on myself". */
  readonly selfId: number | null;
  readonly assignees: readonly Assignee[];
  readonly units: readonly RoutingUnit[];
  readonly tasks: readonly CohandlingTask[];
  readonly decision: (DecisionRow & { readonly outcomeInfo: Outcome | undefined }) | null;
  readonly fee: FeeRow | null;
  /** Whether the last routing step transferred the application here (it may be returned). */
  readonly returnable: boolean;
  readonly userNames: ReadonlyMap<number, string>;
  readonly unitNames: ReadonlyMap<number, string>;
}

export async function loadApplicationWorkspace(
  scope: ActingScope,
  id: number,
  now = new Date(),
): Promise<ApplicationWorkspace> {
  const { application, events } = await getApplication(scope, id, now);
  const db = scope.context.database.db;
  const stored = await findApplication(db, id);
  const unitPath = stored?.unitPath ?? '';
  const target = { unitPath };
  const mayHandle = canHandleApplication(scope.actor, target);
  const mayApprove = canApproveForApplication(scope.actor, target);
  const [assignees, units, tasks, decision, fee] = await Promise.all([
    listUsersWithRoleOver(db, HANDLING_ROLES, unitPath),
    mayHandle ? listUnits(db) : Promise.resolve([]),
    listTasksOfApplication(db, id),
    findDecision(db, id),
    findFee(db, id),
  ]);
  const userIds = [
    ...events.flatMap((event) => [event.recordedBy, event.userId]),
    stored?.handlerId ?? null,
  ].filter((value): value is number => value !== null);
  const unitIds = events
    .flatMap((event) => [event.unitId, event.toUnitId])
    .filter((value): value is number => value !== null);
  const [userNames, unitNames] = await Promise.all([findUserNames(db, userIds), findUnitsByIds(db, unitIds)]);
  const routing = events.filter((event) => event.type === 'transferred' || event.type === 'returned');
  const last = routing.at(-1);
  const handlerId = stored?.handlerId ?? null;
  return {
    application,
    events,
    status: stored?.status ?? 'open',
    unitPath,
    handler: handlerId === null ? null : { id: handlerId, displayName: userNames.get(handlerId) ?? '' },
    mayHandle,
    mayApprove,
    selfId: scope.actor.kind === 'staff' ? scope.actor.userId : null,
    assignees,
    units,
    tasks,
    decision: decision === null ? null : { ...decision, outcomeInfo: findOutcome(decision.outcome) },
    fee,
    returnable: last?.type === 'transferred' && last.toUnitId === application.unitId,
    userNames,
    unitNames,
  };
}

// Routing and handling steps of an application (条例第四十五条: registration, review, handling, reply,
// archiving): assignment to a handler, transfer to another unit (转办) and return of a mis-routed one,
// co-handling tasks for other units (协办) with internal deadlines derived from the legal one, and legal
// consultation notes (会商). Clock steps are in workflow-ledger.ts, the decision in workflow-decision.ts.
import type { ActingScope } from '../../app-context.ts';
import { holdsRoleOver } from '../../core/access/roles.ts';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import type { WorkingDayCalendar } from '../../core/calendar/working-days.ts';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import { inTransaction } from '../../db/transaction.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { chinaDate } from './clock.ts';
import { authorizeHandling, canApproveForApplication, HANDLING_ROLES } from './policy.ts';
import { insertEvent } from './repo.ts';
import {
  actorUserId,
  appendStep,
  auditStep,
  handlingStep,
  idField,
  integerField,
  requiredText,
  requireOpen,
  withApplication,
  type Loaded,
  type StepForm,
} from './workflow-core.ts';
import {
  findTask,
  findUnit,
  insertTask,
  listUsersWithRoleOver,
  lockApplication,
  moveToUnit,
  replyToTask,
  setHandler,
} from './workflow-repo.ts';

export { decideApplication, closeUnpaidFeeApplications } from './workflow-decision.ts';
export * from './workflow-ledger.ts';

/** Default internal deadline of a co-handling task: this many working days before the legal due date. */
export const COHANDLING_LEAD_WORKDAYS = 5;

/**
 * Assigns a handler. The disclosure office (supervisor) or a leader over the unit assigns anyone who
 * handles applications there; a handler may take an application on themselves (接办).
 */
export async function assignApplication(
  scope: ActingScope,
  id: number,
  form: StepForm,
  now = new Date(),
): Promise<void> {
  await withApplication(
    scope,
    id,
    now,
    (application) => {
      if (!canApproveForApplication(scope.actor, application)) authorizeHandling(scope.actor, application);
    },
    async (loaded) => {
      const handlerId = idField(form, 'handlerId', '办理人');
      const self = scope.actor.kind === 'staff' && scope.actor.userId === handlerId;
      if (!canApproveForApplication(scope.actor, loaded.application) && !self) {
        throw new Invalid('handlerId', '办理人只能接办给自己；指派他人须由政务公开办负责人或领导操作');
      }
      requireOpen(loaded);
      const eligible = await listUsersWithRoleOver(loaded.trx, HANDLING_ROLES, loaded.application.unitPath);
      const handler = eligible.find((user) => user.id === handlerId);
      if (!handler) throw new Invalid('handlerId', '所选人员不是该单位的依申请公开办理人');
      if (loaded.application.handlerId === handlerId)
        throw new Conflict(`${handler.displayName}已是该申请的办理人`);
      await appendStep(loaded, { type: 'assigned', date: loaded.today, userId: handlerId });
      await setHandler(loaded.trx, id, handlerId);
      await auditStep(loaded, 'assign', { handlerId, previous: loaded.application.handlerId });
    },
  );
}

/** 转办: the application moves to another unit, with the reason; the clock runs on from its receipt. */
export async function transferApplication(
  scope: ActingScope,
  id: number,
  form: StepForm,
  now = new Date(),
): Promise<void> {
  await handlingStep(scope, id, now, async (loaded) => {
    const toUnitId = idField(form, 'toUnitId', '转办单位');
    const reason = requiredText(form, 'reason', '转办理由', 500);
    const target = await findUnit(loaded.trx, toUnitId);
    if (target === null) throw new Invalid('toUnitId', '所选转办单位不存在');
    if (target.id === loaded.application.unitId) throw new Invalid('toUnitId', '不能转办给本单位');
    await appendStep(loaded, {
      type: 'transferred',
      date: loaded.today,
      unitId: loaded.application.unitId,
      toUnitId: target.id,
      reason,
    });
    await moveToUnit(loaded.trx, id, target.id);
    await auditStep(loaded, 'transfer', { from: loaded.application.unitId, to: target.id, reason });
  });
}

/** The unit an application was last transferred from, when the last routing step brought it here. */
function transferredFrom(loaded: Loaded): number | null {
  const routing = loaded.events.filter((event) => event.type === 'transferred' || event.type === 'returned');
  const last = routing.at(-1);
  if (last?.type !== 'transferred' || last.toUnitId !== loaded.application.unitId) return null;
  return last.unitId;
}

/** A unit that received a mis-routed application sends it back to the unit that transferred it. */
export async function returnApplication(
  scope: ActingScope,
  id: number,
  form: StepForm,
  now = new Date(),
): Promise<void> {
  await handlingStep(scope, id, now, async (loaded) => {
    const reason = requiredText(form, 'reason', '退回理由', 500);
    const back = transferredFrom(loaded);
    if (back === null)
      throw new Invalid('reason', '该申请不是转办来的，不能退回；如需改由其他单位办理，请使用转办');
    await appendStep(loaded, {
      type: 'returned',
      date: loaded.today,
      unitId: loaded.application.unitId,
      toUnitId: back,
      reason,
    });
    await moveToUnit(loaded.trx, id, back);
    await auditStep(loaded, 'return', { from: loaded.application.unitId, to: back, reason });
  });
}

/** The latest working day that lies `lead` working days before `due` (not before tomorrow). */
export function internalDeadline(
  calendar: WorkingDayCalendar,
  due: PlainDate,
  lead: number,
  today: PlainDate,
): PlainDate {
  const earliest = calendar.nthWorkdayAfter(today, 1);
  if (calendar.workdaysBetween(today, due) <= lead) return earliest < due ? earliest : due;
  let candidate = due;
  let day = new Date(`${due}T00:00:00Z`);
  while (calendar.workdaysBetween(candidate, due) < lead || !calendar.isWorkingDay(candidate)) {
    day = new Date(day.getTime() - 86_400_000);
    candidate = day.toISOString().slice(0, 10);
  }
  return candidate < earliest ? earliest : candidate;
}

/** 协办: asks another unit for its part, with an internal deadline before the legal one. */
export async function requestCohandling(
  scope: ActingScope,
  id: number,
  form: StepForm,
  now = new Date(),
): Promise<{ taskId: number; dueOn: PlainDate }> {
  return handlingStep(scope, id, now, async (loaded) => {
    const unitId = idField(form, 'unitId', '协办单位');
    const request = requiredText(form, 'request', '协办事项', 1000);
    const lead =
      (form.leadWorkdays ?? '').trim() === ''
        ? COHANDLING_LEAD_WORKDAYS
        : integerField(form, 'leadWorkdays', '提前工作日数', { min: 1, max: 15 });
    const unit = await findUnit(loaded.trx, unitId);
    if (unit === null) throw new Invalid('unitId', '所选协办单位不存在');
    if (unit.id === loaded.application.unitId) throw new Invalid('unitId', '协办单位不能是本单位');
    // A clock that cannot be read (a year without a working calendar) is named as it is.
    if (!loaded.clock.ok) throw new Invalid('unitId', `无法确定协办期限：${loaded.clock.message}`);
    const due = loaded.clock.reading.due;
    if (due === null) {
      throw new Invalid('unitId', '当前答复期限暂停或待补正，无法确定协办期限；请在计时恢复后再发起协办');
    }
    const dueOn = internalDeadline(loaded.calendar, due, lead, loaded.today);
    const taskId = await insertTask(
      loaded.trx,
      scope.context.database.dialect,
      { applicationId: id, unitId, request, dueOn, createdBy: actorUserId(scope) },
      now,
    );
    await appendStep(loaded, {
      type: 'cohandling_requested',
      date: loaded.today,
      toUnitId: unitId,
      ref: String(taskId),
      reason: request,
      due: dueOn,
    });
    await auditStep(loaded, 'cohandling.request', { taskId, unitId, dueOn, legalDue: due });
    return { taskId, dueOn };
  });
}

/**
 * The co-handling unit answers its task. Its staff may not read the application itself (it belongs to
 * another unit): they see the task and the request only.
 */
export async function replyCohandling(
  scope: ActingScope,
  taskId: number,
  form: StepForm,
  now = new Date(),
): Promise<void> {
  const { db, dialect } = scope.context.database;
  await inTransaction(db, async (trx) => {
    const task = await findTask(trx, taskId);
    if (task === null || !holdsRoleOver(scope.actor, HANDLING_ROLES, task.unitPath)) {
      throw new NotFound('未找到该协办任务');
    }
    const reply = requiredText(form, 'reply', '协办意见', 2000);
    await lockApplication(trx, dialect, task.applicationId);
    if (!(await replyToTask(trx, dialect, taskId, { text: reply, by: actorUserId(scope) }, now))) {
      throw new Conflict('该协办任务已答复，不能重复答复');
    }
    await insertEvent(
      trx,
      dialect,
      {
        applicationId: task.applicationId,
        type: 'cohandling_replied',
        date: chinaDate(now),
        unitId: task.unitId,
        ref: String(taskId),
        reason: reply,
        recordedBy: actorUserId(scope),
      },
      now,
    );
    await recordAudit(
      trx,
      {
        actor: auditActorOf(scope.actor),
        address: scope.address,
        action: 'application.cohandling.reply',
        objectType: 'application',
        objectId: task.applicationId,
        details: { taskId, unitId: task.unitId },
      },
      now,
    );
  });
}

/** 会商: a note of a legal consultation on a hard case (who took part, the question, the opinion). */
export async function recordLegalConsultation(
  scope: ActingScope,
  id: number,
  form: StepForm,
  now = new Date(),
): Promise<void> {
  await handlingStep(scope, id, now, async (loaded) => {
    const participants = requiredText(form, 'participants', '参加人员或单位', 500);
    const question = requiredText(form, 'question', '会商事项', 2000);
    const opinion = requiredText(form, 'opinion', '会商意见', 4000);
    await appendStep(loaded, {
      type: 'legal_consultation',
      date: loaded.today,
      reason: question,
      details: { participants, opinion },
    });
    await auditStep(loaded, 'legal_consultation', { participants });
  });
}

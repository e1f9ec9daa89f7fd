// The machinery every workflow step shares: one transaction that locks the application, checks the
// policy, reads the ledger and the calendar, appends the step (a clock event is accepted only when the
// clock can still be derived from the ledger with it), refreshes the clock cache and writes the audit.
import type { Transaction } from 'kysely';
import type { ActingScope } from '../../app-context.ts';
import { isPlainDate, type PlainDate } from '../../core/calendar/plain-date.ts';
import type { WorkingDayCalendar } from '../../core/calendar/working-days.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { auditActorOf, recordAudit } from '../audit/service.ts';
import { assertUnlocked, yearOf } from '../annual-report/lock.ts';
import { chinaDate, clockCacheOf, isClockEvent, loadCalendar, readClock } from './clock.ts';
import type { ApplicationEvent, ClockView, StoredApplication } from './model.ts';
import { authorizeApplication, authorizeApproval, authorizeHandling } from './policy.ts';
import { findApplication, findEvents, insertEvent, type NewEventRow } from './repo.ts';
import { lockApplication, updateClockCache } from './workflow-repo.ts';

/** A form as the routes hand it over: every value a string or absent. */
export type StepForm = Readonly<Record<string, string | undefined>>;

/** An application loaded for a change, with its ledger and its clock today. */
export interface Loaded {
  readonly trx: Transaction<Database>;
  readonly scope: ActingScope;
  readonly application: StoredApplication;
  readonly events: readonly ApplicationEvent[];
  readonly calendar: WorkingDayCalendar;
  readonly today: PlainDate;
  readonly clock: ClockView;
  readonly now: Date;
}

/**
 * Runs one workflow step on application `id`. `authorize` runs after the read check (an application
 * the actor may not see is a 404 before anything else).
 */
export async function withApplication<T>(
  scope: ActingScope,
  id: number,
  now: Date,
  authorize: (application: StoredApplication) => void,
  work: (loaded: Loaded) => Promise<T>,
): Promise<T> {
  const { db, dialect } = scope.context.database;
  return inTransaction(db, async (trx) => {
    if (!(await lockApplication(trx, dialect, id))) throw new NotFound('未找到该申请');
    // Read after the lock: a calendar change recomputes open applications under their locks, so a step
    // either sees the new calendar or is recomputed by the change after it.
    const calendar = await loadCalendar(trx);
    const application = await findApplication(trx, id);
    authorizeApplication(scope.actor, application);
    authorize(application);
    // A closed application is counted in every report year from its receipt to its closing: changing it
    // would alter any of those reports that is published and locked.
    if (application.status !== 'open') {
      await assertUnlocked(
        trx,
        [application.unitId],
        [
          {
            from: yearOf(application.receivedOn),
            to: yearOf(application.closedOn ?? application.receivedOn),
          },
        ],
      );
    }
    const events = await findEvents(trx, id);
    const today = chinaDate(now);
    const clock = readClock(calendar, application.receivedOn, events, today);
    return work({ trx, scope, application, events, calendar, today, clock, now });
  });
}

/** A step on an open application by its handlers or the disclosure office. */
export function handlingStep<T>(
  scope: ActingScope,
  id: number,
  now: Date,
  work: (loaded: Loaded) => Promise<T>,
) {
  return withApplication(
    scope,
    id,
    now,
    (application) => {
      authorizeHandling(scope.actor, application);
    },
    async (loaded) => {
      requireOpen(loaded);
      return work(loaded);
    },
  );
}

/** A step on an open application that needs the approval of the disclosure office's head or a leader. */
export function approvalStep<T>(
  scope: ActingScope,
  id: number,
  now: Date,
  work: (loaded: Loaded) => Promise<T>,
) {
  return withApplication(
    scope,
    id,
    now,
    (application) => {
      authorizeApproval(scope.actor, application);
    },
    async (loaded) => {
      requireOpen(loaded);
      return work(loaded);
    },
  );
}

export function requireOpen(loaded: Loaded): void {
  if (loaded.application.status !== 'open') {
    throw new Invalid('status', `该申请已于 ${loaded.application.closedOn ?? ''} 办结，不能再办理此事项`);
  }
}

/** The step as it will be stored: the id and timestamps are filled in by the database. */
function asEvent(step: NewEventRow, now: Date): ApplicationEvent {
  return {
    id: Number.MAX_SAFE_INTEGER,
    type: step.type,
    date: step.date,
    workdays: step.workdays ?? null,
    due: step.due ?? null,
    reason: step.reason ?? null,
    party: step.party ?? null,
    ref: step.ref ?? null,
    unitId: step.unitId ?? null,
    toUnitId: step.toUnitId ?? null,
    userId: step.userId ?? null,
    details: step.details ?? null,
    recordedBy: step.recordedBy,
    createdAt: now,
  };
}

/**
 * Appends a step. A clock event must leave a ledger the clock can derive (Invalid naming the rule and
 * the form field otherwise, and nothing is written); the clock cache follows every clock event.
 */
export async function appendStep(
  loaded: Loaded,
  step: Omit<NewEventRow, 'applicationId' | 'recordedBy'>,
  field = 'date',
): Promise<ClockView> {
  const { trx, scope, application, now } = loaded;
  const recordedBy = scope.actor.kind === 'staff' ? scope.actor.userId : null;
  const row: NewEventRow = { ...step, applicationId: application.id, recordedBy };
  // A step counts in the report year of its date (an application carried over stays workable next year).
  await assertUnlocked(
    trx,
    step.toUnitId == null ? [application.unitId] : [application.unitId, step.toUnitId],
    [{ from: yearOf(step.date), to: yearOf(step.date) }],
  );
  let clock = loaded.clock;
  if (isClockEvent(step.type)) {
    clock = readClock(
      loaded.calendar,
      application.receivedOn,
      [...loaded.events, asEvent(row, now)],
      loaded.today,
    );
    if (!clock.ok) throw new Invalid(field, clock.message);
    await updateClockCache(trx, application.id, clockCacheOf(clock));
  }
  await insertEvent(trx, scope.context.database.dialect, row, now);
  return clock;
}

export async function auditStep(
  loaded: Loaded,
  action: string,
  details: Readonly<Record<string, unknown>>,
): Promise<void> {
  const { scope } = loaded;
  await recordAudit(
    loaded.trx,
    {
      actor: scope.actor.kind === 'staff' || scope.address === 'cli' ? auditActorOf(scope.actor) : null,
      address: scope.address,
      action: `application.${action}`,
      objectType: 'application',
      objectId: loaded.application.id,
      details,
    },
    loaded.now,
  );
}

// ---------------------------------------------------------------------------------------------------
// Form fields: each error names the field and the rule.

export function textField(
  form: StepForm,
  field: string,
  label: string,
  options: { readonly required?: boolean; readonly max?: number } = {},
): string | null {
  const value = (form[field] ?? '').trim();
  const max = options.max ?? 2000;
  if (value === '') {
    if (options.required) throw new Invalid(field, `“${label}”必填`);
    return null;
  }
  if (value.length > max) throw new Invalid(field, `“${label}”不能超过 ${max} 个字`);
  return value;
}

export function requiredText(form: StepForm, field: string, label: string, max?: number): string {
  return textField(form, field, label, { required: true, ...(max === undefined ? {} : { max }) }) ?? '';
}

export function integerField(
  form: StepForm,
  field: string,
  label: string,
  range: { readonly min: number; readonly max: number },
): number {
  const text = (form[field] ?? '').trim();
  if (!/^\d{1,6}$/.test(text)) throw new Invalid(field, `“${label}”须为整数`);
  const value = Number(text);
  if (value < range.min || value > range.max) {
    throw new Invalid(field, `“${label}”须在 ${range.min} 至 ${range.max} 之间`);
  }
  return value;
}

export function idField(form: StepForm, field: string, label: string): number {
  const text = (form[field] ?? '').trim();
  const value = /^\d{1,15}$/.test(text) ? Number(text) : 0;
  if (value <= 0) throw new Invalid(field, `请选择“${label}”`);
  return value;
}

/**
 * The date a step happened: today when not given; never in the future, never before the application was
 * received (and the clock refuses a date before the previous event).
 */
export function stepDate(loaded: Loaded, form: StepForm, field = 'date', label = '日期'): PlainDate {
  const text = (form[field] ?? '').trim();
  if (text === '') return loaded.today;
  if (!isPlainDate(text)) throw new Invalid(field, `“${label}”须为 YYYY-MM-DD 格式的有效日期`);
  if (text > loaded.today) throw new Invalid(field, `“${label}”不能晚于今天（${loaded.today}）`);
  if (text < loaded.application.receivedOn) {
    throw new Invalid(field, `“${label}”不能早于收到申请的日期（${loaded.application.receivedOn}）`);
  }
  return text;
}

export function actorUserId(scope: ActingScope): number | null {
  return scope.actor.kind === 'staff' ? scope.actor.userId : null;
}

// All SQL of the weekly reminders: the units, who receives a unit's reminder, its open correction tasks,
// and the mark of a week whose reminders were all enqueued.
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import { fromDate, type DialectName } from '../../db/dialect.ts';
import type { Executor } from '../../db/transaction.ts';

/** Who receives a unit's weekly reminder: its editors and disclosure office (supervisors). */
export const WEEKLY_REMINDER_ROLES = ['editor', 'supervisor'] as const;

export interface ReminderUnit {
  readonly id: number;
  readonly name: string;
}

export async function listAllUnits(db: Executor): Promise<ReminderUnit[]> {
  return db.selectFrom('units').select(['id', 'name']).orderBy('path').execute();
}

/**
 * Per unit, the active staff holding an editor or supervisor role in that very unit and having an e-mail
 * address (the message would otherwise only reach the log), by user id.
 */
export async function recipientsByUnit(db: Executor): Promise<Map<number, number[]>> {
  const rows = await db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.unit_id', 'u.id'])
    .where('r.role', 'in', [...WEEKLY_REMINDER_ROLES])
    .where('u.disabled_at', 'is', null)
    .where('u.email_sealed', 'is not', null)
    .distinct()
    .orderBy('r.unit_id')
    .orderBy('u.id')
    .execute();
  const result = new Map<number, number[]>();
  for (const row of rows) result.set(row.unit_id, [...(result.get(row.unit_id) ?? []), row.id]);
  return result;
}

export interface OpenCorrection {
  readonly id: number;
  readonly unitId: number;
  readonly source: string;
  readonly status: string;
  readonly dueOn: PlainDate;
}

/** Correction tasks (纠错) not yet answered, the earliest due first. */
export async function listOpenCorrections(db: Executor): Promise<OpenCorrection[]> {
  const rows = await db
    .selectFrom('correction_tasks')
    .select(['id', 'unit_id', 'source', 'status', 'due_on'])
    .where('status', 'in', ['open', 'in-progress'])
    .orderBy('due_on')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    unitId: row.unit_id,
    source: row.source,
    status: row.status,
    dueOn: row.due_on,
  }));
}

export async function weekDone(db: Executor, week: string): Promise<boolean> {
  const row = await db
    .selectFrom('weekly_reminder_runs')
    .select('week')
    .where('week', '=', week)
    .executeTakeFirst();
  return row !== undefined;
}

export async function markWeekDone(
  db: Executor,
  dialect: DialectName,
  run: { week: string; units: number; messages: number },
  now: Date,
): Promise<void> {
  await db
    .insertInto('weekly_reminder_runs')
    .values({ ...run, completed_at: fromDate(dialect, now) })
    .onConflict((conflict) => conflict.column('week').doNothing())
    .execute();
}

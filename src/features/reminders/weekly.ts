// The weekly reminders (周提示): once per ISO week, every unit with something to report gets one message
// for each of its editors and supervisors who has an e-mail address. Sent once per unit, week and
// recipient however many processes run the job: the job lease keeps two runs apart, the outbox's dedupe
// key makes a second enqueue a no-op, and a week whose scan finished is marked so later rounds skip it.
import type { AppContext } from '../../app-context.ts';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import { Invalid } from '../../core/errors.ts';
import { chinaDate, loadCalendar } from '../applications/clock.ts';
import { listReminderCandidates } from '../applications/worklists-repo.ts';
import { accountActivities } from '../channels/activity.ts';
import { CORRECTION_SOURCE_LABELS } from '../corrections/model.ts';
import { measureFreshness } from '../freshness/measure.ts';
import type { BackgroundJob } from '../jobs/model.ts';
import { enqueueNotification } from '../notifications/outbox.ts';
import { weeklyDigest, type DigestFacts } from './digest.ts';
import { listAllUnits, listOpenCorrections, markWeekDone, recipientsByUnit, weekDone } from './repo.ts';
import { isoWeekOf } from './week.ts';

const SOURCE_LABELS: Readonly<Record<string, string | undefined>> = CORRECTION_SOURCE_LABELS;

export const WEEKLY_REMINDER_KIND = 'weekly-reminder';
/** Applications due within this many working days are listed. */
export const DUE_SOON_WORKDAYS = 5;

export function weeklyDedupeKey(week: string, unitId: number, userId: number): string {
  return `weekly:${week}:${unitId}:${userId}`;
}

export interface WeeklySummary {
  readonly week: string;
  /** The week had been done by an earlier run: nothing was scanned. */
  readonly skipped: boolean;
  /** Units with something to report and someone to tell. */
  readonly units: number;
  /** Messages newly enqueued by this run. */
  readonly enqueued: number;
}

type Facts = Omit<DigestFacts, 'unitId' | 'unitName' | 'week' | 'asOf'>;

function emptyFacts(): { -readonly [K in keyof Facts]: Facts[K][number][] } {
  return { staleColumns: [], accounts: [], dueSoon: [], overdue: [], corrections: [] };
}

async function applicationsByUnit(
  context: AppContext,
  today: PlainDate,
  facts: (unitId: number) => ReturnType<typeof emptyFacts> | undefined,
) {
  const calendar = await loadCalendar(context.database.db);
  let horizon: PlainDate;
  try {
    horizon = calendar.nthWorkdayAfter(today, DUE_SOON_WORKDAYS + 1);
  } catch (error) {
    // A year without working-day data: nothing can be counted, the section stays out.
    if (error instanceof Invalid) return;
    throw error;
  }
  for (const application of await listReminderCandidates(context.database.db, horizon)) {
    const unit = facts(application.unitId);
    if (unit === undefined) continue;
    try {
      const overdue = calendar.workdaysBetween(application.dueOn, today);
      const left = calendar.workdaysBetween(today, application.dueOn);
      const base = { id: application.id, queryCode: application.queryCode, dueOn: application.dueOn };
      if (overdue > 0) unit.overdue.push({ ...base, workdaysOverdue: overdue });
      else if (left <= DUE_SOON_WORKDAYS) unit.dueSoon.push({ ...base, workdaysLeft: left });
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
    }
  }
}

/** Enqueues this week's reminders (the week of `now`'s day in China), unless the week is done. */
export async function enqueueWeeklyReminders(
  context: AppContext,
  now = new Date(),
  signal?: AbortSignal,
): Promise<WeeklySummary> {
  const { db, dialect } = context.database;
  const today = chinaDate(now);
  const week = isoWeekOf(today);
  if (await weekDone(db, week)) return { week, skipped: true, units: 0, enqueued: 0 };

  const recipients = await recipientsByUnit(db);
  const units = (await listAllUnits(db)).filter((unit) => (recipients.get(unit.id) ?? []).length > 0);
  const byUnit = new Map(units.map((unit) => [unit.id, emptyFacts()]));
  const ids = units.map((unit) => unit.id);

  for (const [unitId, freshness] of await measureFreshness(db, ids, today)) {
    const facts = byUnit.get(unitId);
    for (const column of freshness.columns) {
      if (column.status !== 'stale') continue;
      facts?.staleColumns.push({
        name: column.name,
        lastPublishedOn: column.lastPublishedOn,
        staleSince: column.staleSince,
      });
    }
  }
  for (const account of await accountActivities(db, { unitIds: ids }, today)) {
    if (account.level === 'active') continue;
    byUnit.get(account.unitId)?.accounts.push({
      platform: account.platform,
      name: account.name,
      silentDays: account.silentDays,
      zombie: account.level === 'zombie',
    });
  }
  await applicationsByUnit(context, today, (unitId) => byUnit.get(unitId));
  for (const task of await listOpenCorrections(db)) {
    byUnit.get(task.unitId)?.corrections.push({
      id: task.id,
      source: SOURCE_LABELS[task.source] ?? task.source,
      dueOn: task.dueOn,
    });
  }

  let reported = 0;
  let enqueued = 0;
  for (const unit of units) {
    if (signal?.aborted) return { week, skipped: false, units: reported, enqueued };
    const digest = weeklyDigest({
      unitId: unit.id,
      unitName: unit.name,
      week,
      asOf: today,
      ...(byUnit.get(unit.id) ?? emptyFacts()),
    });
    if (digest === null) continue;
    reported += 1;
    for (const userId of recipients.get(unit.id) ?? []) {
      const inserted = await enqueueNotification(
        db,
        {
          kind: WEEKLY_REMINDER_KIND,
          dedupeKey: weeklyDedupeKey(week, unit.id, userId),
          recipientUserId: userId,
          ...digest,
        },
        now,
      );
      if (inserted) enqueued += 1;
    }
  }
  await markWeekDone(db, dialect, { week, units: reported, messages: enqueued }, now);
  return { week, skipped: false, units: reported, enqueued };
}

export const weeklyRemindersJob: BackgroundJob = {
  name: 'weekly-reminders',
  async run({ context, now, signal }) {
    const { week, skipped, units, enqueued } = await enqueueWeeklyReminders(context, now, signal);
    return skipped
      ? `${week} 周提示已发出，本轮跳过`
      : `${week} 周提示：${units} 个单位有待办事项，新提示 ${enqueued} 条`;
  },
};

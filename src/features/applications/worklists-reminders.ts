// Deadline reminders (procedures.md: warn handlers in advance, by default 5 and 2 working days before the
// due date, and when overdue). A scan of the open applications enqueues each reminder once per due date
// and recipient (the outbox's dedupe key), however many processes run it and however often.
import type { AppContext } from '../../app-context.ts';
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import type { WorkingDayCalendar } from '../../core/calendar/working-days.ts';
import { Invalid } from '../../core/errors.ts';
import { enqueueNotification } from '../notifications/outbox.ts';
import { chinaDate, loadCalendar } from './clock.ts';
import { chineseDate } from './views/ClockSummary.tsx';
import { findHandlersOfUnits, listReminderCandidates } from './worklists-repo.ts';
import type { ReminderCandidate } from './worklists-model.ts';

export const REMINDER_KIND = 'application-reminder';

/** A threshold in working days left, or overdue. */
export type ReminderMark = number | 'overdue';

/**
 * The reminder an application is due for: overdue once a working day has passed since the due date;
 * otherwise the tightest threshold it has reached (a run missed on the day of the 5-day mark still
 * sends it at 3 days left, and a due date moved closer skips straight to the 2-day reminder).
 */
export function reminderMark(
  workdaysLeft: number,
  workdaysOverdue: number,
  thresholds: readonly number[],
): ReminderMark | null {
  if (workdaysOverdue > 0) return 'overdue';
  const reached = thresholds.filter((threshold) => workdaysLeft <= threshold);
  return reached.length === 0 ? null : Math.min(...reached);
}

export function reminderDedupeKey(
  applicationId: number,
  mark: ReminderMark,
  dueOn: PlainDate,
  recipientUserId: number | null,
): string {
  return `reminder:${applicationId}:${mark}:${dueOn}:${recipientUserId ?? 'none'}`;
}

export interface ReminderText {
  readonly subject: string;
  readonly body: string;
}

/** The reminder's words: query code, unit, due date, days left and the page; nothing of the applicant. */
export function reminderText(
  application: Pick<ReminderCandidate, 'id' | 'queryCode' | 'unitName' | 'dueOn'>,
  timing: { readonly left: number; readonly overdue: number },
): ReminderText {
  const code = application.queryCode;
  const due = chineseDate(application.dueOn);
  const [subject, state] =
    timing.overdue > 0
      ? [
          `依申请公开：申请 ${code} 已超过答复期限 ${timing.overdue} 个工作日`,
          `已逾期 ${timing.overdue} 个工作日`,
        ]
      : timing.left === 0
        ? [`依申请公开：申请 ${code} 的答复期限已到（${due}）`, '答复期限已到']
        : [`依申请公开：申请 ${code} 距答复期限还有 ${timing.left} 个工作日`, `还有 ${timing.left} 个工作日`];
  const body = [
    `查询码：${code}`,
    `受理机关：${application.unitName}`,
    `答复期限：${due}（${state}，按工作日计算，节假日不计）`,
    '请在答复期限内作出答复；需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人（《政府信息公开条例》第三十三条）。',
    `办理页面：/admin/applications/${application.id}`,
    '',
    '本提醒由系统按答复期限自动发送。',
  ].join('\n');
  return { subject, body };
}

/** The unit ids on a materialised path, root first: '/1/5/12/' → [1, 5, 12]. */
function unitIdsOnPath(path: string): number[] {
  return path
    .split('/')
    .filter((part) => part !== '')
    .map(Number);
}

/**
 * Who is reminded: the assigned handler; with none (or a disabled one), the handlers of the application's
 * unit, or of the nearest unit above it that has handlers; with none anywhere, nobody (the log).
 */
function recipientsOf(
  application: ReminderCandidate,
  handlersByUnit: ReadonlyMap<number, readonly number[]>,
): (number | null)[] {
  if (application.activeHandlerId !== null) return [application.activeHandlerId];
  const nearest = unitIdsOnPath(application.unitPath)
    .reverse()
    .map((unitId) => handlersByUnit.get(unitId) ?? [])
    .find((handlers) => handlers.length > 0);
  return nearest === undefined ? [null] : [...nearest];
}

export interface ReminderSummary {
  /** Open applications with a due date within the largest threshold, or overdue. */
  readonly considered: number;
  /** Reminders newly enqueued by this run (the rest were enqueued before). */
  readonly enqueued: number;
  /** Applications whose working days the calendar cannot count (a year without data). */
  readonly uncountable: number;
}

function countWorkdays(calendar: WorkingDayCalendar, today: PlainDate, due: PlainDate) {
  return { left: calendar.workdaysBetween(today, due), overdue: calendar.workdaysBetween(due, today) };
}

/** Enqueues the deadline reminders that are due on `now`'s day in China. */
export async function enqueueDeadlineReminders(
  context: AppContext,
  now = new Date(),
): Promise<ReminderSummary> {
  const db = context.database.db;
  const thresholds = context.config.reminderWorkdays;
  const today = chinaDate(now);
  const calendar = await loadCalendar(db);
  let horizon: PlainDate | null = null;
  try {
    horizon = calendar.nthWorkdayAfter(today, Math.max(0, ...thresholds) + 1);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
  }
  const candidates = await listReminderCandidates(db, horizon);
  const needUnitHandlers = candidates.filter((candidate) => candidate.activeHandlerId === null);
  const handlersByUnit = await findHandlersOfUnits(db, [
    ...new Set(needUnitHandlers.flatMap((candidate) => unitIdsOnPath(candidate.unitPath))),
  ]);
  let enqueued = 0;
  let uncountable = 0;
  for (const application of candidates) {
    let timing: { left: number; overdue: number };
    try {
      timing = countWorkdays(calendar, today, application.dueOn);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      uncountable += 1;
      continue;
    }
    const mark = reminderMark(timing.left, timing.overdue, thresholds);
    if (mark === null) continue;
    const text = reminderText(application, timing);
    for (const recipient of recipientsOf(application, handlersByUnit)) {
      const inserted = await enqueueNotification(
        db,
        {
          kind: REMINDER_KIND,
          dedupeKey: reminderDedupeKey(application.id, mark, application.dueOn, recipient),
          recipientUserId: recipient,
          ...text,
        },
        now,
      );
      if (inserted) enqueued += 1;
    }
  }
  return { considered: candidates.length, enqueued, uncountable };
}

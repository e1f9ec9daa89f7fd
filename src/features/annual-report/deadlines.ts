// Statutory publication dates of the annual report (条例第四十九条): departments of governments at county
// level and above publish by 31 January of the next year; a government's own report is published by
// 31 March. A supervisor sees its units against those dates, and reminders go out before them.
import type { ActingScope, AppContext } from '../../app-context.ts';
import { dayNumberOf, type PlainDate } from '../../core/calendar/plain-date.ts';
import { chinaDate } from '../applications/clock.ts';
import { enqueueNotification } from '../notifications/outbox.ts';
import type { UnitKind } from '../units/model.ts';
import { authorizePublishReport } from './publish-policy.ts';
import { findReportUnit } from './publish-repo.ts';
import {
  findFirstPublications,
  findSupervisorsOfUnits,
  listDeadlineUnits,
  type DeadlineUnit,
} from './deadlines-repo.ts';

/** Unit kinds that are people's governments (31 March); every other unit reports by 31 January. */
const GOVERNMENT_KINDS: readonly UnitKind[] = ['province', 'city', 'county', 'township'];

export function isGovernment(kind: UnitKind): boolean {
  return GOVERNMENT_KINDS.includes(kind);
}

/** The last day to publish the report of `year`. */
export function publicationDeadline(kind: UnitKind, year: number): PlainDate {
  return `${String(year + 1).padStart(4, '0')}-${isGovernment(kind) ? '03-31' : '01-31'}`;
}

export type DeadlineStatus = 'on-time' | 'late' | 'overdue' | 'pending';

export const DEADLINE_STATUS_LABELS: Readonly<Record<DeadlineStatus, string>> = {
  'on-time': '已按期发布',
  late: '逾期发布',
  overdue: '逾期未发布',
  pending: '尚未发布',
};

/** Where a unit stands: published (first version's day in China) against the date, or not yet. */
export function deadlineStatus(
  deadline: PlainDate,
  publishedOn: PlainDate | null,
  today: PlainDate,
): DeadlineStatus {
  if (publishedOn !== null) return publishedOn <= deadline ? 'on-time' : 'late';
  return today > deadline ? 'overdue' : 'pending';
}

/** Reminders before the date, in calendar days. */
export const REMINDER_DAYS = [10, 3] as const;
export const REPORT_REMINDER_KIND = 'annual-report-deadline';

/** The tightest reminder reached `daysLeft` before the date (null: none yet, or the date has passed). */
export function reminderDue(daysLeft: number): number | null {
  if (daysLeft < 0) return null;
  const reached = REMINDER_DAYS.filter((days) => daysLeft <= days);
  return reached.length === 0 ? null : Math.min(...reached);
}

export function reportReminderDedupeKey(
  unitId: number,
  year: number,
  days: number,
  recipientUserId: number | null,
): string {
  return `${REPORT_REMINDER_KIND}:${unitId}:${year}:${days}:${recipientUserId ?? 'none'}`;
}

export interface DeadlineRow {
  readonly unit: DeadlineUnit;
  readonly deadline: PlainDate;
  readonly publishedOn: PlainDate | null;
  readonly status: DeadlineStatus;
}

export interface DeadlineOverview {
  readonly unit: DeadlineUnit;
  readonly year: number;
  readonly today: PlainDate;
  readonly rows: readonly DeadlineRow[];
}

/** The unit and every unit below it for report year `year` (supervisors of the unit or above). */
export async function deadlineOverview(
  scope: ActingScope,
  unitId: number,
  year: number,
  now = new Date(),
): Promise<DeadlineOverview> {
  const db = scope.context.database.db;
  authorizePublishReport(scope.actor, await findReportUnit(db, unitId));
  const units = await listDeadlineUnits(db, unitId);
  const published = await findFirstPublications(
    db,
    units.map((unit) => unit.id),
    year,
  );
  const today = chinaDate(now);
  const rows = units.map((unit) => {
    const deadline = publicationDeadline(unit.kind, year);
    const at = published.get(unit.id);
    const publishedOn = at === undefined ? null : chinaDate(at);
    return { unit, deadline, publishedOn, status: deadlineStatus(deadline, publishedOn, today) };
  });
  const self = rows.find((row) => row.unit.id === unitId)?.unit ?? units[0];
  if (self === undefined) throw new Error('unit vanished');
  return { unit: self, year, today, rows };
}

/**
 * Enqueues the reminders due today for last year's report: to the supervisors (政务公开办负责人) of each
 * unit that has not published, once per unit, year, reminder and recipient (the outbox's dedupe key).
 */
export async function enqueueReportDeadlineReminders(
  context: AppContext,
  now = new Date(),
): Promise<{ considered: number; enqueued: number }> {
  const db = context.database.db;
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4)) - 1;
  const units = await listDeadlineUnits(db, null);
  const published = await findFirstPublications(
    db,
    units.map((unit) => unit.id),
    year,
  );
  const due = units.flatMap((unit) => {
    if (published.has(unit.id)) return [];
    const deadline = publicationDeadline(unit.kind, year);
    const days = reminderDue(dayNumberOf(deadline) - dayNumberOf(today));
    return days === null ? [] : [{ unit, deadline, days, left: dayNumberOf(deadline) - dayNumberOf(today) }];
  });
  const supervisors = await findSupervisorsOfUnits(
    db,
    due.map(({ unit }) => unit.id),
  );
  let enqueued = 0;
  for (const { unit, deadline, days, left } of due) {
    const recipients = supervisors.get(unit.id) ?? [null];
    for (const recipient of recipients) {
      const subject = `年度报告：${unit.name}${year}年政府信息公开工作年度报告距发布期限还有 ${left} 天`;
      const body = [
        `单位：${unit.name}`,
        `报告年度：${year}年`,
        `发布期限：${deadline}（${isGovernment(unit.kind) ? '人民政府于每年3月31日前' : '政府部门于每年1月31日前'}，《政府信息公开条例》第四十九条）`,
        `编制页面：/admin/units/${unit.id}/annual-report?year=${year}`,
        '',
        '本提醒由系统在发布期限前自动发送，报告发布后不再提醒。',
      ].join('\n');
      const added = await enqueueNotification(
        db,
        {
          kind: REPORT_REMINDER_KIND,
          dedupeKey: reportReminderDedupeKey(unit.id, year, days, recipient),
          recipientUserId: recipient,
          subject,
          body,
        },
        now,
      );
      if (added) enqueued += 1;
    }
  }
  return { considered: due.length, enqueued };
}

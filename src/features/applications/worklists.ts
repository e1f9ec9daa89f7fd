// The work lists (待办): the open applications of the actor's units by view, with a count per view,
// the working days left or overdue on today's calendar, and no applicant data.
import type { ActingScope } from '../../app-context.ts';
import { addDays, type PlainDate } from '../../core/calendar/plain-date.ts';
import type { WorkingDayCalendar } from '../../core/calendar/working-days.ts';
import { Invalid } from '../../core/errors.ts';
import { chinaDate, loadCalendar } from './clock.ts';
import { isOneOf } from './model.ts';
import { applicationScopes, authorizeApplicationList } from './policy.ts';
import { countWorkLists, listWorkList, type WorkListFilter } from './worklists-repo.ts';
import {
  WORK_LIST_LABELS,
  WORK_LIST_VIEWS,
  type DueBounds,
  type RowTiming,
  type WorkList,
  type WorkListRow,
  type WorkListView,
} from './worklists-model.ts';

export const WORK_LIST_LIMIT = 200;

/** The longest run of days off in the official arrangements is well under this. */
const MAX_DAYS_OFF = 31;

export function parseWorkListView(value: unknown): WorkListView {
  if (value === undefined || value === '') return 'mine';
  if (isOneOf(WORK_LIST_VIEWS, value)) return value;
  const names = WORK_LIST_VIEWS.map((view) => `${view}（${WORK_LIST_LABELS[view]}）`).join('、');
  throw new Invalid('view', `“view”应为 ${names} 之一`);
}

/** The last working day on or before `today`. */
export function lastWorkdayOnOrBefore(calendar: WorkingDayCalendar, today: PlainDate): PlainDate {
  let day = today;
  for (let step = 0; step < MAX_DAYS_OFF && !calendar.isWorkingDay(day); step++) day = addDays(day, -1);
  return day;
}

export function dueBoundsOn(calendar: WorkingDayCalendar, today: PlainDate): DueBounds {
  return {
    lastWorkday: lastWorkdayOnOrBefore(calendar, today),
    within5: calendar.nthWorkdayAfter(today, 6),
    within2: calendar.nthWorkdayAfter(today, 3),
  };
}

function timingOf(calendar: WorkingDayCalendar, row: WorkListRow, today: PlainDate): RowTiming {
  if (row.dueOn === null) return { kind: 'none' };
  try {
    const overdue = calendar.workdaysBetween(row.dueOn, today);
    if (overdue > 0) return { kind: 'overdue', workdays: overdue };
    return { kind: 'left', workdays: calendar.workdaysBetween(today, row.dueOn) };
  } catch (error) {
    if (error instanceof Invalid) return { kind: 'unknown', message: error.message };
    throw error;
  }
}

/** One view of the work list with the counts of every view; NotFound without an application role. */
export async function loadWorkList(scope: ActingScope, view: unknown, now = new Date()): Promise<WorkList> {
  authorizeApplicationList(scope.actor);
  const chosen = parseWorkListView(view);
  const db = scope.context.database.db;
  const today = chinaDate(now);
  const calendar = await loadCalendar(db);
  let bounds: DueBounds | null = null;
  let calendarProblem: string | null = null;
  try {
    bounds = dueBoundsOn(calendar, today);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    calendarProblem = error.message;
  }
  const filter: WorkListFilter = {
    scopes: applicationScopes(scope.actor),
    userId: scope.actor.kind === 'staff' ? scope.actor.userId : null,
    bounds,
  };
  const counted = await countWorkLists(db, filter);
  const rows = await listWorkList(db, chosen, filter, WORK_LIST_LIMIT);
  const dueViews: readonly WorkListView[] = ['due5', 'due2', 'overdue'];
  const counts = Object.fromEntries(
    WORK_LIST_VIEWS.map((v) => [v, bounds === null && dueViews.includes(v) ? null : counted[v]]),
  ) as Record<WorkListView, number | null>;
  return {
    view: chosen,
    today,
    counts,
    rows: rows.map((row) => ({ ...row, timing: timingOf(calendar, row, today) })),
    calendarProblem,
    limit: WORK_LIST_LIMIT,
  };
}

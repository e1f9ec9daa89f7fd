// The work lists of the back office: open applications by who handles them and by how close their due
// date is (procedures.md: every open application shows its due date and "due soon" / "overdue").
import type { PlainDate } from '../../core/calendar/plain-date.ts';

export const WORK_LIST_VIEWS = ['mine', 'unit', 'due5', 'due2', 'overdue', 'correction', 'paused'] as const;
export type WorkListView = (typeof WORK_LIST_VIEWS)[number];

export const WORK_LIST_LABELS: Readonly<Record<WorkListView, string>> = {
  mine: '分配给我的',
  unit: '所在单位全部',
  due5: '5 个工作日内到期',
  due2: '2 个工作日内到期',
  overdue: '已逾期',
  correction: '等待补正',
  paused: '暂停计时',
};

/** The cached clock states (applications.clock_state) in words. */
export const CLOCK_STATE_LABELS: Readonly<Record<string, string>> = {
  running: '计时中',
  paused: '暂停计时',
  awaiting_correction: '等待补正',
  decided: '已作出答复决定',
  invalid: '期限无法计算',
};

/**
 * The dates that split open applications by their due date on a day, from the working-day calendar.
 * Working days left ≤ n ⇔ due < the (n+1)-th working day after today; overdue ⇔ a working day has passed
 * since the due date ⇔ due < the last working day on or before today.
 */
export interface DueBounds {
  readonly lastWorkday: PlainDate;
  readonly within5: PlainDate;
  readonly within2: PlainDate;
}

/** One row of a work list: no applicant data at all. */
export interface WorkListRow {
  readonly id: number;
  readonly queryCode: string;
  readonly unitName: string;
  readonly receivedOn: PlainDate;
  readonly dueOn: PlainDate | null;
  readonly clockState: string | null;
  readonly handlerName: string | null;
}

/** Working days left or overdue on the day the list was read, or why they cannot be counted. */
export type RowTiming =
  | { readonly kind: 'left'; readonly workdays: number }
  | { readonly kind: 'overdue'; readonly workdays: number }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown'; readonly message: string };

export interface WorkList {
  readonly view: WorkListView;
  readonly today: PlainDate;
  /** Per view; null for the due-date views when the calendar cannot count around today. */
  readonly counts: Readonly<Record<WorkListView, number | null>>;
  readonly rows: readonly (WorkListRow & { readonly timing: RowTiming })[];
  /** Why the due-date views are empty: the calendar lacks a year (names it). */
  readonly calendarProblem: string | null;
  /** Only the first rows are listed; counts are complete. */
  readonly limit: number;
}

/** An open application with a due date, for the reminders. */
export interface ReminderCandidate {
  readonly id: number;
  readonly queryCode: string;
  readonly unitId: number;
  readonly unitName: string;
  readonly unitPath: string;
  readonly dueOn: PlainDate;
  /** The assigned handler, when the account is still active. */
  readonly activeHandlerId: number | null;
}

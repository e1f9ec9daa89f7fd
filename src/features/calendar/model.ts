// The working-day calendar as the installation keeps it: the official arrangements shipped with the
// system, the days the admin set (调休 changes, emergency extensions, a new year's notice) and the years
// the admin declared entered in full.
import type { PlainDate } from '../../core/calendar/plain-date.ts';
import type { DayKind } from '../../core/calendar/working-days.ts';

export const DAY_KINDS: readonly DayKind[] = ['workday', 'holiday'];

export const DAY_KIND_LABELS: Readonly<Record<DayKind, string>> = {
  workday: '工作日',
  holiday: '休息日',
};

export function isDayKind(value: string): value is DayKind {
  return (DAY_KINDS as readonly string[]).includes(value);
}

/** Who last changed a row: a staff member, or the operator at the command line (null). */
export interface ChangedBy {
  readonly userId: number | null;
  /** The staff member's name, or 命令行操作员. */
  readonly name: string;
  readonly at: Date;
}

/** A day the admin set, with the notice it comes from. */
export interface StoredDayOverride {
  readonly date: PlainDate;
  readonly kind: DayKind;
  readonly name: string | null;
  readonly notice: string;
  readonly changed: ChangedBy;
}

/** A year the admin declared entered in full, with the notice of its arrangement. */
export interface StoredCompleteYear {
  readonly year: number;
  readonly notice: string;
  readonly changed: ChangedBy;
}

/** One open application whose cached clock a calendar change moved. */
export interface ChangedClock {
  readonly id: number;
  readonly dueBefore: PlainDate | null;
  readonly dueAfter: PlainDate | null;
  readonly stateBefore: string | null;
  readonly stateAfter: string;
}

/** What a calendar change did to the open applications. */
export interface Recomputation {
  /** How many open applications were recomputed. */
  readonly open: number;
  /** Those whose due date or clock state changed, in id order. */
  readonly changed: readonly ChangedClock[];
}

export type CalendarAction = 'day-set' | 'day-remove' | 'year-complete' | 'year-withdraw';

/** The outcome of a change, for the page and the command line. */
export interface CalendarChange {
  readonly action: CalendarAction;
  /** The date or the year that changed. */
  readonly subject: string;
  readonly recomputation: Recomputation;
}

/** Whether and why the calendar can count in a year. */
export interface YearCoverage {
  readonly year: number;
  /** The shipped official data (chinese-days) carries the year. */
  readonly official: boolean;
  readonly declared: StoredCompleteYear | null;
  readonly overrideCount: number;
  readonly covered: boolean;
}

/** A run of consecutive days of one kind and name in a year's arrangement. */
export interface ArrangementRow {
  readonly from: PlainDate;
  readonly to: PlainDate;
  readonly days: number;
  readonly working: boolean;
  /** The holiday's name (official data) or the name the admin gave; null when none was given. */
  readonly name: string | null;
  readonly source: 'official' | 'override';
}

/** What the calendar page and `gongkai calendar list` show. */
export interface CalendarOverview {
  readonly today: PlainDate;
  readonly years: readonly YearCoverage[];
  readonly overrides: readonly StoredDayOverride[];
  readonly selectedYear: number;
  /** The selected year's holidays and make-up working days; null when the calendar cannot count in it. */
  readonly arrangement: readonly ArrangementRow[] | null;
}

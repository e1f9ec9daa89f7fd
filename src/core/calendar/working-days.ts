// The working-day calendar (工作日) on which every statutory period of the 条例 runs: weekends and public
// holidays are off, weekend make-up working days (调休上班日) count. Sources, later winning: plain
// weekdays/weekends, the official arrangements (chinese-days data), the agency's admin overrides.
//
// A year is covered when the official data carries it, or when the admin has declared it complete
// (`completeYears`: the year's whole arrangement was entered from the State Council's notice). Day
// overrides alone never cover a year: a single entered day (e.g. an emergency change) says nothing about
// the rest of the year, and counting the rest as plain weekends is exactly the silent fallback the spec
// forbids.
import { Invalid } from '../errors.ts';
import { chineseDaysArrangements, type OfficialArrangements } from './official-arrangements.ts';
import {
  assertPlainDate,
  dateOfDayNumber,
  dayNumberOf,
  isWeekend,
  yearOf,
  type PlainDate,
} from './plain-date.ts';

export type DayKind = 'workday' | 'holiday';

/** One day set by the admin, with the notice it comes from (e.g. 国办发明电〔2020〕1号). */
export interface DayOverride {
  readonly date: PlainDate;
  readonly kind: DayKind;
  readonly notice: string;
}

/** A year whose whole arrangement the admin entered, with the notice it comes from. */
export interface CompleteYear {
  readonly year: number;
  readonly notice: string;
}

export interface CalendarOverrides {
  readonly days?: readonly DayOverride[];
  readonly completeYears?: readonly CompleteYear[];
}

/** Why a day is or is not a working day, for display next to a due date. */
export interface DayInfo {
  readonly date: PlainDate;
  readonly working: boolean;
  readonly source: 'weekday' | 'weekend' | 'official' | 'override';
  /** The holiday name (official data) or the notice (override). */
  readonly note?: string;
}

export interface WorkingDayCalendar {
  /** Whether the date is a working day; Invalid naming the year when the year has no arrangement. */
  isWorkingDay(date: PlainDate): boolean;
  dayInfo(date: PlainDate): DayInfo;
  /** The n-th working day strictly after `date` (n ≥ 1; the date itself never counts). */
  nthWorkdayAfter(date: PlainDate, n: number): PlainDate;
  /** The number of working days d with after < d ≤ upTo (0 when upTo is not after `after`). */
  workdaysBetween(after: PlainDate, upTo: PlainDate): number;
  /** Every year the calendar can count in, ascending. */
  readonly coveredYears: readonly number[];
}

export function missingYearError(year: number): Invalid {
  return new Invalid(
    'date',
    `${year}年的节假日安排尚无数据：无法按工作日计算期限。请管理员依国务院办公厅公布的${year}年节假日安排通知录入该年工作日历并确认全年已录入`,
  );
}

function validatedOverrides(overrides: CalendarOverrides): {
  days: Map<PlainDate, DayOverride>;
  years: Set<number>;
} {
  const days = new Map<PlainDate, DayOverride>();
  (overrides.days ?? []).forEach((override, index) => {
    const field = `overrides[${index}]`;
    assertPlainDate(override.date, `${field}.date`);
    if (!(['workday', 'holiday'] as unknown[]).includes(override.kind)) {
      throw new Invalid(`${field}.kind`, `${field}.kind 须为 workday（工作日）或 holiday（休息日）`);
    }
    if (typeof override.notice !== 'string' || override.notice.trim() === '') {
      throw new Invalid(`${field}.notice`, `${field}.notice 须写明依据的通知（如 国办发明电〔2020〕1号）`);
    }
    const earlier = days.get(override.date);
    if (earlier && earlier.kind !== override.kind) {
      throw new Invalid(`${field}.date`, `${override.date} 被同时设为工作日和休息日，请只保留一条`);
    }
    days.set(override.date, override);
  });
  const years = new Set<number>();
  (overrides.completeYears ?? []).forEach((declared, index) => {
    const field = `completeYears[${index}]`;
    if (!Number.isInteger(declared.year) || declared.year < 1900 || declared.year > 9999) {
      throw new Invalid(`${field}.year`, `${field}.year 须为四位年份`);
    }
    if (typeof declared.notice !== 'string' || declared.notice.trim() === '') {
      throw new Invalid(`${field}.notice`, `${field}.notice 须写明该年节假日安排的通知文号`);
    }
    years.add(declared.year);
  });
  return { days, years };
}

/**
 * Builds the calendar from the official data and the admin's overrides. This is the one seam through
 * which the database's override table reaches the clock; without overrides it is the official data alone.
 */
export function createWorkingDayCalendar(
  overrides: CalendarOverrides = {},
  official: OfficialArrangements = chineseDaysArrangements,
): WorkingDayCalendar {
  const { days, years: declaredYears } = validatedOverrides(overrides);
  const covered = new Set([...official.years, ...declaredYears]);
  const coveredYears = [...covered].sort((a, b) => a - b);

  function dayInfo(date: PlainDate): DayInfo {
    assertPlainDate(date);
    const year = yearOf(date);
    if (!covered.has(year)) throw missingYearError(year);
    const override = days.get(date);
    if (override) {
      return { date, working: override.kind === 'workday', source: 'override', note: override.notice };
    }
    const offName = official.daysOff.get(date);
    if (offName !== undefined) return { date, working: false, source: 'official', note: offName };
    const makeUpName = official.makeUpWorkdays.get(date);
    if (makeUpName !== undefined) return { date, working: true, source: 'official', note: makeUpName };
    return isWeekend(date)
      ? { date, working: false, source: 'weekend' }
      : { date, working: true, source: 'weekday' };
  }

  function isWorkingDay(date: PlainDate): boolean {
    return dayInfo(date).working;
  }

  function nthWorkdayAfter(date: PlainDate, n: number): PlainDate {
    if (!Number.isSafeInteger(n) || n < 1) throw new Invalid('workdays', `工作日数须为正整数，收到：${n}`);
    let dayNumber = dayNumberOf(date);
    let counted = 0;
    // Terminates: every step either counts a working day or reaches an uncovered year and throws.
    for (;;) {
      dayNumber += 1;
      if (isWorkingDay(dateOfDayNumber(dayNumber)) && ++counted === n) return dateOfDayNumber(dayNumber);
    }
  }

  function workdaysBetween(after: PlainDate, upTo: PlainDate): number {
    const last = dayNumberOf(upTo, 'upTo');
    let count = 0;
    for (let dayNumber = dayNumberOf(after, 'after') + 1; dayNumber <= last; dayNumber++) {
      if (isWorkingDay(dateOfDayNumber(dayNumber))) count++;
    }
    return count;
  }

  return { isWorkingDay, dayInfo, nthWorkdayAfter, workdaysBetween, coveredYears };
}

// Assessment periods: a year (2023), a quarter (2023-Q4), a month (2023-11) or an ISO 8601 week (2023-W47:
// weeks start on Monday and week 1 is the week holding 4 January, so a year has 52 or 53 weeks).
import { addDays, dayOfWeek, type PlainDate } from '../calendar/plain-date.ts';
import { Invalid } from '../errors.ts';

export type PeriodKind = 'year' | 'quarter' | 'month' | 'week';

export interface Period {
  readonly kind: PeriodKind;
  /** The canonical text: 2023, 2023-Q4, 2023-11, 2023-W07. */
  readonly text: string;
  readonly year: number;
  /** First and last day, both inside the period. */
  readonly start: PlainDate;
  readonly end: PlainDate;
}

export const PERIOD_KIND_LABELS: Readonly<Record<PeriodKind, string>> = {
  year: '年度',
  quarter: '季度',
  month: '月度',
  week: '周',
};

const RULE = '考核期间须写作“2023”“2023-Q4”“2023-11”或“2023-W47”（ISO 周）';

const pad = (value: number) => String(value).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): PlainDate {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** The Monday of ISO week 1 of the year. */
function isoWeekOneMonday(year: number): PlainDate {
  const fourth = `${year}-01-04`;
  return addDays(fourth, -((dayOfWeek(fourth) + 6) % 7));
}

/** How many ISO weeks the year has: 53 when it starts on a Thursday, or is a leap year starting on a Wednesday. */
export function isoWeeksIn(year: number): number {
  const first = dayOfWeek(`${year}-01-01`);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return first === 4 || (leap && first === 3) ? 53 : 52;
}

/** Parses a period; throws Invalid naming `period` with the rule it broke. */
export function parsePeriod(text: unknown): Period {
  const value = typeof text === 'string' ? text.trim().toUpperCase() : '';
  const match = /^(\d{4})(?:-(?:Q(\d)|(\d{2})|W(\d{2})))?$/.exec(value);
  if (match === null) throw new Invalid('period', `${RULE}，收到：${String(text)}`);
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) throw new Invalid('period', '考核期间的年份须在 2000 至 2100 之间');
  const [, , quarter, month, week] = match;
  if (quarter !== undefined) {
    const q = Number(quarter);
    if (q < 1 || q > 4) throw new Invalid('period', `季度须为 Q1 至 Q4，收到：${String(text)}`);
    return {
      kind: 'quarter',
      text: `${year}-Q${q}`,
      year,
      start: `${year}-${pad(q * 3 - 2)}-01`,
      end: lastDayOfMonth(year, q * 3),
    };
  }
  if (month !== undefined) {
    const m = Number(month);
    if (m < 1 || m > 12) throw new Invalid('period', `月份须为 01 至 12，收到：${String(text)}`);
    return {
      kind: 'month',
      text: `${year}-${pad(m)}`,
      year,
      start: `${year}-${pad(m)}-01`,
      end: lastDayOfMonth(year, m),
    };
  }
  if (week !== undefined) {
    const w = Number(week);
    const weeks = isoWeeksIn(year);
    if (w < 1 || w > weeks)
      throw new Invalid('period', `${year} 年只有第 01 至第 ${weeks} 周，收到：${String(text)}`);
    const start = addDays(isoWeekOneMonday(year), (w - 1) * 7);
    return { kind: 'week', text: `${year}-W${pad(w)}`, year, start, end: addDays(start, 6) };
  }
  return { kind: 'year', text: String(year), year, start: `${year}-01-01`, end: `${year}-12-31` };
}

// Calendar dates as plain 'YYYY-MM-DD' strings. Statutory periods count whole days in Beijing, so no
// time zone or clock time ever enters: arithmetic runs on day numbers (days since 1970-01-01, UTC).
import { Invalid } from '../errors.ts';

/** A calendar date written 'YYYY-MM-DD'. */
export type PlainDate = string;

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a valid date; throws Invalid naming `field` for anything else. */
export function dayNumberOf(date: unknown, field = 'date'): number {
  const match = typeof date === 'string' ? DATE_PATTERN.exec(date) : null;
  if (!match) throw new Invalid(field, `${field} 须为“YYYY-MM-DD”格式的日期，收到：${describe(date)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new Invalid(field, `${field} 不是存在的日期：${String(date)}`);
  }
  return Math.round(ms / DAY_MS);
}

/** The date of a day number. */
export function dateOfDayNumber(dayNumber: number): PlainDate {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Checks a date and returns it unchanged (for validating input). */
export function assertPlainDate(date: unknown, field = 'date'): PlainDate {
  dayNumberOf(date, field);
  return date as PlainDate;
}

/** Whether the value is a valid 'YYYY-MM-DD' date. */
export function isPlainDate(value: unknown): value is PlainDate {
  try {
    dayNumberOf(value);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return dateOfDayNumber(dayNumberOf(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: PlainDate): number {
  return (((dayNumberOf(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: PlainDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

export function yearOf(date: PlainDate): number {
  return Number(date.slice(0, 4));
}

/** Negative, zero or positive as a is before, equal to or after b (valid dates compare as strings). */
export function compareDates(a: PlainDate, b: PlainDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function laterOf(a: PlainDate, b: PlainDate): PlainDate {
  return a >= b ? a : b;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `“${value}”`;
  if (value === undefined || value === null) return '（空）';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

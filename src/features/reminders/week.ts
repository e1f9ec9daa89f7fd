// The ISO week of a date (weeks start on Monday; week 1 holds the year's first Thursday), the period of
// the weekly reminders (周提示).
import { addDays, dayOfWeek, type PlainDate } from '../../core/calendar/plain-date.ts';

/** '2026-W48' for any day from Monday 23 to Sunday 29 November 2026. */
export function isoWeekOf(date: PlainDate): string {
  const isoWeekday = ((dayOfWeek(date) + 6) % 7) + 1;
  const thursday = addDays(date, 4 - isoWeekday);
  const year = thursday.slice(0, 4);
  const firstThursdayOrdinal = Math.floor(
    (Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000,
  );
  return `${year}-W${String(Math.floor(firstThursdayOrdinal / 7) + 1).padStart(2, '0')}`;
}

/** The Monday of the week of a date. */
export function mondayOf(date: PlainDate): PlainDate {
  return addDays(date, -((dayOfWeek(date) + 6) % 7));
}

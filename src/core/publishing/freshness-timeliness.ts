// 条例第二十六条: information to be disclosed proactively is disclosed within 20 working days of its being
// formed or changed. We measure it on items from their 成文日期 (written_on) to their 发布日期 (published_on).
import type { PlainDate } from '../calendar/plain-date.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';

export const ART26_WORKDAYS = 20;

export type TimelinessVerdict =
  | { readonly kind: 'in-time'; readonly dueOn: PlainDate }
  | { readonly kind: 'late'; readonly dueOn: PlainDate; readonly workdaysLate: number }
  /** No 成文日期, or the calendar lacks a year in between: nothing can be said. */
  | { readonly kind: 'unknown'; readonly reason: 'no-written-on' | 'no-calendar' };

/**
 * The 20 working days start the day after the item was formed (the day itself never counts, as for every
 * period of the 条例); published on the 20th working day is in time, on the next day late. A date written
 * after the publication (a mistake of entry) is in time.
 */
export function art26Timeliness(
  calendar: WorkingDayCalendar,
  writtenOn: PlainDate | null,
  publishedOn: PlainDate,
): TimelinessVerdict {
  if (writtenOn === null) return { kind: 'unknown', reason: 'no-written-on' };
  try {
    const dueOn = calendar.nthWorkdayAfter(writtenOn, ART26_WORKDAYS);
    if (publishedOn <= dueOn) return { kind: 'in-time', dueOn };
    return { kind: 'late', dueOn, workdaysLate: calendar.workdaysBetween(dueOn, publishedOn) };
  } catch {
    return { kind: 'unknown', reason: 'no-calendar' };
  }
}
